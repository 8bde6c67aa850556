/**
 * The upload with its long statements on the database worker, as the core runs it: the same
 * plan as in-process, every valid row on the task exactly once, the same summary, and a worker
 * killed mid-upload costs nothing but a resume (no outid sent twice, none skipped).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DbReader } from '../../../electron/services/db/worker/dbReader';
import { DncStore } from '../../../electron/services/dnc/store';
import { ResultsReader } from '../../../electron/services/results/resultsQuery';
import { startSandbox, type SandboxHandle } from '../../../electron/services/sandbox/index';
import { startCountingProxy } from '../../support/countingProxy';
import { createTask, makeList, mobiles, openUploads, sandboxClient } from '../../support/uploads';
import { mixedRows, sentTwice } from './setup';

let closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers = [];
});

async function fixture(latencyMs = 0) {
  const sandbox: SandboxHandle = await startSandbox({ autoRun: false, seed: 3, latencyMs });
  closers.push(() => sandbox.close());
  const proxy = await startCountingProxy(sandbox.url);
  closers.push(() => proxy.close());
  const client = sandboxClient(proxy.url);
  const taskId = await createTask(client);
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-uploads-offmain-'));
  closers.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const reader = new DbReader(dataDir);
  const options = { batchRows: 100, settleMs: 50, sleep: () => new Promise<void>((r) => setTimeout(r, 5)) };
  // In-process, with the campaign checks the core's worker makes: the do-not-call list, synced calls.
  let dnc: DncStore | null = null;
  let results: ResultsReader | null = null;
  const inProcess = openUploads(dataDir, client, {
    ...options,
    campaign: {
      doNotCall: (accountId, telephones) => dnc!.matches(accountId, telephones),
      dialled: (accountId, task, telephones) => results!.dialledAmong(accountId, task, telephones),
    },
  });
  dnc = new DncStore(inProcess.services.db);
  results = new ResultsReader(inProcess.services.db, () => null);
  const offMain = openUploads(dataDir, client, { ...options, offMain: reader.uploads() });
  closers.push(async () => {
    await offMain.uploads.close();
    await inProcess.uploads.close();
    await reader.close();
    offMain.services.close();
    inProcess.services.close();
  });
  return { sandbox, proxy, client, taskId, reader, here: inProcess, offMain, dnc };
}

/** The running worker, reached as the test's one way to kill it from outside. */
function workerOf(reader: DbReader): Promise<Worker> {
  const started = (reader as unknown as { worker: Promise<Worker> | null }).worker;
  if (!started) throw new Error('no worker running');
  return started;
}

describe('upload on the database worker', () => {
  it('plans what the in-process plan plans, do-not-call and numbers on the task included', async () => {
    const { here, offMain, taskId, dnc } = await fixture();
    const listId = makeList(here.services, mixedRows());
    dnc.add([{ telephone: mobiles(1, 3)[0]!.telephone, reason: '投诉' }], 'sandbox', 'manual', 1);
    // Another list already put one of these numbers on the task.
    const other = makeList(here.services, mobiles(1, 5), '另一份');
    await (
      await here.uploads.start({ listId: other, taskId })
    ).done;

    for (const request of [
      { listId, taskId },
      { listId, taskId, sendNumbersOnTask: true },
    ]) {
      const expected = await here.uploads.plan(request);
      expect(expected.doNotCall).toBe(1);
      expect(expected.numberOnTask.uploaded).toBe(1);
      expect(await offMain.uploads.plan(request)).toEqual(expected);
    }
    const ids = here.services.store.queryRowIds(listId);
    const some = { listId, taskId, rowIds: [ids[0]!, ids[3]!, ids[22]!, 999_999] };
    expect(await offMain.uploads.plan(some)).toEqual(await here.uploads.plan(some));
  });

  it('puts every valid row on the task once and answers the same summary', async () => {
    const { here, offMain, taskId, sandbox, proxy } = await fixture();
    const listId = makeList(here.services, mobiles(1_050));
    // Neither the plan nor the start counts the list's rows on this thread (the worker does).
    const counted = vi.spyOn(offMain.services.store, 'getList');
    await offMain.uploads.plan({ listId, taskId });
    const handle = await offMain.uploads.start({ listId, taskId });
    expect(counted).not.toHaveBeenCalled();
    const summary = await handle.done;
    expect(summary.state).toBe('done');
    expect(summary.rows).toMatchObject({ total: 1_050, accepted: 1_050, pending: 0, sending: 0 });
    expect(summary.batchesDone).toBe(11);
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(1_050);
    expect(sentTwice(proxy.received)).toEqual([]);
    // The worker's counts and main's agree, and the rows read back are the journal's.
    expect(await offMain.uploads.read.status(handle.uploadId)).toEqual(here.uploads.status(handle.uploadId));
    expect(await offMain.uploads.read.forList(listId)).toEqual(here.uploads.forList(listId));
    // Started again: nothing left to send (all on the task).
    await expect(offMain.uploads.start({ listId, taskId })).rejects.toMatchObject({
      code: 'uploads.nothing_to_send',
    });
  });

  it('resumes after the worker is killed mid-upload without sending an outid twice or skipping one', async () => {
    const { here, offMain, taskId, sandbox, proxy, reader } = await fixture(20);
    const listId = makeList(here.services, mobiles(2_000));
    let killed: Promise<number> | null = null;
    const handle = await offMain.uploads.start(
      { listId, taskId },
      {
        onProgress: (p) => {
          if (p.batchesDone >= 3 && !killed) killed = workerOf(reader).then((w) => w.terminate());
        },
      },
    );
    const first = await handle.done;
    expect(killed).not.toBeNull();
    await killed;
    expect(first.state).toBe('failed');
    expect(sandbox.control.taskOutids(taskId).length).toBeLessThan(2_000);

    // A new worker starts with the next statement; rows left `sending` are looked up first.
    const second = await (await offMain.uploads.resume(first.id)).done;
    expect(second.state).toBe('done');
    expect(second.rows).toMatchObject({ total: 2_000, accepted: 2_000 });
    expect(sandbox.control.taskOutids(taskId).sort()).toEqual(
      here.services.store
        .getRows(listId, 0, 2_000)
        .map((r) => r.outid)
        .sort(),
    );
    expect([...proxy.received.values()].every((n) => n === 1)).toBe(true);
    expect(proxy.received.size).toBe(2_000);
  });
});

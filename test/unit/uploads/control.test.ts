import { accountsOver } from '../../support/providers';
/**
 * Pause, resume, cancel, provider errors and lost answers in the middle of an upload: the task
 * ends with every valid outid exactly once, and the journal says what happened to each row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SOBOT_CAPABILITIES } from '../../../electron/services/sobot/provider/info';
import { UPLOAD_ROW_REASONS } from '../../../shared/codes/uploads';
import { createUploadService } from '../../../electron/services/uploads';
import { makeList, mobiles } from '../../support/uploads';
import { sentTwice, uploadFixture } from './setup';

let fixture: Awaited<ReturnType<typeof uploadFixture>>;
afterEach(async () => fixture?.close());

// Sobot lets an upload have 2 batches in flight: a pause or cancel asked after batch N lets
// batch N+1, already on the wire, finish.
const ALSO_IN_FLIGHT = SOBOT_CAPABILITIES.rows.inFlight - 1;

describe('pause, resume and cancel', () => {
  it('pauses after the batch in flight and resumes where it stopped', async () => {
    fixture = await uploadFixture({ batchRows: 100 });
    const { uploads, services, taskId, sandbox, proxy } = fixture;
    const listId = makeList(services, mobiles(1_000));
    const handle = await uploads.start(
      { listId, taskId },
      { onProgress: (p) => (p.batchesDone === 3 ? handle.pause() : undefined) },
    );
    const paused = await handle.done;
    expect(paused.state).toBe('paused');
    const done = 3 + ALSO_IN_FLIGHT;
    expect(paused.batchesDone).toBe(done);
    expect(paused.rows.accepted).toBe(done * 100);
    expect(paused.rows.pending).toBe(1_000 - done * 100);
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(done * 100);
    expect((await uploads.plan({ listId, taskId })).unfinishedUploadId).toBe(handle.uploadId);

    const resumed = await (await uploads.resume(handle.uploadId)).done;
    expect(resumed.state).toBe('done');
    expect(resumed.outcome.accepted).toBe(1_000);
    // Every outid once (two batches in flight may reach the task in either order).
    expect(sandbox.control.taskOutids(taskId).sort()).toEqual(
      services.store
        .getRows(listId, 0, 1_000)
        .map((r) => r.outid)
        .sort(),
    );
    expect(sentTwice(proxy.received)).toEqual([]);
  });

  it('cancels after the batch in flight; a cancelled upload cannot be resumed', async () => {
    fixture = await uploadFixture({ batchRows: 100 });
    const { uploads, services, taskId, sandbox } = fixture;
    const listId = makeList(services, mobiles(500));
    const handle = await uploads.start(
      { listId, taskId },
      { onProgress: (p) => (p.batchesDone === 2 ? handle.cancel() : undefined) },
    );
    const cancelled = await handle.done;
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.finishedAt).not.toBeNull();
    const sent = (2 + ALSO_IN_FLIGHT) * 100;
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(sent);
    await expect(uploads.resume(handle.uploadId)).rejects.toMatchObject({ code: 'uploads.not_resumable' });
    // A new upload of the same list sends only what the cancelled one did not.
    const rest = await (await uploads.start({ listId, taskId })).done;
    expect(rest.outcome).toMatchObject({ accepted: 500 - sent, repeated: sent });
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(500);
  });

  it('shows an upload whose process died as interrupted, and resumes it to exactly once', async () => {
    fixture = await uploadFixture({ batchRows: 100 });
    const { uploads, services, taskId, sandbox, proxy, client } = fixture;
    const listId = makeList(services, mobiles(400));
    const handle = await uploads.start(
      { listId, taskId },
      { onProgress: (p) => (p.batchesDone === 2 ? handle.pause() : undefined) },
    );
    await handle.done;
    // What a quit or crash mid-batch leaves: `running`, a dead owner, a batch without its answer.
    const deadPid = 2 ** 22 + 4321;
    services.db
      .prepare(
        "UPDATE uploads SET state = 'running', owner_pid = ?, owner_token = 'gone', heartbeat_at = ? WHERE id = ?",
      )
      .run(deadPid, Date.now(), handle.uploadId);
    services.db
      .prepare(
        "UPDATE upload_rows SET state = 'sending' WHERE upload_id = ? AND seq IN (SELECT seq FROM upload_rows WHERE upload_id = ? AND state = 'pending' ORDER BY seq LIMIT 100)",
      )
      .run(handle.uploadId, handle.uploadId);
    // The batch did reach the provider before the crash.
    const sending = services.db
      .prepare("SELECT outid, telephone FROM upload_rows WHERE upload_id = ? AND state = 'sending'")
      .all(handle.uploadId) as { outid: string; telephone: string }[];
    await client.addTaskData({ taskid: taskId, data: sending });

    const restarted = createUploadService({
      db: services.db,
      lists: services.store,
      ...accountsOver(client),
    });
    const seen = restarted.forList(listId)[0]!;
    expect(seen).toMatchObject({
      id: handle.uploadId,
      state: 'failed',
      error: { code: 'uploads.interrupted' },
    });
    expect(seen.error!.message['zh-CN']).toContain('点击“继续”');
    expect(restarted.pause(handle.uploadId).state).toBe('failed');
    const done = await (await restarted.resume(handle.uploadId)).done;
    expect(done).toMatchObject({ state: 'done', error: null, outcome: { accepted: 400, failed: 0 } });
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(400);
    expect(new Set(sandbox.control.taskOutids(taskId)).size).toBe(400);
    // The crashed batch was found on the task, not sent again by the app.
    expect(sentTwice(proxy.received)).toEqual([]);
    await restarted.close();
  });

  it('takes a pause asked by another service on the same journal (another process)', async () => {
    fixture = await uploadFixture({ batchRows: 50, latencyMs: 5 });
    const { uploads, services, taskId, client } = fixture;
    const listId = makeList(services, mobiles(1_000));
    const other = createUploadService({
      db: services.db,
      lists: services.store,
      ...accountsOver(client),
    });
    const handle = await uploads.start(
      { listId, taskId },
      { onProgress: (p) => (p.batchesDone === 2 ? other.pause(handle.uploadId) : undefined) },
    );
    await expect(other.resume(handle.uploadId)).rejects.toMatchObject({ code: 'uploads.busy' });
    const paused = await handle.done;
    expect(paused.state).toBe('paused');
    expect(paused.batchesDone).toBeLessThan(20);
    expect((await (await other.resume(handle.uploadId)).done).state).toBe('done');
  });
});

describe('provider failures', () => {
  it('stops on a provider error, refuses a second upload of the list, and resumes without repeats', async () => {
    fixture = await uploadFixture({ batchRows: 100 });
    const { uploads, services, taskId, sandbox, proxy } = fixture;
    const listId = makeList(services, mobiles(600));
    let armed = false;
    const handle = await uploads.start(
      { listId, taskId },
      {
        onProgress: (p) => {
          if (p.batchesDone !== 2 || armed) return;
          armed = true;
          sandbox.control.setFault('add_task_data', 'code:329999', 'once');
        },
      },
    );
    const failed = await handle.done;
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'sobot.329999' });
    expect(failed.error?.message['zh-CN']).toBeTruthy();
    // The fault meets the next request the sandbox reads: batch 3, or batch 4 when batch 3 was
    // already on the wire (and then batch 5 may be on the wire too when it fails); either way
    // nothing is left sending and exactly what was accepted is on the task.
    expect(failed.rows.sending).toBe(0);
    expect([200, 300, 400]).toContain(failed.rows.accepted);
    expect(failed.rows.accepted + failed.rows.pending).toBe(600);
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(failed.rows.accepted);
    await expect(uploads.start({ listId, taskId })).rejects.toMatchObject({ code: 'uploads.unfinished' });

    const done = await (await uploads.resume(handle.uploadId)).done;
    expect(done.state).toBe('done');
    expect(done.error).toBeNull();
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(600);
    expect(sentTwice(proxy.received)).toEqual([]);
  });

  it('reconciles a lost answer by asking the task, then goes on', async () => {
    fixture = await uploadFixture({ batchRows: 100 });
    const { uploads, services, taskId, sandbox, proxy } = fixture;
    const listId = makeList(services, mobiles(300));
    // `truncated`: the sandbox stores the batch, then the answer is cut off.
    sandbox.control.setFault('add_task_data', 'truncated', 'once');
    sandbox.control.resetStats();
    const done = await (await uploads.start({ listId, taskId })).done;
    expect(done.state).toBe('done');
    expect(done.outcome.accepted).toBe(300);
    expect(sandbox.control.stats().requests['query_task_data']).toBe(100);
    expect(sentTwice(proxy.received)).toEqual([]);
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(300);
  });

  it('halves the batch when the provider says it is too large (320029)', async () => {
    fixture = await uploadFixture({ batchRows: 200 });
    const { uploads, services, taskId, sandbox, proxy } = fixture;
    const listId = makeList(services, mobiles(500));
    sandbox.control.setFault('add_task_data', 'code:320029', 'once');
    sandbox.control.resetStats();
    const done = await (await uploads.start({ listId, taskId })).done;
    expect(done.state).toBe('done');
    // 1 refused + the other first batch of 200 (already on the wire: 2 in flight) + the other 300
    // rows in batches of 100; with one batch in flight it would be 1 + 500 rows in batches of 100.
    expect(sandbox.control.stats().requests['add_task_data']).toBe(ALSO_IN_FLIGHT ? 5 : 6);
    expect(sentTwice(proxy.received)).toEqual([]);
  });

  it('isolates a row the provider refuses as malformed and sends the rest of its batch', async () => {
    let poison = '';
    // The one fault the sandbox cannot cause with well-formed rows: this row reaches it without a
    // telephone, so every batch holding it is refused with 320018 and the client halves it away.
    const poisoning: typeof fetch = async (input, init) => {
      if (poison && typeof init?.body === 'string' && init.body.includes(encodeURIComponent(poison))) {
        const form = new URLSearchParams(init.body);
        const rows = JSON.parse(form.get('data') ?? '[]') as { outid: string; telephone: string }[];
        form.set('data', JSON.stringify(rows.map((r) => (r.outid === poison ? { ...r, telephone: '' } : r))));
        return fetch(input, { ...init, body: form.toString() });
      }
      return fetch(input, init);
    };
    fixture = await uploadFixture({ batchRows: 64, fetch: poisoning });
    const { uploads, services, taskId, sandbox } = fixture;
    const listId = makeList(services, mobiles(128));
    const rows = services.store.getRows(listId, 0, 128);
    poison = rows[37]!.outid;
    const handle = await uploads.start({ listId, taskId });
    const done = await handle.done;
    expect(done.outcome).toMatchObject({ sent: 128, accepted: 127, failed: 1 });
    expect(uploads.rows(handle.uploadId, { states: ['rejected'] })).toEqual([
      expect.objectContaining({ outid: poison, rowId: rows[37]!.id, code: 'provider.row_malformed' }),
    ]);
    expect(UPLOAD_ROW_REASONS['provider.row_malformed']?.en).toContain('malformed');
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(127);
  });
});

describe('crash recovery in the journal', () => {
  it('looks up rows left `sending` instead of resending them', async () => {
    fixture = await uploadFixture({ batchRows: 100 });
    const { uploads, services, taskId, sandbox, proxy } = fixture;
    const listId = makeList(services, mobiles(300));
    const handle = await uploads.start(
      { listId, taskId },
      { onProgress: (p) => (p.batchesDone === 2 ? handle.pause() : undefined) },
    );
    await handle.done;
    // As if a process died twice, long ago: once after its request reached the provider (rows 100–199,
    // which the task holds) and once before (rows 200–249, which it does not).
    const db = services.db;
    db.prepare(
      "UPDATE upload_rows SET state = 'sending', updated_at = 0 WHERE upload_id = ? AND seq BETWEEN 100 AND 249",
    ).run(handle.uploadId);
    db.prepare(
      "UPDATE uploads SET state = 'running', owner_pid = 999999999, owner_token = 'dead' WHERE id = ?",
    ).run(handle.uploadId);
    sandbox.control.resetStats();
    const done = await (await uploads.resume(handle.uploadId)).done;
    expect(done.state).toBe('done');
    expect(sandbox.control.stats().requests['query_task_data']).toBe(150);
    expect(sentTwice(proxy.received)).toEqual([]);
    expect(sandbox.control.taskOutids(taskId).sort()).toEqual(
      services.store
        .getRows(listId, 0, 300)
        .map((r) => r.outid)
        .sort(),
    );
  });
});

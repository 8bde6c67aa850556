/**
 * One runner per upload in a service, however many resume and resend calls arrive together; a
 * start refused quickly when the list already has an unfinished upload into the task; and a run
 * whose journal cannot be written any more still ends (its `done` resolves, its runner let go).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUploadService } from '../../../electron/services/uploads';
import { UploadJournal } from '../../../electron/services/uploads/journal';
import { journalRowsHere, type UploadsOffMain } from '../../../electron/services/uploads/offMain';
import type { Logger } from '../../../electron/services/log';
import { accountsOver } from '../../support/providers';
import { ACCOUNT, makeList, mobiles } from '../../support/uploads';
import { sentTwice, uploadFixture } from './setup';

let fixture: Awaited<ReturnType<typeof uploadFixture>> | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** An upload of `rows` rows paused after its first answered batch. */
async function pausedUpload(rows: number) {
  fixture = await uploadFixture({ batchRows: 100, settleMs: 0 });
  const { uploads, services, taskId } = fixture;
  const listId = makeList(services, mobiles(rows));
  const handle = await uploads.start(
    { listId, taskId },
    { onProgress: (p) => (p.batchesDone === 1 ? handle.pause() : undefined) },
  );
  expect((await handle.done).state).toBe('paused');
  return { ...fixture, listId, id: handle.uploadId };
}

/** Every list row's outid on the task, each received once. */
function expectEachOnce(f: Awaited<ReturnType<typeof pausedUpload>>, rows: number): void {
  const outids = f.services.store.getRows(f.listId, 0, rows).map((r) => r.outid);
  expect(f.sandbox.control.taskOutids(f.taskId).sort()).toEqual(outids.sort());
  expect(sentTwice(f.proxy.received)).toEqual([]);
}

describe('one runner per upload', () => {
  it('two resumes at once answer the same handle, and one runner sends every row once', async () => {
    const f = await pausedUpload(800);
    const [a, b] = await Promise.all([f.uploads.resume(f.id), f.uploads.resume(f.id)]);
    expect(b).toBe(a);
    expect(f.uploads.running()).toEqual([f.id]);
    const done = await a.done;
    expect(done).toMatchObject({ state: 'done', outcome: { accepted: 800 } });
    expect(done.rows.uncertain).toBe(0);
    expect(f.uploads.running()).toEqual([]);
    await expect(f.uploads.resume(f.id)).rejects.toMatchObject({ code: 'uploads.not_resumable' });
    expectEachOnce(f, 800);
  });

  it('a resend and a resume at once: the resume joins the resend; a resend during a resume is busy', async () => {
    const f = await pausedUpload(600);
    // Rows whose answer was lost: the next 100 pending ones, as a lost batch leaves them.
    f.services.db
      .prepare(
        `UPDATE upload_rows SET state = 'uncertain' WHERE upload_id = ? AND outid IN
           (SELECT outid FROM upload_rows WHERE upload_id = ? AND state = 'pending' ORDER BY seq LIMIT 100)`,
      )
      .run(f.id, f.id);
    const [resent, resumed] = await Promise.all([f.uploads.resendUncertain(f.id), f.uploads.resume(f.id)]);
    expect(resumed).toBe(resent);
    expect(f.uploads.running()).toEqual([f.id]);
    resent.pause();
    expect((await resent.done).state).toBe('paused');

    // The other way round: the resume is on its way to a runner, so the resend is refused.
    f.services.db
      .prepare(
        `UPDATE upload_rows SET state = 'uncertain' WHERE upload_id = ? AND outid IN
           (SELECT outid FROM upload_rows WHERE upload_id = ? AND state = 'pending' ORDER BY seq LIMIT 50)`,
      )
      .run(f.id, f.id);
    const answers = await Promise.allSettled([f.uploads.resume(f.id), f.uploads.resendUncertain(f.id)]);
    expect(answers[0].status).toBe('fulfilled');
    expect(answers[1]).toMatchObject({
      status: 'rejected',
      reason: { code: 'uploads.busy', detail: String(f.id) },
    });
    const handle = (answers[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof f.uploads.resume>>>).value;
    expect(f.uploads.running()).toEqual([f.id]);
    // The resumed run looks the uncertain rows up first (not on the task: sent once now).
    expect((await handle.done).state).toBe('done');
    expectEachOnce(f, 600);
  });
});

describe('start with an unfinished upload of the list into the task', () => {
  it('is refused before the rows are selected', async () => {
    const f = await pausedUpload(300);
    const prepare = vi.fn<UploadsOffMain['prepare']>(() => Promise.reject(new Error('rows selected')));
    const offMain: UploadsOffMain = {
      plan: () => Promise.reject(new Error('not planned here')),
      prepare,
      rows: journalRowsHere(new UploadJournal(f.services.db)),
    };
    const other = createUploadService({
      db: f.services.db,
      lists: f.services.store,
      ...accountsOver(f.client, ACCOUNT),
      offMain,
    });
    await expect(other.start({ listId: f.listId, taskId: f.taskId })).rejects.toMatchObject({
      code: 'uploads.unfinished',
      detail: String(f.id),
    });
    expect(prepare).not.toHaveBeenCalled();
    await other.close();
  });
});

describe('a run whose journal cannot be written', () => {
  it('still ends: done resolves, the runner is let go, the error is logged', async () => {
    const errors: string[] = [];
    const log: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (message) => errors.push(message),
    };
    fixture = await uploadFixture({ batchRows: 100, log });
    const { uploads, services, taskId } = fixture;
    const listId = makeList(services, mobiles(1_000));
    // The database closed under the run (the app quitting the hard way): the next journal
    // statement throws, and so does the run's attempt to journal that failure.
    const handle = await uploads.start(
      { listId, taskId },
      { onProgress: (p) => (p.batchesDone === 1 && services.db.open ? services.db.close() : undefined) },
    );
    const ended = await handle.done;
    expect(ended).toMatchObject({ id: handle.uploadId, listId, taskId, state: 'failed' });
    expect(ended.error?.code).toBe('uploads.interrupted');
    expect(uploads.running()).toEqual([]);
    expect(errors).toContain('upload: could not journal how the run ended');
  });
});

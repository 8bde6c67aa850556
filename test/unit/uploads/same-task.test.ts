/**
 * Two uploads of different lists into one task at about the same time, the lists sharing some
 * numbers: a number goes into the task once (the second selection counts the first upload's
 * rows still to be sent as already in the task, `row.number_on_task`), unless the operator
 * chose to send numbers on the task anyway.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import type { ListServices } from '../../../electron/services/lists/index';
import type { Result } from '../../../shared/result';
import type { UploadSummary } from '../../../shared/uploads';
import { openHarnessCore, TEST_SENDER } from '../../support/harnessCore';
import { makeList, mobiles } from '../../support/uploads';
import { uploadFixture } from './setup';

let fixture: Awaited<ReturnType<typeof uploadFixture>> | undefined;
let closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  for (const close of closers.reverse()) await close();
  closers = [];
});

/** Numbers the journal shows accepted into the task more than once. */
function numbersTwice(db: Database, taskId: string): string[] {
  return db
    .prepare(
      `SELECT r.telephone FROM upload_rows r JOIN uploads u ON u.id = r.upload_id
       WHERE u.task_id = ? AND r.state = 'accepted' GROUP BY r.telephone HAVING count(*) > 1`,
    )
    .pluck()
    .all(taskId) as string[];
}

describe('two lists into one task at once', () => {
  for (const at of ['together', 'one after the other'] as const) {
    it(`started ${at}: each shared number sent once, the other excluded as on the task`, async () => {
      fixture = await uploadFixture({ batchRows: 50, latencyMs: 5 });
      const { uploads, services, taskId, sandbox } = fixture;
      const first = makeList(services, mobiles(300), '甲');
      const second = makeList(services, mobiles(300, 200), '乙');
      const handles =
        at === 'together'
          ? await Promise.all([
              uploads.start({ listId: first, taskId }),
              uploads.start({ listId: second, taskId }),
            ])
          : [await uploads.start({ listId: first, taskId }), await uploads.start({ listId: second, taskId })];
      const [a, b] = await Promise.all(handles.map((h) => h.done));
      expect(numbersTwice(services.db, taskId)).toEqual([]);
      expect(a!.outcome.accepted + b!.outcome.accepted).toBe(500);
      expect(sandbox.control.taskOutids(taskId)).toHaveLength(500);
      const excluded = [a!, b!].map((s) => s.excluded.byProblem['row.number_on_task'] ?? 0);
      expect(excluded.sort()).toEqual([0, 100]);
    });
  }

  it('sends them again when the operator chose to send numbers on the task anyway', async () => {
    fixture = await uploadFixture({ batchRows: 50, latencyMs: 5 });
    const { uploads, services, taskId } = fixture;
    const first = makeList(services, mobiles(300), '甲');
    const second = makeList(services, mobiles(300, 200), '乙');
    const a = await uploads.start({ listId: first, taskId });
    const plan = await uploads.plan({ listId: second, taskId, sendNumbersOnTask: true });
    expect(plan.numberOnTask).toMatchObject({ rows: 100, uploaded: 100, sendAnyway: true });
    expect(plan.toSend).toBe(300);
    const b = await uploads.start({ listId: second, taskId, sendNumbersOnTask: true });
    const [da, db] = await Promise.all([a.done, b.done]);
    expect(da.outcome.accepted + db.outcome.accepted).toBe(600);
    expect(numbersTwice(services.db, taskId)).toHaveLength(100);
  });

  it('through the core (selection and journal on the database worker): each shared number once', async () => {
    const core = openHarnessCore(11, closers);
    const call = (channel: string, input?: unknown) => core.dispatch(channel, input, TEST_SENDER);
    const control = await core.sandbox.control();
    const taskId = await control.seedTask({ name: '两份名单', rows: 0, completed: 0 });
    const services = { store: core.lists.store } as ListServices;
    const first = makeList(services, mobiles(2_000), '甲');
    const second = makeList(services, mobiles(2_000, 1_000), '乙');
    const answers = (await Promise.all([
      call('uploads:start', { listId: first, taskId }),
      call('uploads:start', { listId: second, taskId }),
    ])) as Result<UploadSummary>[];
    expect(answers.every((a) => a.ok)).toBe(true);
    // Each to its end (a running one answers its own handle; a finished one is left as it is).
    for (const answer of answers)
      if (answer.ok && core.uploads.running().includes(answer.value.id))
        await (
          await core.uploads.resume(answer.value.id)
        ).done;
    expect(numbersTwice(core.db, taskId)).toEqual([]);
    expect(await control.taskOutids(taskId)).toHaveLength(3_000);
  });
});

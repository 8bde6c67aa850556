/**
 * The upload journal as the results' outid resolver: a push (outid, no task) lands on the task
 * the row was uploaded into, with no list linked on the Results screen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_APPID, SANDBOX_SIGNATURE } from '../../../electron/services/sandbox/index';
import { createSobotClient } from '../../../electron/services/sobot/index';
import { createJournalOutidResolver, createUploadService } from '../../../electron/services/uploads';
import {
  ACCOUNT,
  addList,
  PUSH_CALLID as CALLID,
  PUSH_EXAMPLE as EXAMPLE,
  setupResults,
} from '../results/support';
import { createTask } from '../../support/uploads';

type Setup = Awaited<ReturnType<typeof setupResults>>;
let current: Setup | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

const OUTID = '1234554321123666';

async function setup() {
  const s = (current = await setupResults({
    sandbox: { autoRun: false, seed: 5 },
    depsFor: (services) => ({ resolver: createJournalOutidResolver(services.db) }),
  }));
  const client = createSobotClient({
    baseUrl: s.sandbox!.url,
    appid: SANDBOX_APPID,
    signature: SANDBOX_SIGNATURE,
  });
  const uploads = createUploadService({
    db: s.services.db,
    lists: s.services.store,
    clientFor: () => Promise.resolve(client),
    activeId: () => ACCOUNT,
    verify: 'none',
  });
  const upload = async (listId: number, taskId: string) => {
    const summary = await (await uploads.start({ listId, taskId })).done;
    expect(summary.state).toBe('done');
    return summary;
  };
  return { s, client, uploads, upload };
}

async function postExample(s: Setup) {
  const state = await s.results.push.configure({ enabled: true, port: 0 });
  const response = await fetch(state.url!, { method: 'POST', body: EXAMPLE });
  expect(response.status).toBe(200);
}

describe('the upload journal as outid resolver', () => {
  it('puts a push on the task its row was uploaded into, joined to the row', async () => {
    const { s, client, upload } = await setup();
    const list = addList(s.services, '十一月回访', [
      { phone: '13800000001', outid: 'other-1', name: '李四' },
      { phone: '18207736077', outid: OUTID, name: '张三' },
    ]);
    const taskId = await createTask(client, '推送归属');
    await upload(list.id, taskId);
    // A newer list holding the same outid but never uploaded must not capture the push.
    addList(s.services, '另一份名单', [{ phone: '18207736077', outid: OUTID, name: '冒名' }]);

    await postExample(s);
    const review = s.results.call(CALLID);
    expect(review.call.taskId).toBe(taskId);
    expect(review.call.row).toMatchObject({ listId: list.id, listName: '十一月回访', variables: ['张三'] });
    expect(s.events).toContainEqual(['results:changed', { accountId: ACCOUNT, taskId }]);
  });

  it('prefers the newest upload that the provider accepted, and the synced task when known', async () => {
    const { s, client, upload } = await setup();
    const first = addList(s.services, '第一批', [{ phone: '18207736077', outid: OUTID, name: '甲' }]);
    const second = addList(s.services, '第二批', [{ phone: '18207736077', outid: OUTID, name: '乙' }]);
    const taskA = await createTask(client, 'A');
    const taskB = await createTask(client, 'B');
    await upload(first.id, taskA);
    await upload(second.id, taskB);

    const resolver = createJournalOutidResolver(s.services.db);
    expect(resolver.taskFor(OUTID)).toMatchObject({ taskId: taskB, listId: second.id, accountId: ACCOUNT });
    expect(resolver.taskFor(OUTID, { accountId: ACCOUNT, taskId: taskA })).toMatchObject({
      taskId: taskA,
      listId: first.id,
    });
    // Not in the journal: the call lists answer (no task, the newest list holding it).
    addList(s.services, '未上传', [{ phone: '13900000000', outid: 'never-sent', name: '丙' }]);
    expect(resolver.taskFor('never-sent')).toMatchObject({ taskId: null });
    expect(resolver.taskFor('unknown')).toBeNull();
  });

  it('joins synced calls (which carry no outid) to the uploaded row by telephone, outid filled', async () => {
    const { s, client, upload } = await setup();
    const rows = Array.from({ length: 12 }, (_, i) => ({
      phone: `1391234${String(i).padStart(4, '0')}`,
      outid: `sync-${i}`,
      name: `客户${i}`,
    }));
    const list = addList(s.services, '同步名单', rows);
    // Another list with the same numbers, uploaded elsewhere, must not capture these calls.
    const other = addList(
      s.services,
      '别的名单',
      rows.map((r) => ({ ...r, outid: `other-${r.outid}` })),
    );
    const taskId = await createTask(client, '同步归属');
    await upload(list.id, taskId);
    await upload(other.id, await createTask(client, '别的任务'));
    s.sandbox!.control.advance(6 * 3_600_000);
    const report = await s.results.sync(taskId);
    expect(report.added).toBeGreaterThan(0);

    const calls = s.results.query({ kind: 'task', taskId }, {}, 0, 100).calls;
    expect(calls.length).toBe(report.added);
    for (const call of calls) {
      const index = rows.findIndex((r) => r.phone === call.telephone);
      expect(call.outid).toBe(`sync-${index}`);
      expect(call.row).toMatchObject({ listId: list.id, listName: '同步名单', variables: [`客户${index}`] });
    }
  });

  it('ignores rows the provider refused', async () => {
    const { s } = await setup();
    const list = addList(s.services, '名单', [{ phone: '18207736077', outid: OUTID, name: '丁' }]);
    const row = s.services.store.queryRowIds(list.id)[0]!;
    s.services.db
      .prepare(
        `INSERT INTO uploads (account_id, task_id, list_id, list_name, via, state, batch_rows, excluded, variables, created_at, updated_at)
         VALUES (?, 'refused-task', ?, '名单', 'data', 'done', 500, '{}', '[]', 0, 0)`,
      )
      .run(ACCOUNT, list.id);
    s.services.db
      .prepare(
        `INSERT INTO upload_rows (upload_id, outid, row_id, seq, telephone, variable, state, code, updated_at)
         VALUES (last_insert_rowid(), ?, ?, 0, '18207736077', '', 'rejected', '320011', 0)`,
      )
      .run(OUTID, row);
    expect(createJournalOutidResolver(s.services.db).taskFor(OUTID)).toMatchObject({
      taskId: null,
      listId: list.id,
    });
  });
});

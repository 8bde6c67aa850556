import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_APPID, SANDBOX_SIGNATURE } from '../../electron/services/sandbox/index';
import { createSobotClient } from '../../electron/services/sobot/index';
import { importInto } from '../support/seedList';
import { writeCsv } from '../support/workbooks';
import { choose, createTaskViaApi, expect, taskRow, test } from './fixtures';

// Results found by a customer's name, a reviewed call's number put on the do-not-call list, then
// "call these again": the filtered calls become a new call list with their names, whose push
// plan leaves the do-not-call number out.
test('find a call by the customer’s name, and make a call list of the filtered calls', async ({
  page,
  harness,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const names = ['王小明', '王大力', '李四', '张三', '赵六', '孙七'];
  const phones = names.map((_, i) => `136${String(i).padStart(8, '0')}`);
  const file = join(mkdtempSync(join(tmpdir(), 'cd-e2e-recall-')), '回访名单.csv');
  writeCsv(file, [['姓名', '手机号码'], ...names.map((name, i) => [name, phones[i]!])]);
  const listId = await importInto(dataDir, file);

  await page.goto(`${harness.url}#/results`);
  await expect(page.getByRole('heading', { level: 1, name: '结果' })).toBeVisible();
  const taskId = await createTaskViaApi(page, 'e2e 再打');
  // The rows reach the task from another tool; the list is linked on the Results screen.
  const client = createSobotClient({
    baseUrl: await harness.sandboxUrl(),
    appid: SANDBOX_APPID,
    signature: SANDBOX_SIGNATURE,
  });
  await client.addTaskData({
    taskid: taskId,
    data: phones.map((telephone, i) => ({ telephone, outid: `rc-${i}` })),
  });
  await expect
    .poll(async () => (await client.queryTaskInfo({ taskid: taskId }))[0]?.call_times ?? 0, {
      timeout: 60_000,
    })
    .toBe(phones.length);

  await page.reload();
  await choose(page, page.getByLabel('查看'), 'e2e 再打（');
  await page.getByRole('button', { name: '同步结果' }).click();
  await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toContainText(
    `新增 ${phones.length} 通`,
  );
  await choose(page, page.getByLabel('关联名单'), '回访名单');
  await expect(page.getByTestId('results-link').getByTitle('回访名单')).toBeVisible();
  const countsBar = page.getByRole('region', { name: '统计' });
  await expect(countsBar).toContainText(`共 ${phones.length} 通`);

  // The task's dashboard reads the synced calls.
  await page.goto(`${harness.url}#/tasks`);
  const open = taskRow(page, 'e2e 再打').getByRole('button', { name: 'e2e 再打', exact: true });
  if ((await open.getAttribute('aria-pressed')) !== 'true') await open.click();
  const board = page.getByRole('region', { name: '通话看板（已同步的通话）' });
  await expect(board).toContainText('已同步通话');
  await expect(board).toContainText(String(phones.length));
  await expect(board).toContainText('接通率');
  await page.goto(`${harness.url}#/results`);
  await choose(page, page.getByLabel('查看'), 'e2e 再打（');
  await expect(countsBar).toContainText(`共 ${phones.length} 通`);

  // By name: a prefix of the list's 姓名 (王 finds two customers; 王小 one); by the last 4 digits.
  const find = page.getByRole('searchbox', { name: '查找客户' });
  await find.fill('王');
  await expect(countsBar).toContainText('共 2 通');
  await find.fill('王小');
  await expect(countsBar).toContainText('共 1 通');
  await expect(page.locator('[data-callid]')).toHaveCount(1);
  await expect(page.locator('[data-callid]').first()).toContainText(phones[0]!);
  // From the review: 王小明 asked not to be called again.
  await page.locator('[data-callid]').first().click();
  const pane = page.getByRole('region', { name: '通话详情' });
  await pane.getByRole('button', { name: '加入免打扰' }).click();
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await expect(page.getByText(`${phones[0]} 已加入免打扰名单`)).toBeVisible();
  await find.fill(phones[3]!.slice(-4));
  await expect(countsBar).toContainText('共 1 通');
  await find.fill('王');
  await expect(countsBar).toContainText('共 2 通');

  // Call these again: the two 王 customers become a new list with their names.
  await page.getByRole('button', { name: '用这些通话新建名单' }).click();
  const dialog = page.getByRole('dialog', { name: '再打一遍：用当前筛选的通话新建名单' });
  await dialog.getByLabel('新名单名称').fill('王姓再打');
  await dialog.getByRole('button', { name: '新建名单' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已新建名单“王姓再打”' })).toContainText(
    '2 个号码（来自 2 通通话）',
  );
  await page.getByRole('link', { name: '打开名单' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('王姓再打');
  await expect(page.getByText('王小明')).toBeVisible();
  await expect(page.getByText('王大力')).toBeVisible();
  await expect(page.getByText('李四')).toHaveCount(0);

  // Pushing it into a second task (the first has dialled every row): the do-not-call number is
  // left out and counted.
  await createTaskViaApi(page, 'e2e 再打二', 1);
  await page.getByRole('button', { name: '推送到任务…' }).click();
  const push = page.getByRole('dialog', { name: '把“王姓再打”推送到任务' });
  await choose(page, push.getByLabel('目标任务'), 'e2e 再打二');
  await expect(
    push.getByTestId('upload-task').getByTitle('e2e 再打二（未开始）', { exact: true }),
  ).toBeVisible();
  const plan = push.getByRole('status', { name: '上传计划' });
  await expect(plan.getByRole('listitem').filter({ hasText: '免打扰' })).toContainText('1 行');
  await expect(plan.getByRole('region', { name: '外呼检查' }).getByRole('alert').first()).toBeVisible();
  expect(listId).toBeGreaterThan(0);
});

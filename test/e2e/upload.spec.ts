import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importInto } from '../support/seedList';
import { writeCsv } from '../support/workbooks';
import {
  choose,
  createCampaignViaApi,
  createTaskInWizard,
  expect,
  outsideTask,
  switchAccount,
  taskRow,
  test,
} from './fixtures';

// Pushing a call list into a task through the harness against the built-in sandbox account.
// Every sandbox request takes 700 ms here, so the 4 batches of 500 rows take long enough to
// pause the upload by hand and to watch it move.
test.use({ sandboxOptions: { latencyMs: 700 } });

const VALID = 2_000;

/** 2,000 dialable rows plus three with problems, imported into the test's data folder. */
async function seedList(dataDir: string): Promise<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'cd-e2e-upload-')), '十一月推送.csv');
  const rows = [['客户姓名', '手机号码', '公司']];
  for (let i = 0; i < VALID; i++) rows.push([`客户${i}`, `139${String(i).padStart(8, '0')}`, `公司${i % 9}`]);
  rows.push(['坏号', '12345', '']);
  rows.push(['无号', '', '']);
  rows.push(['重号', '13900000000', '']);
  writeCsv(file, rows);
  return importInto(dataDir, file);
}

test('push a 2,000-row list into a new task, pause and resume, watch it dial, end it', async ({
  page,
  harness,
  dataDir,
}) => {
  test.setTimeout(150_000);
  const listId = await seedList(dataDir);
  await createTaskInWizard(page, harness.url, 'e2e 推送');

  await page.goto(`${harness.url}#/lists/${listId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('十一月推送');
  await page.getByRole('button', { name: '推送到任务…' }).click();
  const dialog = page.getByRole('dialog', { name: '把“十一月推送”推送到任务' });
  await choose(page, dialog.getByLabel('目标任务'), 'e2e 推送（未开始）');
  await expect(
    dialog.getByTestId('upload-task').getByTitle('e2e 推送（未开始）', { exact: true }),
  ).toBeVisible();

  // The plan: what goes, what stays out and why, before anything is sent.
  const plan = dialog.getByRole('status', { name: '上传计划' });
  await expect(plan).toContainText('将上传 2000 行，共 4 次请求。');
  await expect(plan).toContainText('3 行有问题，不会上传：');
  await expect(plan.getByRole('listitem').filter({ hasText: '电话号码无效' })).toHaveText(
    '电话号码无效：1 行',
  );
  await expect(plan.getByRole('listitem').filter({ hasText: '缺少电话号码' })).toHaveText(
    '缺少电话号码：1 行',
  );
  await expect(plan.getByRole('listitem').filter({ hasText: '电话号码重复' })).toHaveText(
    '电话号码重复：1 行',
  );

  // Variables: rename one to the template's name, leave one out; a clash is refused in words.
  await dialog.getByLabel('“客户姓名”对应的模板变量').fill('公司');
  await expect(dialog.getByRole('alert')).toContainText('变量对应关系不正确');
  await expect(dialog.getByRole('button', { name: '开始上传' })).toBeDisabled();
  await dialog.getByLabel('“客户姓名”对应的模板变量').fill('姓名');
  await dialog.getByLabel('发送“公司”').uncheck();
  await expect(plan).toContainText('将上传 2000 行');
  await dialog.getByRole('button', { name: '开始上传' }).click();

  // Pause while the first requests are on the wire (Sobot takes 2 batches in flight): it stops
  // after those requests are answered, never mid-request.
  const progressText = dialog.getByTestId('upload-progress-text');
  await dialog.getByRole('button', { name: '暂停' }).click();
  await expect(dialog.getByTestId('upload-state')).toHaveText('已暂停');
  const pausedAt = Number((await progressText.textContent())!.match(/已处理 (\d+)/)![1]);
  expect(pausedAt).toBeGreaterThanOrEqual(500);
  expect(pausedAt).toBeLessThan(VALID);
  await expect(dialog.getByTestId('upload-figure-accepted')).toHaveText(String(pausedAt));

  // Resume: the rest goes, nothing twice.
  await dialog.getByRole('button', { name: '继续' }).click();
  await expect(dialog.getByTestId('upload-state')).toHaveText('已完成', { timeout: 30_000 });
  await expect(progressText).toHaveText('已处理 2000 / 2000 行：成功 2000，失败 0');
  for (const [figure, value] of [
    ['sent', '2000'],
    ['accepted', '2000'],
    ['repeated', '0'],
    ['filtered', '0'],
    ['failed', '0'],
  ] as const)
    await expect(dialog.getByTestId(`upload-figure-${figure}`)).toHaveText(value);
  await expect(dialog.getByText('另有 3 行因问题未上传。')).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toHaveCount(0);
  const latest = page.getByRole('list', { name: '这个名单的上传记录' }).getByRole('listitem').first();
  await expect(latest).toContainText('→ 任务 e2e 推送');
  await expect(latest.getByTestId('upload-strip-state')).toHaveText('已完成');
  await expect(latest).toContainText('2000/2000');

  // Pushing again sends nothing: every row is already in the task.
  await page.getByRole('button', { name: '推送到任务…' }).click();
  const again = page.getByRole('dialog', { name: '把“十一月推送”推送到任务' });
  await choose(page, again.getByLabel('目标任务'), 'e2e 推送');
  await expect(again.getByRole('status', { name: '上传计划' })).toContainText(
    '2000 行此前已上传到该任务，将跳过',
  );
  await expect(again.getByRole('button', { name: '开始上传' })).toBeDisabled();
  await page.keyboard.press('Escape');

  // Remove two uploaded rows from the task (delete_task_data).
  const grid = page.getByRole('grid');
  await grid.getByRole('checkbox', { name: '选择此行' }).nth(0).check();
  await grid.getByRole('checkbox', { name: '选择此行' }).nth(1).check();
  await page.getByRole('button', { name: '从任务中移除所选（2）…' }).click();
  const remove = page.getByRole('dialog', { name: '从任务中移除所选行' });
  await expect(remove.getByTitle('e2e 推送')).toBeVisible();
  // Removing asks first, naming the task.
  await remove.getByRole('button', { name: '移除 2 行' }).click();
  const ask = page.getByRole('tooltip').filter({ hasText: '将从任务“e2e 推送”中移除所选的 2 行' });
  await ask.getByRole('button', { name: '移除', exact: true }).click();
  await expect(remove.getByRole('status')).toHaveText('已从任务中移除 2 行；0 行不在该任务中。');
  await remove.getByRole('button', { name: '关闭' }).click();

  // The Tasks screen: the sandbox dials; connected and intent counts grow.
  await page.goto(`${harness.url}#/tasks`);
  const row = taskRow(page, 'e2e 推送');
  await expect(row.getByTestId('task-status')).toHaveText('进行中', { timeout: 20_000 });
  await expect(row.getByRole('progressbar')).toHaveAccessibleName(/^已拨打 [1-9]\d* \/ \d+$/, {
    timeout: 20_000,
  });
  const connected = row.locator('[data-count="connected"]');
  await expect(connected).not.toHaveText('0', { timeout: 20_000 });
  const firstConnected = Number(await connected.textContent());
  await expect(row.locator('[data-count="intent"]')).not.toHaveText('0', { timeout: 40_000 });
  await expect
    .poll(async () => Number(await connected.textContent()), { timeout: 30_000 })
    .toBeGreaterThan(firstConnected);

  // The task's detail lists what this app pushed into it, linked to the list.
  const nameButton = row.getByRole('button', { name: 'e2e 推送' });
  if ((await nameButton.getAttribute('aria-pressed')) !== 'true') await nameButton.click();
  const pushed = page.getByRole('region', { name: '推送到此任务的名单' });
  await expect(pushed.getByRole('row')).toHaveCount(2);
  const pushedRow = pushed.getByRole('row').nth(1);
  await expect(pushedRow).toContainText(/十一月推送\s*已完成\s*2,000\s*0/);
  await expect(pushedRow.getByTestId('task-upload-state')).toHaveText('已完成');
  // Started at, as zh-CN writes a moment.
  await expect(pushedRow.getByRole('cell').last()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await expect(pushed.getByRole('link', { name: '十一月推送' })).toHaveAttribute('href', `#/lists/${listId}`);

  // End it.
  await row.getByRole('button', { name: '完结' }).click();
  await page.getByRole('dialog', { name: '完结任务' }).getByRole('button', { name: '完结' }).click();
  await expect(row.getByTestId('task-status')).toHaveText('已完结');
});

test('a refused upload says why in Chinese, keeps its place, and resumes to the end once fixed', async ({
  page,
  harness,
  dataDir,
}) => {
  test.setTimeout(90_000);
  const listId = await seedList(dataDir);
  // A task made outside the app: query_task lists it while it is unfinished.
  const { taskid } = await outsideTask(harness, '外部任务');
  const control = await harness.sandboxControl();

  await page.goto(`${harness.url}#/lists/${listId}`);
  await page.getByRole('button', { name: '推送到任务…' }).click();
  const dialog = page.getByRole('dialog', { name: '把“十一月推送”推送到任务' });
  await choose(page, dialog.getByLabel('目标任务'), '外部任务（未开始）');
  await expect(dialog.getByRole('status', { name: '上传计划' })).toContainText('将上传 2000 行');

  // The provider refuses every add_task_data: the upload stops with the reason, nothing is lost.
  await control.setFault('add_task_data', 'code:320020', 'persistent');
  await dialog.getByRole('button', { name: '开始上传' }).click();
  await expect(dialog.getByTestId('upload-state')).toHaveText('已中断', { timeout: 20_000 });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('任务已经被删除');
  await expect(alert).toContainText('sobot.320020');
  await expect(alert).toContainText('不会重复发送');
  await expect(dialog.getByTestId('upload-figure-accepted')).toHaveText('0');
  expect(await control.taskOutids(taskid)).toHaveLength(0);

  // Closing and reopening the list shows the stopped upload; resuming it finishes the job.
  await dialog.getByRole('button', { name: '关闭' }).click();
  await page.reload();
  const strip = page.getByRole('list', { name: '这个名单的上传记录' });
  const stopped = strip.getByRole('listitem').first();
  await expect(stopped).toContainText('→ 任务 外部任务');
  await expect(stopped.getByTestId('upload-strip-state')).toHaveText('已中断');
  await expect(stopped).toContainText('0/2000');
  await control.clearFaults();
  await stopped.getByRole('button', { name: '查看上传到任务“外部任务”的进度' }).click();
  const watch = page.getByRole('dialog', { name: '把“十一月推送”推送到任务' });
  await watch.getByRole('button', { name: '继续' }).click();
  await expect(watch.getByTestId('upload-state')).toHaveText('已完成', { timeout: 30_000 });
  await expect(watch.getByTestId('upload-figure-accepted')).toHaveText('2000');
  const outids = await control.taskOutids(taskid);
  expect(outids).toHaveLength(VALID);
  expect(new Set(outids).size).toBe(VALID);
});

test('the push dialog speaks English and works from the keyboard', async ({ page, harness, dataDir }) => {
  const listId = await seedList(dataDir);
  await outsideTask(harness, 'Renewals');
  await page.goto(`${harness.url}#/settings`);
  await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
  await page.goto(`${harness.url}#/lists/${listId}`);
  await page.getByRole('button', { name: 'Push to task…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Push “十一月推送” into a task' });
  // The task picker has the focus: the arrow keys open its list, Escape closes the list only (as
  // a native select's; the dialog stays), typing searches the tasks by name, Enter picks.
  const picker = dialog.getByRole('combobox', { name: 'Task' });
  await expect(picker).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  const option = dialog.getByTitle('Renewals (Not started)', { exact: true }).filter({ visible: true });
  await expect(option).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog).toBeVisible();
  await expect(picker).toBeFocused();
  await page.keyboard.type('Renew');
  await expect(option).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(
    dialog.getByTestId('upload-task').getByTitle('Renewals (Not started)', { exact: true }),
  ).toBeVisible();
  const plan = dialog.getByRole('status', { name: 'Upload plan' });
  await expect(plan).toContainText('2000 rows will be uploaded in 4 requests.');
  await expect(plan).toContainText('3 rows have problems and will not be uploaded:');
  await expect(plan.getByRole('listitem').filter({ hasText: 'Invalid telephone number' })).toHaveText(
    'Invalid telephone number: 1',
  );
  await expect(dialog.getByRole('button', { name: 'Start upload' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Push to task…' })).toBeFocused();
});

test('from a task, “push a list” opens the list with the dialog pointed at that task; upload as a workbook', async ({
  page,
  harness,
  dataDir,
}) => {
  await seedList(dataDir);
  await outsideTask(harness, '外部任务');
  await page.goto(`${harness.url}#/tasks`);
  const row = taskRow(page, '外部任务');
  await row.getByRole('button', { name: '外部任务' }).click();
  await page.getByRole('region', { name: '外部任务' }).getByRole('button', { name: '推送名单…' }).click();
  const chooser = page.getByRole('dialog', { name: '选择要推送到此任务的名单' });
  // The only list is chosen already, and the picker has the focus.
  await expect(chooser.getByRole('combobox', { name: '名单' })).toBeFocused();
  await expect(
    chooser.getByTestId('push-list').getByTitle('十一月推送（可拨打 2000 行）', { exact: true }),
  ).toBeVisible();
  await chooser.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('十一月推送');
  const dialog = page.getByRole('dialog', { name: '把“十一月推送”推送到任务' });
  await expect(
    dialog.getByTestId('upload-task').getByTitle('外部任务（未开始）', { exact: true }),
  ).toBeVisible();
  await expect(dialog.getByRole('status', { name: '上传计划' })).toContainText(
    '将上传 2000 行，共 4 次请求。',
  );

  // As one workbook the app writes (add_task_file_data): one request.
  await dialog.getByRole('radio', { name: /生成一个工作簿上传/ }).check();
  await expect(dialog.getByRole('status', { name: '上传计划' })).toContainText(
    '将上传 2000 行，共 1 次请求。',
  );
  await dialog.getByRole('button', { name: '开始上传' }).click();
  await expect(dialog.getByTestId('upload-state')).toHaveText('已完成', { timeout: 30_000 });
  await expect(dialog.getByTestId('upload-figure-accepted')).toHaveText('2000');
  await expect(dialog.getByTestId('upload-figure-failed')).toHaveText('0');
});

test('the plan shows the campaign checks: do-not-call numbers are counted, listed and never sent', async ({
  page,
  harness,
  dataDir,
}) => {
  const listId = await seedList(dataDir);
  await outsideTask(harness, '外部任务');
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.goto(`${harness.url}#/lists/${listId}`);
  const added = await page.evaluate(() =>
    window.api.dnc.add({ telephones: ['13900000001', '13900000002'], target: 'all', reason: '投诉' }),
  );
  expect(added.ok).toBe(true);
  await page.getByRole('button', { name: '推送到任务…' }).click();
  const dialog = page.getByRole('dialog', { name: '把“十一月推送”推送到任务' });
  await choose(page, dialog.getByLabel('目标任务'), '外部任务（未开始）');
  const plan = dialog.getByRole('status', { name: '上传计划' });
  await expect(plan).toContainText('将上传 1998 行');
  // Labelled like every other left-out code, and explained in the checks with its rows.
  await expect(plan.getByRole('listitem').filter({ hasText: '免打扰' })).toContainText('2 行');
  const checks = plan.getByRole('region', { name: '外呼检查' });
  await expect(checks.getByRole('alert')).toContainText('2 行在免打扰名单中，永远不会上传');
  const rows = checks.getByRole('table');
  await expect(rows.getByRole('row').filter({ hasText: '13900000001' })).toContainText('免打扰：投诉');
  await expect(rows.getByRole('row').filter({ hasText: '13900000002' })).toContainText('3');
  // Do-not-call numbers have no send-anyway.
  await expect(checks.getByRole('checkbox')).toHaveCount(0);
  expect(violations).toEqual([]);
});

test('a cancelled CEC upload keeps its rows with no answer listed, offers no resend, and skips them', async ({
  page,
  harness,
  dataDir,
}) => {
  test.setTimeout(90_000);
  // Clear of the CEC sandbox's demo blocklist (13900000000); CEC takes 20 rows a second, so 400
  // rows run long enough to cancel the upload by hand.
  const file = join(mkdtempSync(join(tmpdir(), 'cd-e2e-upload-')), '取消名单.csv');
  const rows = [['客户姓名', '手机号码']];
  for (let i = 0; i < 400; i++) rows.push([`客户${i}`, `139${String(100 + i).padStart(8, '0')}`]);
  writeCsv(file, rows);
  const listId = await importInto(dataDir, file);
  await page.goto(`${harness.url}#/lists/${listId}`);
  await switchAccount(page, '当前账号', '沙箱 Sandbox', 'CEC 沙箱 Huawei Sandbox');
  await createCampaignViaApi(page, 'e2e 取消');
  // The first request's answer is lost (the socket is reset): CEC cannot look rows up, so its
  // 20 rows are left with no answer.
  const cec = (await harness.sandboxControl()).cec;
  await cec.setFault('addNumbers', 'reset');

  await page.reload();
  await page.getByRole('button', { name: '推送到任务…' }).click();
  const dialog = page.getByRole('dialog', { name: '把“取消名单”推送到任务' });
  await choose(page, dialog.getByLabel('目标任务'), 'e2e 取消');
  await expect(dialog.getByRole('status', { name: '上传计划' })).toContainText('将上传 400 行');
  await dialog.getByRole('button', { name: '开始上传' }).click();
  await expect(dialog.getByTestId('upload-progress-text')).toHaveText(/已处理 [1-9]\d* /, {
    timeout: 20_000,
  });
  await dialog.getByRole('button', { name: '取消上传' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '取消上传' }).click();
  await expect(dialog.getByTestId('upload-state')).toHaveText('已取消', { timeout: 20_000 });

  // A cancelled upload is never run again: its rows with no answer are listed, with no resend
  // (the service refuses it), and can still be skipped.
  // The section (its first region) holds the alert and the list of rows (a region of its own).
  const sections = dialog.getByRole('region', { name: '没有收到答复的行' });
  const uncertain = sections.first();
  await expect(uncertain).toContainText('20 行发出后没有收到答复');
  await expect(uncertain.getByRole('button', { name: /^重发/ })).toHaveCount(0);
  await expect(uncertain).toContainText('上传已取消，不能重发');
  await expect(dialog.getByRole('button', { name: '继续' })).toHaveCount(0);
  await uncertain.getByRole('button', { name: '跳过 20 行' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '跳过 20 行' }).click();
  await expect(sections).toHaveCount(0);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByTestId('upload-state')).toHaveText('已取消');
});

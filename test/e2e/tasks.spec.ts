import { SANDBOX_APPID, SANDBOX_SIGNATURE } from '../../electron/services/sandbox/index';
import { createSobotClient } from '../../electron/services/sobot/index';
import { contrastFailures } from './contrast';
import { choose, expect, outsideTask, taskRow, test, typeTime } from './fixtures';

// The Tasks screen through the harness against the built-in sandbox account (the default
// active account; the harness starts the sandbox on first use). Rows go into the new task
// straight through the iCall API here; upload.spec.ts pushes them through the app.

test('create a task in the wizard, watch it dial, pause, resume, end and delete it', async ({
  page,
  harness,
}) => {
  // The chart (ECharts on a canvas, its tooltip drawn there too) needs nothing the CSP refuses.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.goto(`${harness.url}#/tasks`);
  await expect(page.getByRole('heading', { level: 1, name: '任务' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '还没有任务' })).toBeVisible();

  await page.getByRole('button', { name: '新建任务' }).click();
  const wizard = page.getByRole('dialog', { name: '新建外呼任务' });

  // Step 1: what is missing is said before anything is sent.
  await wizard.getByRole('button', { name: '下一步' }).click();
  await expect(wizard.getByText('请填写任务名称')).toBeVisible();
  await expect(wizard.getByText('请选择一个模板')).toBeVisible();
  await wizard.getByLabel('任务名称').fill('e2e 回访');
  await wizard.getByRole('radio', { name: '满意度回访' }).check();
  await expect(wizard.getByText('请选择一个模板')).toHaveCount(0);

  // The first-node recording plays from the app's own origin, through the media proxy.
  const audio = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/media/'));
  await wizard.getByRole('button', { name: '播放“满意度回访”的录音 1' }).click();
  const answer = await audio;
  expect([200, 206]).toContain(answer.status());
  expect(answer.headers()['content-type']).toBe('audio/wav');
  expect(new URL(answer.url()).origin).toBe(harness.origin);
  await wizard.getByRole('button', { name: '下一步' }).click();

  // Step 2: overlapping calling hours are refused in the user's language.
  await expect(wizard.getByRole('checkbox', { name: /02180344315/ })).toBeChecked();
  await wizard.getByLabel('机器人数').fill('4');
  await typeTime(wizard.getByLabel('时间段 2 开始'), '11:00');
  await wizard.getByRole('button', { name: '下一步' }).click();
  await expect(wizard.getByText('时间段 11:00-18:00 与 09:00-12:00 重叠')).toBeVisible();
  await expect(wizard.getByRole('button', { name: '创建任务' })).toHaveCount(0);
  await wizard.getByLabel('机器人数').fill('9');
  await wizard.getByRole('button', { name: '删除时间段 2' }).click();
  await typeTime(wizard.getByLabel('时间段 1 开始'), '00:00');
  await typeTime(wizard.getByLabel('时间段 1 结束'), '00:00');
  // 24-hour time: an end at midnight is said to be 24:00, never "12:00 AM".
  await expect(wizard.getByText('（即 24:00，当天结束）')).toBeVisible();
  await expect(wizard.getByLabel('时间段 1 开始')).toHaveValue('00:00');
  await wizard.getByRole('button', { name: '下一步' }).click();
  await expect(wizard.getByText('机器人数须为 1 到 4 之间的整数')).toBeVisible();
  await wizard.getByLabel('机器人数').fill('4');
  await wizard.getByRole('button', { name: '下一步' }).click();

  // Step 3: results options, then create. The Select opens over the wizard's dialog.
  await expect(wizard.getByLabel('推送时机')).toBeDisabled();
  await choose(page, wizard.getByLabel('号码隐藏'), '隐藏中间四位');
  // Shown as the field's value once the list has closed (its options stay in the DOM, hidden).
  await expect(wizard.getByTitle('隐藏中间四位').filter({ visible: true })).toHaveCount(1);
  await wizard.getByRole('checkbox', { name: '允许导出结果' }).uncheck();
  await wizard.getByLabel('结果推送地址（可选）').fill('ftp://crm.example.com');
  await wizard.getByRole('button', { name: '创建任务' }).click();
  await expect(wizard.getByText('推送地址须以 http:// 或 https:// 开头')).toBeVisible();
  await wizard.getByLabel('结果推送地址（可选）').fill('');
  await wizard.getByRole('button', { name: '创建任务' }).click();
  await expect(wizard).toHaveCount(0);
  await expect(page.getByText('已创建任务“e2e 回访”')).toBeVisible();

  const row = taskRow(page, 'e2e 回访');
  await expect(row.getByTestId('task-status')).toHaveText('未开始');
  await expect(row.getByRole('button', { name: '暂停' })).toBeDisabled();
  await expect(row.getByRole('button', { name: '完结' })).toBeDisabled();
  const detail = page.getByRole('region', { name: 'e2e 回访' });
  await expect(detail.getByText('00:00-24:00')).toBeVisible();

  // Edit it before it dials: fewer robots and a date range from today, typed in the DatePickers.
  const now = new Date();
  const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  const year = now.getFullYear() + 1;
  await detail.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑任务“e2e 回访”' });
  await expect(edit.getByRole('radio', { name: '永久有效' })).toBeChecked();
  await edit.getByLabel('机器人数').fill('3');
  await edit.getByRole('radio', { name: '指定日期范围' }).check();
  for (const [label, day] of [
    ['开始日期', today],
    ['结束日期（含当天）', `${year}-12-31`],
  ] as const) {
    const field = edit.getByLabel(label);
    await field.fill(day);
    await field.press('Enter');
    await expect(field).toHaveValue(day);
  }
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toHaveCount(0);
  await expect(detail.getByText(`${today} 00:00:00 至 ${year + 1}-01-01 00:00:00`)).toBeVisible();
  const robots = await page.evaluate(async () => {
    const list = await window.api.tasks.list();
    if (!list.ok) throw new Error(list.error.message);
    return list.value.tasks.find((task) => task.name === 'e2e 回访')?.robots;
  });
  expect(robots).toBe(3);

  // Feed it rows; the sandbox starts dialling at 3 robots and the screen follows.
  const taskid = (await row.getByTestId('task-id').textContent())!;
  const client = createSobotClient({
    baseUrl: await harness.sandboxUrl(),
    appid: SANDBOX_APPID,
    signature: SANDBOX_SIGNATURE,
  });
  const data = Array.from({ length: 2000 }, (_, i) => ({
    telephone: `139${String(i).padStart(8, '0')}`,
    outid: `e2e-${i}`,
  }));
  await client.addTaskData({ taskid, data });
  await expect(row.getByTestId('task-status')).toHaveText('进行中');
  await expect(row.getByRole('progressbar')).toHaveAccessibleName(/^已拨打 [1-9]\d* \/ 2000$/);
  await expect(row.locator('[data-count="connected"]')).not.toHaveText('0');
  // The chart's figures, as its table for screen readers: some hour has completed calls.
  const figures = detail.getByRole('table', { name: /今天每小时完成的通话/ });
  await expect(
    figures
      .getByRole('row')
      .filter({ has: page.getByRole('cell') })
      .filter({ hasNot: page.getByRole('cell', { name: '0', exact: true }) })
      .first(),
  ).toBeAttached({ timeout: 20_000 });
  const canvas = detail.getByRole('img', { name: /今天每小时完成的通话/ }).locator('canvas');
  await expect(canvas).toBeVisible();
  await canvas.hover();
  await detail.getByText('本周（按天）').click();
  await expect(detail.getByRole('table', { name: /本周每天完成的通话/ })).toBeAttached();
  expect(violations).toEqual([]);

  await row.getByRole('button', { name: '暂停' }).click();
  await expect(row.getByTestId('task-status')).toHaveText('暂停中');
  await expect(row.getByRole('button', { name: '暂停' })).toBeDisabled();
  await row.getByRole('button', { name: '继续' }).click();
  await expect(row.getByTestId('task-status')).toHaveText('进行中');

  // End asks first; cancelling changes nothing.
  await row.getByRole('button', { name: '完结' }).click();
  const confirmEnd = page.getByRole('dialog', { name: '完结任务' });
  await expect(confirmEnd).toContainText('确定完结任务“e2e 回访”吗？');
  await confirmEnd.getByRole('button', { name: '取消' }).click();
  await expect(row.getByTestId('task-status')).toHaveText('进行中');
  await row.getByRole('button', { name: '完结' }).click();
  await page.getByRole('dialog', { name: '完结任务' }).getByRole('button', { name: '完结' }).click();
  await expect(row.getByTestId('task-status')).toHaveText('已完结');
  for (const name of ['暂停', '继续', '完结']) await expect(row.getByRole('button', { name })).toBeDisabled();

  // A finished task created here stays listed (query_task no longer lists it) until deleted.
  await page.reload();
  await expect(row.getByTestId('task-status')).toHaveText('已完结');
  await row.getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog', { name: '删除任务' }).getByRole('button', { name: '删除' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText('已删除任务“e2e 回访”')).toBeVisible();
});

test('a refused action rolls its optimistic status back and shows the mapped error', async ({
  page,
  harness,
}) => {
  // A running task created outside the app: query_task lists it.
  const { client, taskid } = await outsideTask(harness, '外部任务');
  const data = Array.from({ length: 500 }, (_, i) => ({
    telephone: `137${String(i).padStart(8, '0')}`,
    outid: `x${i}`,
  }));
  await client.addTaskData({ taskid, data });

  // The page's timers are frozen, so no refresh hides the rollback.
  await page.clock.install();
  await page.goto(`${harness.url}#/tasks`);
  const row = taskRow(page, '外部任务');
  await expect(row.getByTestId('task-status')).toHaveText('进行中');

  await client.deleteTask({ taskid });
  await row.getByRole('button', { name: '暂停' }).click();
  await expect(page.getByRole('alert')).toContainText('找不到该任务，可能已被删除');
  await expect(page.getByRole('alert')).toContainText('tasks.not_found');
  await expect(row.getByTestId('task-status')).toHaveText('进行中');
  await expect(row.getByRole('button', { name: '暂停' })).toBeEnabled();

  // The next refresh drops the deleted task.
  await page.clock.runFor(5_000);
  await expect(row).toHaveCount(0);
});

test('the Tasks screen speaks English too', async ({ page, harness }) => {
  await page.goto(`${harness.url}#/settings`);
  await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
  await page.goto(`${harness.url}#/tasks`);
  await page.getByRole('button', { name: 'New task' }).click();
  const wizard = page.getByRole('dialog', { name: 'New outbound task' });
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText('Enter a task name')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);
});

test('a chosen task in the dark theme: the list and its detail meet WCAG AA contrast', async ({
  page,
  harness,
}) => {
  await outsideTask(harness, '暗色 看板任务');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${harness.url}#/tasks`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const row = taskRow(page, '暗色 看板任务');
  await row.getByRole('button', { name: '暗色 看板任务', exact: true }).click();
  await expect(row.getByRole('button', { name: '暗色 看板任务', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.mouse.move(5, 700); // no hover state or tooltip in the way
  await expect(page.getByRole('heading', { name: '暗色 看板任务' })).toBeVisible();
  expect(await contrastFailures(page, '.tasks-table')).toEqual([]);
  expect(await contrastFailures(page, '.task-detail')).toEqual([]);
});

import { SANDBOX_APPID, SANDBOX_SIGNATURE } from '../../electron/services/sandbox/index';
import { createSobotClient } from '../../electron/services/sobot/index';
import type { CallResult } from '../../shared/results';
import { CHROMIUM_PATH } from '../../playwright.config';
import { createTaskViaApi, expect, test } from './fixtures';

// Review a call through the harness against the built-in sandbox account: a task created in
// the app dials rows pushed straight through the iCall API, its results sync, and one call is
// reviewed — waveform, transcript regions, seeking by line, Space, the highlight following.

// Headless Chromium: let the audio element play without waiting for a gesture it may not count.
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  },
});

test('sync a task’s results, open a call, seek by transcript line, play, and follow the highlight', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000);
  await page.goto(`${harness.url}#/results`);
  await expect(page.getByRole('heading', { level: 1, name: '结果' })).toBeVisible();

  // A task of the active (sandbox) account, created through the app so it stays listed.
  const taskId = await createTaskViaApi(page, 'e2e 复盘');
  const client = createSobotClient({
    baseUrl: await harness.sandboxUrl(),
    appid: SANDBOX_APPID,
    signature: SANDBOX_SIGNATURE,
  });
  const rows = 24;
  await client.addTaskData({
    taskid: taskId,
    data: Array.from({ length: rows }, (_, i) => ({
      telephone: `137${String(i).padStart(8, '0')}`,
      outid: `rv-${i}`,
    })),
  });
  // The sandbox dials at 60× speed: wait until every row has been called.
  await expect
    .poll(async () => (await client.queryTaskInfo({ taskid: taskId }))[0]?.call_times ?? 0, {
      timeout: 60_000,
    })
    .toBe(rows);

  await page.reload();
  await page.getByLabel('查看').selectOption(`task:${taskId}`);
  await page.getByRole('button', { name: '同步结果' }).click();
  await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toContainText(`新增 ${rows} 通`);
  const countsBar = page.getByRole('region', { name: '统计' });
  await expect(countsBar).toContainText(`共 ${rows} 通`);

  // Status chips toggle: two chosen together, each count still shown, the total theirs.
  const chips = countsBar.locator('.chip:not(.intention)');
  expect(await chips.count()).toBeGreaterThanOrEqual(2);
  const countOf = async (index: number): Promise<number> =>
    Number((await chips.nth(index).textContent())!.match(/(\d+)$/)![1]);
  const [first, second] = [await countOf(0), await countOf(1)];
  await chips.nth(0).click();
  await expect(chips.nth(0)).toHaveAttribute('aria-pressed', 'true');
  await expect(countsBar).toContainText(`共 ${first} 通`);
  await chips.nth(1).click();
  await expect(countsBar).toContainText(`共 ${first + second} 通`);
  await expect(page.getByLabel('拨打状态')).toHaveValue('many');
  await expect(page.getByLabel('拨打状态').locator('option:checked')).toHaveText('已选 2 项');
  await chips.nth(0).click();
  await chips.nth(1).click();
  await expect(countsBar).toContainText(`共 ${rows} 通`);
  await expect(page.getByLabel('拨打状态')).toHaveValue('');

  // A connected call with at least four lines (so there is a line after the third).
  const [call, other] = await page.evaluate(async (id) => {
    const result = await window.api.results.query({
      source: { kind: 'task', taskId: id },
      filter: { outcomes: ['connected'] },
      offset: 0,
      limit: 100,
    });
    if (!result.ok) throw new Error(result.error.message);
    const first = result.value.calls.find((c: CallResult) => c.utteranceCount >= 4) ?? null;
    // Another connected call with a different number of lines, to review after the first.
    const next = result.value.calls.find(
      (c: CallResult) => c.utteranceCount >= 2 && c.utteranceCount !== first?.utteranceCount,
    );
    return [first, next ?? null] as const;
  }, taskId);
  expect(call).not.toBeNull();
  expect(other).not.toBeNull();
  await page.getByLabel('拨打状态').selectOption('connected');
  await page.locator(`[data-callid="${call!.id}"]`).click();

  const pane = page.getByRole('region', { name: '通话详情' });
  const waveform = pane.getByTestId('waveform');
  await expect(waveform).toHaveAttribute('data-state', 'ready');
  await expect(waveform.locator('canvas').first()).toBeVisible();
  const lines = pane.locator('.transcript-lines > li');
  await expect(lines).toHaveCount(call!.utteranceCount);
  await expect(waveform.locator('[part~="region"]')).toHaveCount(call!.utteranceCount);
  await expect(pane.locator('.line.robot').first()).toContainText('机器人');
  await expect(pane.locator('.line.customer').first()).toContainText('客户');

  // Clicking the third line plays from that line's region.
  const third = lines.nth(2);
  const start = Number(await third.getAttribute('data-start'));
  const end = Number(await third.getAttribute('data-end'));
  expect(end).toBeGreaterThan(start);
  await third.getByRole('button').click();
  const time = async (): Promise<number> => Number(await pane.getAttribute('data-current-time'));
  await expect.poll(time).toBeGreaterThanOrEqual(start);
  expect(await time()).toBeLessThan(end);
  await expect(third).toHaveAttribute('aria-current', 'true');
  await expect(pane.getByRole('button', { name: '暂停' })).toBeVisible();

  // Faster playback keeps the pitch; the highlight follows playback onto the fourth line.
  await page.getByLabel('倍速').selectOption('2');
  await expect.poll(time).toBeGreaterThan(start + 0.3);
  const fourth = lines.nth(3);
  const fourthStart = Number(await fourth.getAttribute('data-start'));
  await expect(fourth).toHaveAttribute('aria-current', 'true', {
    timeout: 10_000 + (fourthStart - start) * 1000,
  });
  await expect(third).not.toHaveAttribute('aria-current', 'true');

  // Space pauses, and plays again.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Space');
  await expect(pane.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  const paused = await time();
  await page.waitForTimeout(400);
  expect(await time()).toBeCloseTo(paused, 1);
  await page.keyboard.press('Space');
  await expect(pane.getByRole('button', { name: '暂停' })).toBeVisible();
  await expect.poll(time).toBeGreaterThan(paused + 0.2);

  // Another call in the same pane (its player is reused): the first call's audio stops, the
  // waveform and its regions are the new call's, and a line plays from there.
  await page.locator(`[data-callid="${other!.id}"]`).click();
  await expect(pane.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  await expect(waveform).toHaveAttribute('data-state', 'ready');
  await expect(lines).toHaveCount(other!.utteranceCount);
  await expect(waveform.locator('[part~="region"]')).toHaveCount(other!.utteranceCount);
  expect(await time()).toBeLessThan(0.5);
  const otherLine = lines.nth(1);
  const otherStart = Number(await otherLine.getAttribute('data-start'));
  await otherLine.getByRole('button').click();
  await expect.poll(time).toBeGreaterThanOrEqual(otherStart);
  await expect(otherLine).toHaveAttribute('aria-current', 'true');
  await expect(pane.getByRole('button', { name: '暂停' })).toBeVisible();
});

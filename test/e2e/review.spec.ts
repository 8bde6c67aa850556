import { SANDBOX_APPID, SANDBOX_SIGNATURE } from '../../electron/services/sandbox/index';
import { createSobotClient } from '../../electron/services/sobot/index';
import type { Page } from '@playwright/test';
import type { CallResult } from '../../shared/results';
import { CHROMIUM_PATH } from '../../playwright.config';
import { contrastFailures } from './contrast';
import {
  choose,
  clickCallRow,
  connectedCalls,
  createCampaignViaApi,
  createTaskViaApi,
  expect,
  sidewaysOverflow,
  switchAccount,
  test,
} from './fixtures';

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
  await choose(page, page.getByLabel('查看'), 'e2e 复盘（');
  await page.getByRole('button', { name: '同步结果' }).click();
  await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toContainText(`新增 ${rows} 通`);
  const countsBar = page.getByRole('region', { name: '统计' });
  await expect(countsBar).toContainText(`共 ${rows} 通`);
  await expect(countsBar.getByRole('list', { name: '各意向通话数' })).toBeVisible();

  // Status chips toggle: two chosen together, each count still shown, the total theirs.
  const chips = countsBar.getByRole('list', { name: '各结果通话数' }).getByRole('button');
  expect(await chips.count()).toBeGreaterThanOrEqual(2);
  const countOf = async (index: number): Promise<number> =>
    Number((await chips.nth(index).textContent())!.match(/(\d+)$/)![1]);
  const [first, second] = [await countOf(0), await countOf(1)];
  await chips.nth(0).click();
  await expect(chips.nth(0)).toHaveAttribute('aria-pressed', 'true');
  await expect(countsBar).toContainText(`共 ${first} 通`);
  await chips.nth(1).click();
  await expect(countsBar).toContainText(`共 ${first + second} 通`);
  // The status select says what the chips chose (it chooses several just as they do).
  const status = page.getByTestId('results-status');
  // What it shows is what a screen reader hears of it: the combobox's description.
  const statusBox = page.getByRole('combobox', { name: '拨打状态' });
  await expect(status.getByTitle('已选 2 项', { exact: true })).toBeVisible();
  await expect(statusBox).toHaveAccessibleDescription('已选 2 项');
  await chips.nth(0).click();
  await chips.nth(1).click();
  await expect(countsBar).toContainText(`共 ${rows} 通`);
  await expect(status.getByTitle(/已选/)).toHaveCount(0);
  await expect(status).toHaveText('全部');
  await expect(statusBox).toHaveAccessibleDescription('全部');
  await expect(page.getByRole('combobox', { name: '客户意向' })).toHaveAccessibleDescription('全部');
  // The talk bounds filter each their own way: at least a day leaves none, at most a day all.
  const minTalk = page.getByLabel('通话至少（秒）');
  const maxTalk = page.getByLabel('通话至多（秒）');
  await minTalk.fill('86400');
  await expect(countsBar).toContainText('共 0 通');
  await minTalk.clear();
  await expect(countsBar).toContainText(`共 ${rows} 通`);
  await maxTalk.fill('86400');
  await page.keyboard.press('Tab');
  await expect(countsBar).toContainText(`共 ${rows} 通`);
  await maxTalk.clear();
  await page.keyboard.press('Tab');

  // A connected call with at least four lines (so there is a line after the third).
  const connected = await connectedCalls(page, taskId);
  const call = connected.find((c) => c.utteranceCount >= 4) ?? null;
  // Another connected call with a different number of lines, to review after the first.
  const other =
    connected.find((c) => c.utteranceCount >= 2 && c.utteranceCount !== call?.utteranceCount) ?? null;
  expect(call).not.toBeNull();
  expect(other).not.toBeNull();
  await choose(page, page.getByLabel('拨打状态'), '已接通');
  await expect(status.getByTitle('已接通', { exact: true })).toBeVisible();
  await expect(statusBox).toHaveAccessibleDescription('已接通');
  await page.keyboard.press('Escape');
  await page.locator(`[data-callid="${call!.id}"]`).click();

  const pane = page.getByRole('region', { name: '通话详情' });
  const waveform = pane.getByTestId('waveform');
  await expect(waveform).toHaveAttribute('data-state', 'ready');
  await expect(waveform.locator('canvas').first()).toBeVisible();
  // One element per line, wherever its row is (lines said at once share one).
  const lines = pane.getByRole('list', { name: '对话文本' }).locator('[data-line]');
  await expect(lines).toHaveCount(call!.utteranceCount);
  await expect(waveform.locator('[part~="region"]')).toHaveCount(call!.utteranceCount);
  await expect(lines.and(page.locator('[data-speaker="robot"]')).first()).toContainText('机器人');
  await expect(lines.and(page.locator('[data-speaker="customer"]')).first()).toContainText('客户');

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
  // By keyboard: the speed select opens on ↓ at the current speed (1×); three more ↓ reach 2×.
  await page.getByLabel('倍速').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('listbox').getByRole('option', { name: '1×', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(pane.getByTitle('2×', { exact: true })).toBeVisible();
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

test('a CEC call’s QC transcript: pending, failed and retried, none, and lines said at once side by side', async ({
  page,
  harness,
}, testInfo) => {
  test.setTimeout(210_000);
  await page.goto(`${harness.url}#/results`);
  await switchAccount(page, '当前账号', '沙箱 Sandbox', 'CEC 沙箱 Huawei Sandbox');
  const name = 'e2e CEC 复盘';
  const campaignId = await createCampaignViaApi(page, name);
  const cec = (await harness.sandboxControl()).cec;
  // Enough calls that one has the customer talking over the robot (the sandbox barges a customer
  // line in 1 of 5): with 30 rows the transcribed ones held no such pair in about 1 run of 6.
  const rows = 48;
  await cec.seedNumbers(
    campaignId,
    Array.from({ length: rows }, (_, i) => ({
      sessionId: `cr-${i}`,
      called: `137${String(i).padStart(8, '0')}`,
    })),
  );
  await expect
    .poll(async () => (await cec.campaignNumbers(campaignId)).filter((r) => r.state === 'done').length, {
      timeout: 150_000,
    })
    .toBe(rows);

  await page.reload();
  await choose(page, page.getByLabel('查看'), name);
  await page.getByRole('button', { name: '同步结果' }).click();
  await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toContainText(`新增 ${rows} 通`);
  // CEC's calls carry no intention labels: no intention filter and no intention chips (Sobot's
  // test above uses both).
  const cecCounts = page.getByRole('region', { name: '统计' });
  await expect(cecCounts.getByRole('list', { name: '各结果通话数' })).toBeVisible();
  await expect(cecCounts.getByRole('list', { name: '各意向通话数' })).toHaveCount(0);
  await expect(page.getByLabel('客户意向')).toHaveCount(0);

  // Connected calls whose recording plays (QC transcribes those), and one call never connected.
  const calls = await page.evaluate(async (taskId) => {
    const result = await window.api.results.query({
      source: { kind: 'task', taskId },
      filter: {},
      offset: 0,
      limit: 100,
    });
    if (!result.ok) throw new Error(result.error.message);
    const playable = async (callId: string): Promise<boolean> => {
      const opened = await window.api.recordings.open({ callId });
      return opened.ok && opened.value.ok;
    };
    return Promise.all(
      result.value.calls.map(async (c: CallResult) => ({
        id: c.id,
        telephone: c.telephone,
        outcome: c.outcome,
        playable: c.outcome === 'connected' && (await playable(c.id)),
      })),
    );
  }, campaignId);
  const heard = calls.filter((c) => c.playable).map((c) => c.id);
  const unconnected = calls.find((c) => c.outcome !== 'connected')!;
  expect(heard.length).toBeGreaterThan(6);
  expect(unconnected).toBeDefined();
  const [pendingId, failedId, pendingEn, failedEn, ...others] = heard as [string, string, string, string];
  const telephoneOf = new Map(calls.map((c) => [c.id, c.telephone]));

  // The others transcribed; the first of them whose lines of the two sides overlap in time.
  for (const id of others) await cec.setQcStatus(id, 2);
  // (A pair whose later line starts a second or more after the earlier, so each is current a while.)
  const overlap = await page.evaluate(async (ids) => {
    const side = (s: string) => (s === 'customer' ? 'customer' : 'staff');
    for (const callId of ids) {
      const review = await window.api.results.call({ callId });
      if (!review.ok) throw new Error(review.error.message);
      const lines = review.value.utterances;
      for (let i = 0; i < lines.length; i++)
        for (let j = i + 1; j < lines.length; j++) {
          const [a, b] = [lines[i]!, lines[j]!];
          if (side(a.speaker) !== side(b.speaker) && b.startMs! >= a.startMs! + 1000 && b.startMs! < a.endMs!)
            return { callId, earlier: i, later: j };
        }
    }
    return null;
  }, others);
  expect(overlap).not.toBeNull();
  const overlapId = overlap!.callId;

  const pane = page.getByRole('region', { name: '通话详情' });
  const transcript = pane.getByRole('list', { name: '对话文本' });
  const lines = transcript.locator('[data-line]');
  const openIn = async (region: typeof pane, callId: string): Promise<void> => {
    await clickCallRow(page, callId);
    await expect(region.getByText(telephoneOf.get(callId)!, { exact: true })).toBeVisible();
  };
  const open = (callId: string) => openIn(pane, callId);
  // Each state looked at (attached to the report) and every text of the transcript at AA
  // contrast (4.5:1); in the dark theme every text of the pane.
  const shot = async (
    label: string,
    region = pane,
    scope = '.transcript, .transcript-state',
  ): Promise<void> => {
    await testInfo.attach(label, { body: await region.screenshot(), contentType: 'image/png' });
    expect(await contrastFailures(page, scope)).toEqual([]);
  };

  // 1. Pending: QC is still at it. "Check again" asks once more; once it is done the lines show.
  await cec.setQcStatus(pendingId, 1);
  await open(pendingId);
  // CEC's outcomes carry no durations: review looks the call's times up, and its row shows them.
  const talk = pane.getByText(/^通话 \d+:\d\d · 呼叫 \d+:\d\d$/);
  await expect(talk).toBeVisible();
  const talkClock = (await talk.textContent())!.match(/^通话 (\d+:\d\d)/)![1]!;
  expect(talkClock).not.toBe('0:00');
  await expect(page.locator(`[data-callid="${pendingId}"]`).getByRole('cell').nth(-2)).toHaveText(talkClock);
  // Its transcript still pending, its line count is not known: a dash that says so, not 0.
  const pendingLines = page.locator(`[data-callid="${pendingId}"]`).getByRole('cell').last();
  await expect(pendingLines).toHaveText('—');
  await expect(pendingLines).toHaveAccessibleName('对话条数未知：转写在打开复盘时才取');
  const pending = pane.getByRole('status').filter({ hasText: '转写中' });
  await expect(pending).toContainText('质检服务还在转写');
  await shot('transcript pending (zh-CN)');
  await pending.getByRole('button', { name: '再查一次' }).click();
  await expect(pending).toBeVisible();
  await cec.setQcStatus(pendingId, 2);
  await pending.getByRole('button', { name: '再查一次' }).click();
  await expect(lines.first()).toBeVisible();
  await expect(pending).toHaveCount(0);
  await expect(pendingLines).toHaveText(String(await lines.count()));

  // 2. Failed: kept for good on review; "retry" asks QC again, and a new transcript shows with
  // its regions on the waveform.
  await cec.setQcStatus(failedId, 9);
  await open(failedId);
  const failed = pane.getByRole('status').filter({ hasText: '转写失败' });
  await expect(failed).toBeVisible();
  // Failed for good: no lines, and that is known.
  await expect(page.locator(`[data-callid="${failedId}"]`).getByRole('cell').last()).toHaveText('0');
  await shot('transcript failed (zh-CN)');
  await failed.getByRole('button', { name: '重试' }).click();
  await expect(failed).toBeVisible();
  await cec.setQcStatus(failedId, 2);
  await failed.getByRole('button', { name: '重试' }).click();
  await expect(lines.first()).toBeVisible();
  await expect(failed).toHaveCount(0);
  const waveform = pane.getByRole('img', { name: '录音波形' });
  await expect(waveform).toHaveAttribute('data-state', 'ready');
  await expect(waveform.locator('[part~="region"]')).toHaveCount(await lines.count());

  // 3. None: a call never connected has nothing to transcribe.
  await open(unconnected.id);
  await expect(pane.getByText('无转写', { exact: true })).toBeVisible();
  await expect(transcript).toHaveCount(0);
  await shot('no transcript (zh-CN)');

  // 4. Lines said at once share a row: the robot's on the left, the customer's on the right.
  await open(overlapId);
  await expect(waveform).toHaveAttribute('data-state', 'ready');
  const earlier = transcript.locator(`[data-line="${overlap!.earlier}"]`);
  const later = transcript.locator(`[data-line="${overlap!.later}"]`);
  const row = transcript
    .getByTestId('transcript-at-once')
    .filter({ has: page.locator(`[data-line="${overlap!.earlier}"]`) });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAccessibleName('双方同时说话');
  await expect(row.locator(`[data-line="${overlap!.later}"]`)).toHaveCount(1);
  const robotLine = row.locator('[data-line]').filter({ hasText: '机器人' }).first();
  const customerLine = row.locator('[data-line]').filter({ hasText: '客户' }).first();
  const [robotBox, customerBox] = [await robotLine.boundingBox(), await customerLine.boundingBox()];
  expect(robotBox!.x + robotBox!.width).toBeLessThanOrEqual(customerBox!.x + 1);
  expect(customerBox!.y).toBeLessThan(robotBox!.y + robotBox!.height);
  await shot('lines at once (zh-CN)');
  // Clicking the earlier line plays from it and makes it current; once the later one starts
  // (the earlier still being said), the later one is current: the latest started.
  const span = async (l: typeof earlier) => ({
    start: Number(await l.getAttribute('data-start')),
    end: Number(await l.getAttribute('data-end')),
  });
  const [earlierSpan, laterSpan] = [await span(earlier), await span(later)];
  expect(laterSpan.start).toBeLessThan(earlierSpan.end);
  await earlier.getByRole('button').click();
  await expect(earlier).toHaveAttribute('aria-current', 'true');
  await expect(later).toHaveAttribute('aria-current', 'true', {
    timeout: 10_000 + (laterSpan.start - earlierSpan.start) * 1000,
  });
  await expect(earlier).not.toHaveAttribute('aria-current', 'true');
  await expect(transcript.locator('[aria-current="true"]')).toHaveCount(1);
  // Keyboard: Space pauses; Enter on a focused line plays from it as a click does.
  await page.keyboard.press('Space');
  await expect(pane.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  await earlier.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(earlier).toHaveAttribute('aria-current', 'true');
  const time = Number(await pane.getAttribute('data-current-time'));
  expect(time).toBeGreaterThanOrEqual(earlierSpan.start);
  expect(time).toBeLessThan(laterSpan.start);

  // 5. The same states in English, in the dark theme (zh-CN above was in the light one).
  await cec.setQcStatus(pendingEn, 0);
  await cec.setQcStatus(failedEn, 31);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${harness.url}#/settings`);
  await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await choose(page, page.getByLabel('Show'), name);
  const paneEn = page.getByRole('region', { name: 'Call review' });
  await openIn(paneEn, pendingEn);
  await expect(paneEn.getByRole('status').filter({ hasText: 'Transcript pending' })).toBeVisible();
  await expect(paneEn.getByRole('button', { name: 'Check again' })).toBeVisible();
  await shot('transcript pending (en, dark)', paneEn, '.review-pane');
  await openIn(paneEn, failedEn);
  await expect(paneEn.getByRole('status').filter({ hasText: 'Transcript failed' })).toBeVisible();
  await expect(paneEn.getByRole('button', { name: 'Retry' })).toBeVisible();
  await shot('transcript failed (en, dark)', paneEn, '.review-pane');
  await openIn(paneEn, unconnected.id);
  await expect(paneEn.getByText('No transcript', { exact: true })).toBeVisible();
  await shot('no transcript (en, dark)', paneEn, '.review-pane');
  await openIn(paneEn, overlapId);
  await expect(paneEn.getByTestId('transcript-at-once').first()).toHaveAccessibleName(
    'Both sides speaking at once',
  );
  await shot('lines at once (en, dark)', paneEn, '.review-pane');
});

/**
 * The Results header at this width: the title and every control of it (source, sync and its
 * status, the linked list) on one row, inside the window; the actions on the filtered calls
 * (exports, "call these again") whole inside the window beside their counts; nothing on the
 * page to scroll sideways to.
 */
async function headerOnOneRow(page: Page, width: number, actions: string): Promise<void> {
  const head = page.locator('.results-head');
  const items = [
    head.getByRole('heading', { level: 1 }),
    ...(await head.getByRole('combobox').all()),
    ...(await head.getByRole('button').all()),
    ...(await head.getByRole('status').all()),
  ];
  // Title, source (and its clear button), linked list, sync, the sync's status.
  expect(items.length).toBeGreaterThanOrEqual(5);
  const boxes = await Promise.all(
    items.map(async (item) => {
      await expect(item).toBeVisible();
      const name = (await item.getAttribute('id')) ?? (await item.textContent());
      return { name, box: (await item.boundingBox())! };
    }),
  );
  const where = JSON.stringify(
    boxes.map(({ name, box }) => [name, Math.round(box.y), Math.round(box.height)]),
  );
  const middles = boxes.map(({ box }) => box.y + box.height / 2);
  expect(Math.max(...middles) - Math.min(...middles), where).toBeLessThanOrEqual(4);
  const buttons = await page.getByRole('group', { name: actions }).getByRole('button').all();
  expect(buttons).toHaveLength(3);
  for (const { name, box } of [
    ...boxes,
    ...(await Promise.all(
      buttons.map(async (b) => ({ name: await b.textContent(), box: (await b.boundingBox())! })),
    )),
  ]) {
    expect(box.x, String(name)).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, String(name)).toBeLessThanOrEqual(width);
  }
  expect(await sidewaysOverflow(page)).toEqual({ page: 0, main: 0 });
}

test('at 1280×800 the header is one row in zh-CN and English; a CEC account’s talk filters say what they count', async ({
  page,
  harness,
}, testInfo) => {
  const shot = async (label: string): Promise<void> => {
    await testInfo.attach(label, { body: await page.screenshot(), contentType: 'image/png' });
  };
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${harness.url}#/results`);
  // A long task name: the source select gives up width and cuts it off with an ellipsis.
  const name = 'e2e 表头 一个名字相当长的外呼任务，用来看表头放不放得下';
  await createTaskViaApi(page, name);
  await page.reload();
  await choose(page, page.getByLabel('查看'), `${name}（`);
  const head = page.locator('.results-head');
  // Cut off, not lost: the whole name is the shown value's title (and the option's, in its list).
  await expect(head.getByTitle(`${name}（0 通）`, { exact: true })).toBeVisible();
  await headerOnOneRow(page, 1280, '处理这些通话');
  // Its longest status once synced.
  await page.getByRole('button', { name: '同步结果' }).click();
  await expect(head.getByRole('status')).toHaveText('同步完成：新增 0 通，更新 0 通');
  await headerOnOneRow(page, 1280, '处理这些通话');
  // Keyboard order follows the row: source (and its clear button), sync, linked list, then the filters.
  await page.getByLabel('查看').focus();
  const order: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => {
        const at = document.activeElement;
        if (at?.closest('.results-source')) return 'results-source';
        return at?.id || at?.textContent || '';
      }),
    );
  }
  expect(order.filter((at, i) => at !== order[i - 1])).toEqual([
    'results-source',
    '同步结果',
    'results-link',
    'results-status',
  ]);
  // A Sobot task's calls carry their durations: no hint under the talk filters.
  await expect(page.getByLabel('通话至少（秒）')).toHaveAccessibleDescription('');
  await expect(page.getByText(/复盘过的通话/)).toHaveCount(0);

  await page.goto(`${harness.url}#/settings`);
  await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await choose(page, page.getByLabel('Show'), `${name} (`);
  await page.getByRole('button', { name: 'Sync results' }).click();
  await expect(head.getByRole('status')).toHaveText('Sync done: 0 new, 0 updated');
  await headerOnOneRow(page, 1280, 'With these calls');
  await shot('header at 1280 (en)');

  // A CEC campaign: its outcomes carry no talk time until a call is reviewed, and the filters say so.
  await switchAccount(page, 'Account', '沙箱 Sandbox', 'CEC 沙箱 Huawei Sandbox');
  const campaign = 'e2e header CEC campaign';
  await createCampaignViaApi(page, campaign);
  await page.reload();
  await choose(page, page.getByLabel('Show'), campaign);
  const hint = 'Talk time is known only for calls opened for review; the others count as 0 s here';
  await expect(page.getByText(hint)).toBeVisible();
  await expect(page.getByLabel('Talk at least (s)')).toHaveAccessibleDescription(hint);
  await expect(page.getByLabel('Talk at most (s)')).toHaveAccessibleDescription(hint);
  await headerOnOneRow(page, 1280, 'With these calls');
  await shot('CEC talk filters hint (en)');
  expect(await contrastFailures(page, '.results-filters')).toEqual([]);
  await page.goto(`${harness.url}#/settings`);
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('简体中文').click();
  await page.getByRole('link', { name: '结果', exact: true }).click();
  await choose(page, page.getByLabel('查看'), campaign);
  const hintZh = '只有打开复盘过的通话才知道通话时长；其余通话在此按 0 秒计';
  await expect(page.getByLabel('通话至少（秒）')).toHaveAccessibleDescription(hintZh);
  await headerOnOneRow(page, 1280, '处理这些通话');
  await shot('CEC talk filters hint (zh-CN)');
});

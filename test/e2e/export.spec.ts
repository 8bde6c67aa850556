import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SANDBOX_APPID, SANDBOX_SIGNATURE } from '../../electron/services/sandbox/index';
import { createSobotClient } from '../../electron/services/sobot/index';
import { convert, hasSoffice } from '../support/libreoffice';
import type { Harness } from '../harness/server';
import { contrastFailures } from './contrast';
import { choose, createTaskViaApi, expect, test } from './fixtures';

// Results exported as the user does it in the browser harness: the file arrives as a browser
// download named after the task and the day, and LibreOffice reads its telephones back with
// their leading zeros. Then the results and review screens in the dark and light themes: every text on
// them meets WCAG AA contrast (4.5:1) against what it is drawn on.

const ROWS = 12;

/** A task created in the app whose rows (Shanghai landlines: a leading 0) have all been dialled. */
async function dialledTask(page: Page, harness: Harness, name: string): Promise<string> {
  const taskId = await createTaskViaApi(page, name);
  const client = createSobotClient({
    baseUrl: await harness.sandboxUrl(),
    appid: SANDBOX_APPID,
    signature: SANDBOX_SIGNATURE,
  });
  await client.addTaskData({
    taskid: taskId,
    data: Array.from({ length: ROWS }, (_, i) => ({
      telephone: `0219124${String(i).padStart(4, '0')}`,
      outid: `ex-${i}`,
    })),
  });
  await expect
    .poll(async () => (await client.queryTaskInfo({ taskid: taskId }))[0]?.call_times ?? 0, {
      timeout: 60_000,
    })
    .toBe(ROWS);
  await page.reload();
  await choose(page, page.getByLabel('查看'), `${name}（`);
  await page.getByRole('button', { name: '同步结果' }).click();
  await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toContainText(`新增 ${ROWS} 通`);
  return taskId;
}

test('export results as a browser download whose telephones keep their leading zeros in LibreOffice', async ({
  page,
  harness,
}) => {
  test.skip(!hasSoffice(), 'LibreOffice (soffice) is not installed');
  test.setTimeout(150_000);
  await page.goto(`${harness.url}#/results`);
  await dialledTask(page, harness, '导出 复盘');

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^导出 复盘_通话结果_\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: '已下载 12 通' })).toBeVisible();
  const dir = mkdtempSync(join(tmpdir(), 'cd-e2e-export-'));
  const csv = join(dir, 'results.csv');
  await download.saveAs(csv);

  const [xlsx] = convert([csv], 'xlsx', join(dir, 'lo'), { infilter: 'CSV:44,34,76' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx!);
  const sheet = workbook.worksheets[0]!;
  // What a cell shows: a formula's result, a rich text's runs (LibreOffice writes mixed scripts
  // as runs of fonts), or the value.
  const shown = (value: ExcelJS.CellValue): string => {
    if (value !== null && typeof value === 'object' && 'result' in value) return String(value.result);
    if (value !== null && typeof value === 'object' && 'richText' in value)
      return value.richText.map((run) => run.text).join('');
    return String(value);
  };
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(shown);
  const telAt = header.indexOf('电话号码');
  const callerAt = header.indexOf('外显号码');
  const talkAt = header.indexOf('通话时长(秒)');
  expect(Math.min(telAt, callerAt, talkAt)).toBeGreaterThan(0);
  const telephones: string[] = [];
  for (let r = 2; r <= ROWS + 1; r++) {
    const row = sheet.getRow(r);
    telephones.push(shown(row.getCell(telAt).value));
    expect(shown(row.getCell(callerAt).value)).toMatch(/^0\d{10}$/);
    expect(typeof row.getCell(talkAt).value).toBe('number');
  }
  expect(telephones.sort()).toEqual(
    Array.from({ length: ROWS }, (_, i) => `0219124${String(i).padStart(4, '0')}`).sort(),
  );
});

for (const scheme of ['dark', 'light'] as const) {
  test(`results and review in the ${scheme} theme: every text meets WCAG AA contrast`, async ({
    page,
    harness,
  }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${harness.url}#/results`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await dialledTask(page, harness, scheme === 'dark' ? '暗色 复盘' : '亮色 复盘');
    const first = page.getByRole('row').filter({ hasText: '0219124' }).first();
    // zh-CN dates as 2026-12-02 04:10:27 (24 h), not 12/2/2026, 4:10:27 AM.
    await expect(first.getByRole('cell').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await first.click();
    const pane = page.getByRole('region', { name: '通话详情' });
    await expect(pane.getByRole('list', { name: '对话文本' })).toBeVisible();
    // The current line and a customer line, the two the light backgrounds broke in dark; the
    // primary buttons (播放) whose default blue is 4.1:1 under white in light.
    await pane.getByRole('list', { name: '对话文本' }).getByRole('button').first().click();
    await expect(pane.locator('[aria-current="true"]')).toHaveCount(1);
    expect(await contrastFailures(page, '.results-page')).toEqual([]);
  });
}

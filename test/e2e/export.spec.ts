import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SANDBOX_APPID, SANDBOX_SIGNATURE } from '../../electron/services/sandbox/index';
import { createSobotClient } from '../../electron/services/sobot/index';
import { convert, hasSoffice } from '../support/libreoffice';
import type { Harness } from '../harness/server';
import { createTaskViaApi, expect, test } from './fixtures';

// Results exported as the user does it in the browser harness: the file arrives as a browser
// download named after the task and the day, and LibreOffice reads its telephones back with
// their leading zeros. Then the results and review screens in the dark theme: every text on
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
  await page.getByLabel('查看').selectOption(`task:${taskId}`);
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

/** WCAG contrast of every visible text in `root` against the first opaque background under it. */
async function contrastFailures(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const parse = (css: string): [number, number, number, number] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) return null;
      const parts = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]): number => {
      const lin = (c: number): number => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const over = (top: number[], bottom: number[]): number[] =>
      [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!));
    /** The background under an element: its own and its ancestors' colours, blended. */
    const backgroundOf = (element: Element): number[] => {
      const layers: number[][] = [];
      for (let e: Element | null = element; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3] > 0) {
          layers.push(bg);
          if (bg[3] >= 1) break;
        }
      }
      let colour = [255, 255, 255];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const failures: string[] = [];
    const scope = document.querySelector(selector);
    if (!scope) return [`no ${selector}`];
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      // Disabled controls are exempt (WCAG 1.4.3: inactive components).
      if (element.closest(':disabled, [aria-disabled="true"]')) continue;
      const fg = parse(style.color);
      if (!fg) continue;
      const bg = backgroundOf(element);
      const colour = over(fg, bg);
      const [a, b] = [luminance(colour), luminance(bg)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5)
        failures.push(
          `${ratio.toFixed(2)} "${text.slice(0, 30)}" (${style.color} on rgb(${bg.map(Math.round).join(',')}))`,
        );
    }
    return failures;
  }, root);
}

test('results and review in the dark theme: every text meets WCAG AA contrast', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${harness.url}#/results`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialledTask(page, harness, '暗色 复盘');
  const first = page.getByRole('row').filter({ hasText: '0219124' }).first();
  // zh-CN dates as 2026-12-02 04:10:27 (24 h), not 12/2/2026, 4:10:27 AM.
  await expect(first.getByRole('cell').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await first.click();
  const pane = page.getByRole('region', { name: '通话详情' });
  await expect(pane.getByRole('list', { name: '对话文本' })).toBeVisible();
  // The current line and a customer line, the two the light backgrounds broke.
  await pane.getByRole('list', { name: '对话文本' }).getByRole('button').first().click();
  await expect(pane.locator('[aria-current="true"]')).toHaveCount(1);
  expect(await contrastFailures(page, '.results-page')).toEqual([]);
});

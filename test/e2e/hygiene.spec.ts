import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { importInto } from '../support/seedList';
import { writeCsv } from '../support/workbooks';
import { choose, createTaskViaApi, expect, test } from './fixtures';

// Campaign hygiene through the screens: two lists that share customers pushed into one task.
// The second plan finds the shared numbers in the journal of the first upload, leaves them out
// by default, and sends them only when the operator says so.

const FIRST = 30;
const SECOND = 24;
/** The second list's first OVERLAP rows are customers of the first list. */
const OVERLAP = 9;

function phoneOf(i: number): string {
  return `137${String(i).padStart(8, '0')}`;
}

async function importList(dataDir: string, name: string, from: number, count: number): Promise<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'cd-e2e-hygiene-')), `${name}.csv`);
  const rows = [['客户姓名', '手机号码']];
  for (let i = from; i < from + count; i++) rows.push([`客户${i}`, phoneOf(i)]);
  writeCsv(file, rows);
  return importInto(dataDir, file);
}

async function openPush(page: Page, url: string, listId: number, listName: string, taskName: string) {
  await page.goto(`${url}#/lists/${listId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(listName);
  await page.getByRole('button', { name: '推送到任务…' }).click();
  const dialog = page.getByRole('dialog', { name: `把“${listName}”推送到任务` });
  await choose(page, dialog.getByLabel('目标任务'), taskName);
  // The task's status follows its name (it dials after the first push).
  await expect(dialog.getByTestId('upload-task').getByTitle(new RegExp(`^${taskName}（`))).toBeVisible();
  return dialog;
}

test('push two overlapping lists into one task: the second plan leaves the shared numbers out unless sent anyway', async ({
  page,
  harness,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const first = await importList(dataDir, '十二月甲', 0, FIRST);
  // Starts inside the first list: its first OVERLAP numbers are the first list's last ones.
  const second = await importList(dataDir, '十二月乙', FIRST - OVERLAP, SECOND);
  await page.goto(`${harness.url}#/tasks`);
  const taskId = await createTaskViaApi(page, 'e2e 去重', 1);

  // The first list goes in whole: nothing is in the task yet.
  let dialog = await openPush(page, harness.url, first, '十二月甲', 'e2e 去重');
  let plan = dialog.getByRole('status', { name: '上传计划' });
  await expect(plan).toContainText(`将上传 ${FIRST} 行`);
  await expect(plan.getByRole('region', { name: '外呼检查' })).toHaveCount(0);
  await dialog.getByRole('button', { name: '开始上传' }).click();
  await expect(dialog.getByTestId('upload-state')).toHaveText('已完成', { timeout: 30_000 });
  await expect(dialog.getByTestId('upload-figure-accepted')).toHaveText(String(FIRST));
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The second: the shared numbers are a problem of their own, counted, listed with the list
  // that put them there, and left out by default.
  dialog = await openPush(page, harness.url, second, '十二月乙', 'e2e 去重');
  plan = dialog.getByRole('status', { name: '上传计划' });
  await expect(plan).toContainText(`将上传 ${SECOND - OVERLAP} 行`);
  const checks = plan.getByRole('region', { name: '外呼检查' });
  await expect(checks.getByRole('alert')).toContainText(`${OVERLAP} 行的号码已在该任务中，默认不上传`);
  await expect(checks.getByRole('alert')).toContainText(
    `其中 ${OVERLAP} 行由其他上传放入任务，0 行已经拨打过。`,
  );
  const flagged = checks.getByRole('table', { name: '被检查出的行' });
  // Eight at first (and the header row), the rest behind "more".
  await expect(flagged.getByRole('row')).toHaveCount(8 + 1);
  await checks.getByRole('button', { name: `再显示一些（还有 ${OVERLAP - 8} 行）` }).click();
  await expect(flagged.getByRole('row')).toHaveCount(OVERLAP + 1);
  const shared = phoneOf(FIRST - 1);
  await expect(flagged.getByRole('row').filter({ hasText: shared })).toContainText('已由“十二月甲”上传');
  await expect(flagged.getByRole('row').filter({ hasText: phoneOf(FIRST) })).toHaveCount(0);

  // "Send anyway" puts them back in the plan; taking it back leaves them out again.
  const anyway = checks.getByRole('checkbox', { name: `仍然上传这 ${OVERLAP} 行` });
  await anyway.check();
  await expect(plan).toContainText(`将上传 ${SECOND} 行`);
  await anyway.uncheck();
  await expect(plan).toContainText(`将上传 ${SECOND - OVERLAP} 行`);

  await dialog.getByRole('button', { name: '开始上传' }).click();
  await expect(dialog.getByTestId('upload-state')).toHaveText('已完成', { timeout: 30_000 });
  await expect(dialog.getByTestId('upload-figure-accepted')).toHaveText(String(SECOND - OVERLAP));

  // What the task holds, as the provider counts it: each customer once.
  const total = await page.evaluate(async (id) => {
    const list = await window.api.tasks.list();
    if (!list.ok) throw new Error(list.error.message);
    return list.value.tasks.find((task) => task.id === id)?.counts.total;
  }, taskId);
  expect(total).toBe(FIRST + SECOND - OVERLAP);
});

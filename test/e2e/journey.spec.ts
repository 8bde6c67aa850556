import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert, hasSoffice, SOFFICE_MISSING } from '../support/libreoffice';
import { fods } from '../support/workbooks';
import { choose, createTaskInWizard, expect, taskRow, test } from './fixtures';

// An operator's whole day against the built-in sandbox: drop a workbook someone else made,
// create a task, push the list into it, let it dial, sync the results and review a call that
// is joined back to its list row (through the upload journal, with no list linked by hand).

const ROWS = 40;

/** A LibreOffice-written workbook: names and numeric phone numbers, as Excel users send them. */
function makeWorkbook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cd-e2e-journey-'));
  const rows: (string | number)[][] = [['客户姓名', '手机号码']];
  for (let i = 0; i < ROWS; i++) rows.push([`旅程客户${i}`, 13800000000 + i * 17]);
  writeFileSync(join(dir, '回访旅程.fods'), fods([{ name: '名单', rows }]));
  const [xlsx] = convert([join(dir, '回访旅程.fods')], 'xlsx', dir);
  return xlsx as string;
}

test('drop a workbook, create a task, push, dial, sync and review a call joined to its row', async ({
  page,
  harness,
}) => {
  test.skip(!hasSoffice(), SOFFICE_MISSING);
  test.setTimeout(150_000);
  const workbook = makeWorkbook();

  // 1. Drop the workbook on the Lists screen and import it as suggested.
  await page.goto(harness.url);
  const transfer = await page.evaluateHandle(
    (data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], '回访旅程.xlsx'));
      return dt;
    },
    [...readFileSync(workbook)],
  );
  await page.getByTestId('lists-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await page
    .getByRole('region', { name: '导入“回访旅程.xlsx”' })
    .getByRole('button', { name: '导入' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('回访旅程');
  const listUrl = page.url();

  // 2. Create the task; 3. push the list into it.
  await createTaskInWizard(page, harness.url, '旅程任务');
  await page.goto(listUrl);
  await page.getByRole('button', { name: '推送到任务…' }).click();
  const dialog = page.getByRole('dialog', { name: '把“回访旅程”推送到任务' });
  await choose(page, dialog.getByLabel('目标任务'), '旅程任务（未开始）');
  await expect(dialog.getByRole('status', { name: '上传计划' })).toContainText(`将上传 ${ROWS} 行`);
  await dialog.getByRole('button', { name: '开始上传' }).click();
  await expect(dialog.getByTestId('upload-state')).toHaveText('已完成');
  await expect(dialog.getByTestId('upload-figure-accepted')).toHaveText(String(ROWS));
  await dialog.getByRole('button', { name: '关闭' }).click();

  // 4. The sandbox dials every row.
  await page.goto(`${harness.url}#/tasks`);
  await expect(taskRow(page, '旅程任务').getByRole('progressbar')).toHaveAccessibleName(
    `已拨打 ${ROWS} / ${ROWS}`,
    { timeout: 90_000 },
  );

  // 5. Sync the results and review a connected call.
  await page.goto(`${harness.url}#/results`);
  await choose(page, page.getByLabel('查看'), '旅程任务（');
  await page.getByRole('button', { name: '同步结果' }).click();
  await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toContainText(`新增 ${ROWS} 通`);
  await choose(page, page.getByLabel('拨打状态'), '已接通');
  await page.keyboard.press('Escape');
  const first = page.locator('[data-callid]').first();
  await first.click();
  const pane = page.getByRole('region', { name: '通话详情' });
  await expect(pane.getByTestId('waveform')).toHaveAttribute('data-state', 'ready');
  await expect(pane.getByRole('list', { name: '对话文本' }).locator('[data-line]').first()).toBeVisible();
  // Joined to its row through the journal: the list's name and the customer's name from the workbook.
  await expect(pane).toContainText('名单“回访旅程”');
  await expect(pane).toContainText(/客户姓名：旅程客户\d+/);
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from '../support/libreoffice';
import { importInto } from '../support/seedList';
import { chineseRows, writeCsv } from '../support/workbooks';
import { expect, test } from './fixtures';

test('the do-not-call list: add pasted numbers, see the refused ones, import a workbook, search and remove', async ({
  page,
  harness,
}) => {
  await page.goto(`${harness.url}#/dnc`);
  await expect(page.getByRole('heading', { name: '免打扰名单' })).toBeVisible();
  await expect(page.getByText('免打扰名单还是空的')).toBeVisible();

  await page.getByRole('button', { name: '添加号码' }).click();
  const dialog = page.getByRole('dialog', { name: '添加到免打扰名单' });
  // Nothing typed: the form says what to fix and sends nothing.
  await dialog.getByRole('button', { name: '添加' }).click();
  await expect(dialog.getByText('请至少填写一个号码')).toBeVisible();
  await dialog.getByLabel('号码').fill('139 1234 5678\n021-9124 8839\n12345\n');
  await dialog.getByLabel('原因（可选）').fill('客户投诉');
  await dialog.getByRole('radiogroup', { name: '适用于' }).getByText('所有账号').click();
  await dialog.getByRole('button', { name: '添加' }).click();
  await expect(page.getByText('已加入 2 个号码，1 个不是有效号码')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '以下内容没有加入' })).toContainText('12345');
  const rows = page.getByRole('row');
  await expect(page.getByRole('cell', { name: '13912345678' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '02191248839' })).toBeVisible();
  await expect(rows.filter({ hasText: '13912345678' })).toContainText('所有账号');
  await expect(rows.filter({ hasText: '13912345678' })).toContainText('客户投诉');

  // A workbook written by LibreOffice (another program) through the same importer as lists.
  const dir = mkdtempSync(join(tmpdir(), 'cd-dnc-e2e-'));
  writeFileSync(join(dir, '免打扰.csv'), '手机号码,原因\n13800138000,不要再打了\n13700001111,\n', 'utf8');
  const [book] = convert([join(dir, '免打扰.csv')], 'xlsx', dir, { infilter: 'CSV:44,34,76' });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从文件导入' }).click();
  await (await chooser).setFiles(book!);
  await expect(page.getByText('已加入 2 个号码')).toBeVisible();
  await expect(page.getByText('共 4 个号码')).toBeVisible();
  await expect(rows.filter({ hasText: '13800138000' })).toContainText('文件导入');

  await page.getByRole('searchbox', { name: '搜索号码或原因' }).fill('不要再打');
  await page.getByRole('searchbox', { name: '搜索号码或原因' }).press('Enter');
  await expect(page.getByText('共 1 个号码')).toBeVisible();
  await rows.filter({ hasText: '13800138000' }).getByRole('checkbox').check();
  await page.getByRole('button', { name: '移出所选（1）' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已移出 1 个号码')).toBeVisible();
  await expect(page.getByText('免打扰名单还是空的')).toBeVisible();
  await page.getByRole('searchbox', { name: '搜索号码或原因' }).fill('');
  await page.getByRole('searchbox', { name: '搜索号码或原因' }).press('Enter');
  await expect(page.getByText('共 3 个号码')).toBeVisible();
});

test('the numbers of a list’s selected rows go on the do-not-call list from the grid', async ({
  page,
  harness,
  dataDir,
}) => {
  const table = chineseRows(5);
  const file = join(mkdtempSync(join(tmpdir(), 'cd-dnc-rows-')), '回访五人.csv');
  writeCsv(file, table);
  const listId = await importInto(dataDir, file);
  await page.goto(`${harness.url}#/lists/${listId}`);
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('gridcell', { name: '客户0号' })).toBeVisible();
  const button = page.getByRole('button', { name: '加入免打扰（0）' });
  await expect(button).toBeDisabled();

  const boxes = grid.getByRole('checkbox', { name: '选择此行' });
  await boxes.nth(1).check();
  await boxes.nth(3).check();
  await page.getByRole('button', { name: '加入免打扰（2）' }).click();
  await expect(page.getByText('把所选 2 行的号码加入当前账号的免打扰名单？')).toBeVisible();
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已加入免打扰 2 个号码' })).toBeVisible();
  await expect(page.getByRole('button', { name: '加入免打扰（0）' })).toBeDisabled();

  // The same rows again: nothing new, both already there.
  await boxes.nth(1).check();
  await boxes.nth(3).check();
  await page.getByRole('button', { name: '加入免打扰（2）' }).click();
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '已加入免打扰 0 个号码，2 个已在名单中' }),
  ).toBeVisible();

  await page.goto(`${harness.url}#/dnc`);
  await expect(page.getByText('共 2 个号码')).toBeVisible();
  await expect(page.getByRole('cell', { name: table[2]![0]!, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: table[4]![0]!, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: table[1]![0]!, exact: true })).toHaveCount(0);
});

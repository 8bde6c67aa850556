import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importInto } from '../support/seedList';
import { chineseRows, writeCsv } from '../support/workbooks';
import { expect, test } from './fixtures';

/** Imports a generated CSV into the test's data folder before the harness opens it. */
async function seedList(dataDir: string, rows: number): Promise<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'cd-e2e-grid-')), `回访${rows}.csv`);
  writeCsv(file, chineseRows(rows));
  return importInto(dataDir, file);
}

test.describe('the call-list grid', () => {
  test('scrolls 100,000 rows with only the visible ones in the page', async ({ page, harness, dataDir }) => {
    test.setTimeout(120_000);
    const listId = await seedList(dataDir, 100_000);
    await page.goto(`${harness.url}#/lists/${listId}`);
    const grid = page.getByRole('grid');
    await expect(grid).toHaveAttribute('aria-rowcount', '100001');
    await expect(grid.getByRole('gridcell', { name: '客户0号' })).toBeVisible();

    await grid.evaluate((element) => (element.scrollTop = element.scrollHeight));
    await expect(grid.getByRole('gridcell', { name: '客户99999号', exact: true })).toBeVisible();
    // The last row is row 100,001 of the sheet (the header is row 1).
    await expect(grid.getByTestId('cell:sourceRow').filter({ hasText: '100001' })).toBeVisible();
    expect(await grid.getByRole('row').count()).toBeLessThan(120);

    // Keyboard: Ctrl+Home is not needed — PageUp walks back, the selection stays in view.
    await grid.getByTestId('cell:telephone').last().click();
    await page.keyboard.press('PageUp');
    await expect(grid.locator('[aria-selected="true"]')).toBeInViewport();

    // Sorting 100,000 rows runs in main (zh-CN collation: numbers in names by value) and the
    // screen says it is busy meanwhile.
    // A short sort can finish between two polls: record every busy veil the page ever shows.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { busySeen: string[] }).busySeen = seen;
      new MutationObserver(() => {
        const veil = document.querySelector('[role="status"][class*="busy"]');
        if (veil?.textContent && seen.at(-1) !== veil.textContent) seen.push(veil.textContent);
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByLabel('排序').click();
    await page.getByTitle('客户姓名', { exact: true }).click();
    await page.getByRole('checkbox', { name: '倒序' }).check();
    await expect(page.getByRole('status').filter({ hasText: '正在整理名单…' })).toBeHidden({
      timeout: 30_000,
    });
    expect(await page.evaluate(() => (window as unknown as { busySeen: string[] }).busySeen)).toContain(
      '正在整理名单…',
    );
    await grid.evaluate((element) => (element.scrollTop = 0));
    await expect(grid.getByTestId('cell:var:客户姓名').first()).toHaveText('客户99999号');
  });

  test('rename in a Modal, delete with a Popconfirm; the overview dates read YYYY-MM-DD HH:mm:ss', async ({
    page,
    harness,
    dataDir,
  }) => {
    const listId = await seedList(dataDir, 3);
    await page.goto(`${harness.url}#/lists`);
    const overview = page.getByRole('table');
    await expect(overview.getByRole('row', { name: /回访3/ })).toContainText(
      /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/,
    );
    const updated = await overview.getByRole('row', { name: /回访3/ }).getByRole('cell').last().textContent();
    expect(updated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    await page.goto(`${harness.url}#/lists/${listId}`);
    await page.getByRole('button', { name: '重命名' }).click();
    const dialog = page.getByRole('dialog', { name: '重命名名单' });
    const name = dialog.getByLabel('新的名单名称');
    await expect(name).toHaveValue('回访3');
    await name.fill('  ');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog).toContainText('请填写名单名称');
    await name.fill('十二月回访');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('十二月回访');
    await expect(page.getByRole('alert').filter({ hasText: '已重命名为“十二月回访”' })).toBeVisible();
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: '删除名单' }).click();
    const ask = page.getByRole('tooltip').filter({ hasText: '确定删除名单“十二月回访”吗？' });
    await ask.getByRole('button', { name: '取消' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('十二月回访');
    await page.getByRole('button', { name: '删除名单' }).click();
    await ask.getByRole('button', { name: '删除' }).click();
    await expect(page).toHaveURL(/#\/lists$/);
    await expect(page.getByRole('alert').filter({ hasText: '已删除名单“十二月回访”' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '还没有名单' })).toBeVisible();
  });

  test('paste a range from Excel, filter by problem, add and delete rows, undo', async ({
    page,
    harness,
    dataDir,
  }) => {
    const listId = await seedList(dataDir, 3);
    await page.goto(`${harness.url}#/lists/${listId}`);
    const grid = page.getByRole('grid');
    await expect(grid.getByRole('row')).toHaveCount(4);

    // Select the telephone cell of the second row and paste two rows × two columns from Excel;
    // the third line runs past the end of the list and becomes a new row.
    await grid.getByTestId('cell:telephone').nth(1).click();
    await grid.evaluate((element) => {
      const data = new DataTransfer();
      data.setData('text/plain', '13912345678\t新名字\r\nabc\t"带""引号"""\r\n13700000001\t新增客户\r\n');
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await expect(grid.getByRole('row')).toHaveCount(5);
    await expect(grid.getByRole('gridcell', { name: '新名字' })).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: '带"引号"' })).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: '新增客户' })).toBeVisible();

    // One pasted number is invalid: filter to rows with problems.
    await page.getByLabel('筛选').click();
    await page.getByTitle('电话号码无效', { exact: true }).click();
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid.getByTestId('cell:telephone').first()).toHaveText('abc');
    await page.getByLabel('筛选').click();
    await page.getByTitle('全部行', { exact: true }).click();

    // Add an empty row, then delete it with two others; undo brings all three back.
    await page.getByRole('button', { name: '添加行' }).click();
    await expect(grid.getByRole('row')).toHaveCount(6);
    const boxes = grid.getByRole('checkbox', { name: '选择此行' });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await boxes.nth(4).check();
    await page.getByRole('button', { name: '删除所选（3）' }).click();
    const confirmDelete = page.getByRole('tooltip').filter({ hasText: '确定删除所选的 3 行吗？' });
    await confirmDelete.getByRole('button', { name: '删除' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '已删除 3 行，可以撤销' })).toBeVisible();
    await expect(grid.getByRole('row')).toHaveCount(3);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(grid.getByRole('row')).toHaveCount(6);
  });

  test('typing Chinese through an input method: Enter picks the candidate, it does not save', async ({
    page,
    harness,
    dataDir,
  }) => {
    const listId = await seedList(dataDir, 2);
    await page.goto(`${harness.url}#/lists/${listId}`);
    const grid = page.getByRole('grid');
    const nameCell = grid.getByTestId('cell:var:客户姓名').first();
    await nameCell.dblclick();
    const editor = grid.getByRole('textbox', { name: '客户姓名' });
    await editor.fill('');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'zhang', selectionStart: 5, selectionEnd: 5 });
    await page.keyboard.press('Enter');
    // Still editing: the Enter belonged to the input method.
    await expect(editor).toBeVisible();
    await cdp.send('Input.insertText', { text: '张伟' });
    await expect(editor).toHaveValue('张伟');
    await editor.press('Enter');
    await expect(grid.getByRole('gridcell', { name: '张伟', exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('grid').getByRole('gridcell', { name: '张伟', exact: true })).toBeVisible();
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert, hasSoffice, SOFFICE_MISSING } from '../support/libreoffice';
import { fods } from '../support/workbooks';
import { expect, test } from './fixtures';

/** A workbook written by LibreOffice: a merged title row, numeric phones, one bad and one duplicate. */
function makeWorkbook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cd-e2e-lists-'));
  writeFileSync(
    join(dir, '十一月回访.fods'),
    fods([
      {
        name: '回访名单',
        rows: [
          [{ title: '2026年11月回访名单', span: 3 }],
          ['客户姓名', '手机号码', '会议地点'],
          ['张三', 13800138000, '银海大厦'],
          ['李四', '139-0013-9001', '国贸中心'],
          ['王五', '12345', '世纪大道'],
          ['赵六', 13800138000, '陆家嘴'],
          ['钱七', '+86 137 0013 7002', '张江'],
        ],
      },
    ]),
  );
  const [xlsx] = convert([join(dir, '十一月回访.fods')], 'xlsx', dir);
  return xlsx as string;
}

test.describe('call lists', () => {
  test.skip(!hasSoffice(), SOFFICE_MISSING);

  test('drop a workbook, map columns, see the problems, fix one inline, export', async ({
    page,
    harness,
    dataDir,
  }) => {
    const workbook = makeWorkbook();
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('名单');

    // Drop the file on the Lists screen, as from the file manager.
    const bytes = [...readFileSync(workbook)];
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(
        new File([new Uint8Array(data)], '十一月回访.xlsx', {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      );
      return dt;
    }, bytes);
    await page.getByTestId('lists-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });

    // Mapping step: the title row is skipped, columns matched, problems previewed.
    const wizard = page.getByRole('region', { name: '导入“十一月回访.xlsx”' });
    await expect(wizard).toBeVisible();
    await expect(wizard.getByLabel('表头所在行')).toHaveValue('2');
    await expect(wizard.getByText('对应列', { exact: true })).toBeVisible();
    await expect(wizard.getByRole('row', { name: /· 手机号码/ })).toContainText('电话号码');
    await expect(wizard.getByRole('row', { name: /· 客户姓名/ })).toContainText('话术变量');
    await expect(wizard.getByRole('row', { name: /· 会议地点/ })).toContainText('话术变量');
    await expect(wizard.getByRole('status').first()).toContainText('电话号码无效: 1');
    await expect(wizard.getByRole('status').first()).toContainText('电话号码重复: 1');
    // Rename a variable to the script's name before importing.
    await wizard.getByLabel('变量名 客户姓名').fill('姓名');
    // Two columns may not feed one variable: refused inline, at the field, and Import waits.
    await wizard.getByLabel('变量名 会议地点').fill('姓名');
    await expect(wizard.getByRole('row', { name: /· 会议地点/ })).toContainText('已有同名变量，请换一个名称');
    await expect(wizard.getByRole('button', { name: '导入' })).toBeDisabled();
    await wizard.getByLabel('变量名 会议地点').fill('会议地点');
    await wizard.getByRole('button', { name: '导入' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '导入完成：5 行' })).toBeVisible();

    // The list opens with its problems.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('十一月回访');
    const grid = page.getByRole('grid', { name: '名单“十一月回访”的数据' });
    await expect(grid.getByRole('row')).toHaveCount(6);
    await expect(grid.getByRole('columnheader')).toContainText([
      '行号',
      '手机号码',
      '编号',
      '姓名',
      '会议地点',
      '问题',
    ]);
    const problems = page.getByRole('complementary', { name: /问题/ });
    await expect(problems.getByRole('heading')).toHaveText('问题（2）');
    await expect(problems.getByRole('button', { name: /第 5 行 电话号码无效/ })).toBeVisible();

    // Jump to the invalid number from the panel and fix it in place.
    await problems.getByRole('button', { name: /第 5 行/ }).click();
    const cell = grid.locator('[role="gridcell"][aria-selected="true"]');
    await expect(cell).toHaveText('12345');
    await page.keyboard.press('Enter');
    const editor = grid.getByRole('textbox', { name: '手机号码' });
    await editor.fill('13600136000');
    await editor.press('Enter');
    await expect(grid.getByTestId('cell:telephone').filter({ hasText: '13600136000' })).toBeVisible();
    await expect(problems.getByRole('heading')).toHaveText('问题（1）');

    // Undo and redo the fix from the keyboard.
    await grid.focus();
    await page.keyboard.press('Control+z');
    await expect(problems.getByRole('heading')).toHaveText('问题（2）');
    await page.keyboard.press('Control+y');
    await expect(problems.getByRole('heading')).toHaveText('问题（1）');

    // Back on the overview, 可拨打 is what the list says now (it was read again, not kept).
    const valid = /可拨打 (\d+)/.exec((await page.getByText(/可拨打 \d+/).textContent()) ?? '')?.[1];
    await page.getByRole('link', { name: '← 全部名单' }).click();
    await expect(
      page
        .getByRole('row', { name: /十一月回访/ })
        .getByRole('cell')
        .nth(2),
    ).toHaveText(valid!);
    await page.getByRole('link', { name: '十一月回访' }).click();

    // Export: a download in the harness, named after the list and the day, with the fixed
    // number and the renamed variable.
    await page.getByRole('button', { name: '导出' }).hover();
    const downloaded = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: '导出 .csv' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^十一月回访.*\d{4}-\d{2}-\d{2}\.csv$/);
    await expect(page.getByRole('status').filter({ hasText: /已下载 5 行：十一月回访/ })).toBeVisible();
    const file = join(dataDir, 'list-export.csv');
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('13600136000');
    expect(csv).toContain('姓名');
    expect(csv).not.toContain('12345,');
  });

  test('a file that is not a workbook gets a clear message and creates nothing', async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /选择文件/ }).click();
    await (
      await chooser
    ).setFiles({
      name: '名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('<!doctype html><html><body>502 Bad Gateway</body></html>'),
    });
    await expect(page.getByRole('alert')).toContainText('import.');
    await expect(page.getByRole('table')).toHaveCount(0);
  });
});

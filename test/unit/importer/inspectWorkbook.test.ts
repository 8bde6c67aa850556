/**
 * The service behind `campaign-desk inspect` and the import options the CLI passes through
 * (`--sheet`, `--header-row`, `--phone`, `--var`), on a workbook written by LibreOffice.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/services/contract/failure';
import { inspectWorkbook, type InspectedRow } from '../../../electron/services/importer/inspectWorkbook';
import { openListServices } from '../../../electron/services/lists';
import { importFile } from '../../../electron/services/lists/importFile';
import { convert, hasSoffice, SOFFICE_MISSING } from '../../support/libreoffice';
import { fods, type FodsCell } from '../../support/workbooks';

const available = hasSoffice();
if (!available) console.warn(SOFFICE_MISSING);
const dir = mkdtempSync(join(tmpdir(), 'cd-inspect-'));
let book: string;

const SHEET: FodsCell[][] = [
  [{ title: '2026年11月回访名单', span: 4 }],
  [],
  ['序号', '客户姓名', '联系电话', '预约日期', null, '备注'],
  [1, '张三', 13800138000, { date: '2026-11-05' }, 'x', '老客户'],
  [2, '李四', '139-0013-9000', { date: '2026-11-06' }, null, ''],
  [3, '王五', 12345, { date: '2026-11-07' }, null, 'A|B'],
  [4, '赵六', 13700137000, { date: '2026-11-08' }, null, '新客户'],
];

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe.skipIf(!available)('inspectWorkbook (campaign-desk inspect)', () => {
  beforeAll(() => {
    writeFileSync(
      join(dir, 'book.fods'),
      fods([
        { name: '说明', rows: [['本文件由回访系统导出']] },
        { name: '回访名单', rows: SHEET },
      ]),
    );
    [book] = convert([join(dir, 'book.fods')], 'xlsx', dir) as [string];
  }, 120_000);

  it('answers sheets, the header row, the mapping with a reason per column, problems and rows as read', async () => {
    const inspection = await inspectWorkbook(book, { sheet: 2, rows: 3 });
    expect(inspection.sheets.map((sheet) => sheet.name)).toEqual(['说明', '回访名单']);
    expect(inspection.sheet).toBe('回访名单');
    expect(inspection.headerRow).toBe(3);
    expect(inspection.columns).toEqual([
      { index: 0, letter: 'A', header: '序号', role: 'variable', name: '序号', reason: 'header' },
      { index: 1, letter: 'B', header: '客户姓名', role: 'variable', name: '客户姓名', reason: 'header' },
      { index: 2, letter: 'C', header: '联系电话', role: 'telephone', reason: 'phone_header' },
      { index: 3, letter: 'D', header: '预约日期', role: 'variable', name: '预约日期', reason: 'header' },
      { index: 4, letter: 'E', header: '', role: 'ignored', reason: 'no_header' },
      { index: 5, letter: 'F', header: '备注', role: 'variable', name: '备注', reason: 'header' },
    ]);
    expect(inspection.problems.map(({ cell, code }) => [cell, code])).toEqual([
      ['C6', 'phone.invalid'],
      ['F6', 'variable.unencodable'],
    ]);
    expect(inspection.complete).toBe(true);
    expect(await all(inspection.rows)).toEqual([
      // LibreOffice writes the cells a merged title covers as empty cells.
      { row: 1, cells: ['2026年11月回访名单', '', '', ''] },
      { row: 3, cells: ['序号', '客户姓名', '联系电话', '预约日期', '', '备注'] },
      { row: 4, cells: ['1', '张三', '13800138000', '2026-11-05', 'x', '老客户'] },
    ]);
  });

  it('streams every row for `all`, takes the sheet by name and a given header row', async () => {
    const inspection = await inspectWorkbook(book, { sheet: '回访名单', headerRow: 4, rows: 'all' });
    expect(inspection.headerRow).toBe(4);
    expect(inspection.columns.find((column) => column.role === 'telephone')?.letter).toBe('C');
    const rows: InspectedRow[] = await all(inspection.rows);
    expect(rows.map((row) => row.row)).toEqual([1, 3, 4, 5, 6, 7]);
    // Trailing empty cells are not written, so not read.
    expect(rows[3]).toEqual({ row: 5, cells: ['2', '李四', '139-0013-9000', '2026-11-06'] });
    const first = await inspectWorkbook(book);
    expect(first.sheet).toBe('说明');
    await first.close();
    await expect(inspectWorkbook(book, { sheet: 3 })).rejects.toMatchObject({ code: 'import.no_such_sheet' });
  });

  it('imports with the CLI options passed straight through: --sheet 2 --header-row 3 --phone C --var', async () => {
    const services = openListServices(join(dir, 'data'));
    const result = await importFile(
      book,
      { sheet: '2', headerRow: 3, phone: 'C', variables: ['姓名=客户姓名', '日期=D'], name: '十一月' },
      services,
    );
    expect(result.list.name).toBe('十一月');
    expect(result.list.columns.variables).toEqual(['姓名', '日期']);
    expect(
      services.store
        .getRows(result.list.id, 0, 10)
        .map((row) => [row.sourceRow, row.telephoneRaw, ...row.variables]),
    ).toEqual([
      [4, '13800138000', '张三', '2026-11-05'],
      [5, '139-0013-9000', '李四', '2026-11-06'],
      [6, '12345', '王五', '2026-11-07'],
      [7, '13700137000', '赵六', '2026-11-08'],
    ]);
    const bad = await importFile(book, { sheet: 2, variables: ['姓名'] }, services).catch(
      (error: AppFailure) => error,
    );
    expect(bad).toMatchObject({ code: 'import.bad_mapping' });
    const noColumn = await importFile(book, { sheet: 2, phone: '手机' }, services).catch(
      (error: AppFailure) => error,
    );
    expect(noColumn).toMatchObject({ code: 'import.bad_mapping' });
    expect(services.store.listLists()).toHaveLength(1);
    services.close();
  });
});

/**
 * Workbooks written by LibreOffice during the run: numeric phone cells, a merged title above
 * the header, a second sheet, an .xls, a truncated .xlsx, an HTML page named .xlsx, a GBK CSV.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/services/contract/failure';
import { importFile } from '../../../electron/services/lists/importFile';
import { inspectFile } from '../../../electron/services/importer/inspect';
import { openListServices, type ListServices } from '../../../electron/services/lists';
import { convert, hasSoffice, SOFFICE_MISSING } from '../../support/libreoffice';
import { fods, type FodsCell } from '../../support/workbooks';

const available = hasSoffice();
if (!available) console.warn(SOFFICE_MISSING);

const dir = mkdtempSync(join(tmpdir(), 'cd-lo-'));
let services: ListServices;
let phonesXlsx: string;
let titledXlsx: string;
let phonesXls: string;

const PHONES: FodsCell[][] = [
  ['手机号码', '姓名', '客户编号', '备注'],
  [13800138000, '张三', 1001, '老客户'],
  ['+86 139-0013-9000', '李四', 1002, ''],
  [12345, '王五', 1003, ''],
  [null, '赵六', 1004, '没有号码'],
  [13800138000, '钱七', 1005, '重复'],
  [13700137000, '孙八', 1006, 'A|B'],
  [13600136000, '周九', 1001, '编号重复'],
];

async function importWhole(path: string) {
  const inspection = await inspectFile(path, { memory: services.memory });
  return importFile(
    path,
    { sheet: inspection.sheet, headerRow: inspection.headerRow, mapping: inspection.suggestedMapping },
    services,
  );
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    if (error instanceof AppFailure) return error.code;
    throw error;
  }
}

describe.skipIf(!available)('workbooks written by LibreOffice', () => {
  beforeAll(() => {
    services = openListServices(join(dir, 'data'));
    writeFileSync(join(dir, 'phones.fods'), fods([{ name: '名单', rows: PHONES }]));
    writeFileSync(
      join(dir, 'titled.fods'),
      fods([
        { name: '说明', rows: [] },
        {
          name: '回访名单',
          rows: [
            [{ title: '2026年11月回访名单', span: 3 }],
            [],
            ['联系电话', '客户姓名', '预约日期'],
            [13800138000, '张三', { date: '2026-11-05' }],
            ['010-6123 4567', '李四', { date: '2026-11-06' }],
          ],
        },
      ]),
    );
    [phonesXlsx, titledXlsx] = convert([join(dir, 'phones.fods'), join(dir, 'titled.fods')], 'xlsx', dir) as [
      string,
      string,
    ];
    [phonesXls] = convert([join(dir, 'phones.fods')], 'xls', dir) as [string];
  }, 120_000);

  it('keeps every digit of phones stored as number cells and flags problems at their sheet rows', async () => {
    const result = await importWhole(phonesXlsx);
    expect(result.list.rowCount).toBe(7);
    expect(result.valid).toBe(3);
    expect(result.problems.map(({ row, column, code, value }) => ({ row, column, code, value }))).toEqual([
      { row: 4, column: '手机号码', code: 'phone.invalid', value: '12345' },
      { row: 5, column: '手机号码', code: 'phone.missing', value: '' },
      { row: 6, column: '手机号码', code: 'phone.duplicate', value: '13800138000' },
      { row: 7, column: '备注', code: 'variable.unencodable', value: 'A|B' },
      { row: 8, column: '客户编号', code: 'outid.replaced', value: '1001' },
    ]);
    const rows = services.store.getRows(result.list.id, 0, 10);
    expect(rows.map((row) => [row.telephoneRaw, row.telephone, row.sourceRow])).toEqual([
      ['13800138000', '13800138000', 2],
      ['+86 139-0013-9000', '13900139000', 3],
      ['12345', null, 4],
      ['', null, 5],
      ['13800138000', '13800138000', 6],
      ['13700137000', '13700137000', 7],
      ['13600136000', '13600136000', 8],
    ]);
    expect(rows.slice(0, 6).map((row) => row.outid)).toEqual([
      '1001',
      '1002',
      '1003',
      '1004',
      '1005',
      '1006',
    ]);
    expect(rows[6]?.outid).toMatch(/^CD-[0-9A-Z]{8}-\d+$/);
  });

  it('finds the header under a merged title on the second sheet and reads date cells', async () => {
    const inspection = await inspectFile(titledXlsx);
    expect(inspection.sheets.map((sheet) => sheet.name)).toEqual(['说明', '回访名单']);
    expect(inspection.sheet).toBe('回访名单');
    expect(inspection.headerRow).toBe(3);
    expect(inspection.columns.map((column) => column.header)).toEqual(['联系电话', '客户姓名', '预约日期']);
    expect(inspection.suggestedMapping).toEqual({
      telephone: 0,
      outid: null,
      variables: [
        { column: 1, name: '客户姓名' },
        { column: 2, name: '预约日期' },
      ],
    });
    expect(inspection.sampleRows).toEqual([
      { rowNumber: 4, cells: ['13800138000', '张三', '2026-11-05'] },
      { rowNumber: 5, cells: ['010-6123 4567', '李四', '2026-11-06'] },
    ]);
    const result = await importWhole(titledXlsx);
    expect(result.problems).toEqual([]);
    expect(
      services.store
        .getRows(result.list.id, 0, 5)
        .map((row) => [row.sourceRow, row.telephone, ...row.variables]),
    ).toEqual([
      [4, '13800138000', '张三', '2026-11-05'],
      [5, '01061234567', '李四', '2026-11-06'],
    ]);
  });

  it('imports a GBK CSV (written by iconv) with its Chinese intact', async () => {
    const utf8 = join(dir, 'utf8.csv');
    writeFileSync(
      utf8,
      '客户回访名单\n手机号码,姓名,地址\n13800138000,张三,"北京市朝阳区,三里屯"\n13900139000,李四,上海市浦东新区\n',
    );
    const gbk = join(dir, '国庆回访.csv');
    writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', utf8]));
    const result = await importWhole(gbk);
    expect(result.list.name).toBe('国庆回访');
    expect(
      services.store
        .getRows(result.list.id, 0, 5)
        .map((row) => [row.sourceRow, row.telephoneRaw, ...row.variables]),
    ).toEqual([
      [3, '13800138000', '张三', '北京市朝阳区,三里屯'],
      [4, '13900139000', '李四', '上海市浦东新区'],
    ]);
  });

  it('refuses .xls (by content, whatever the name), truncated and HTML files, creating nothing', async () => {
    const before = services.store.listLists().length;
    expect(await code(inspectFile(phonesXls))).toBe('import.xls_unsupported');
    const disguised = join(dir, 'disguised.xlsx');
    copyFileSync(phonesXls, disguised);
    expect(await code(importWhole(disguised))).toBe('import.xls_unsupported');
    const truncated = join(dir, 'truncated.xlsx');
    const bytes = readFileSync(phonesXlsx);
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 200));
    expect(await code(importWhole(truncated))).toBe('import.truncated');
    const html = join(dir, 'export.xlsx');
    writeFileSync(
      html,
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><table><tr><td>手机号码</td></tr></table></body></html>',
    );
    expect(await code(importWhole(html))).toBe('import.not_a_workbook');
    // The mapping step already inspected a good file; the import itself must also refuse.
    const inspection = await inspectFile(phonesXlsx);
    writeFileSync(truncated, bytes.subarray(0, 600));
    expect(
      await code(
        importFile(
          truncated,
          { sheet: inspection.sheet, headerRow: 1, mapping: inspection.suggestedMapping },
          services,
        ),
      ),
    ).toBe('import.truncated');
    expect(services.store.listLists().length).toBe(before);
  });
});

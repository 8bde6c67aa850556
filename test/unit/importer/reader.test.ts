/**
 * The reader's defects found against third-party workbooks (issue 13), each on a file built
 * in the test run: by hand where no program writes that shape, by LibreOffice where one does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/services/contract/failure';
import { openWorkbook } from '../../../electron/services/importer/open';
import type { SheetRow } from '../../../electron/services/importer/source';
import { handXlsx, stylesWith, type HandWorkbook } from '../../support/handZip';
import { convert, hasSoffice, SOFFICE_MISSING } from '../../support/libreoffice';

const dir = mkdtempSync(join(tmpdir(), 'cd-reader-'));
let counter = 0;

function write(bytes: Buffer, name = `book${++counter}.xlsx`): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function readAll(path: string): Promise<SheetRow[]> {
  const source = await openWorkbook(path);
  const rows: SheetRow[] = [];
  for await (const batch of source.rows(source.sheets[0]!.name)) rows.push(...batch);
  return rows;
}

const cellsOf = async (book: HandWorkbook): Promise<string[][]> =>
  (await readAll(write(handXlsx(book)))).map((row) => row.cells);

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    if (error instanceof AppFailure) return error.code;
    throw error;
  }
}

/** One row of numeric cells `value` styled with format `s`. */
const numberRow = (r: number, values: readonly (readonly [string, number])[]): string =>
  `<row r="${r}">${values.map(([v, s], i) => `<c r="${String.fromCharCode(65 + i)}${r}" s="${s}"><v>${v}</v></c>`).join('')}</row>`;

describe('cells as Excel shows them', () => {
  it('reads an empty shared-string cell as empty, not as string #0 (WPS writes them)', async () => {
    const cells = await cellsOf({
      sheets: [
        {
          name: 'S',
          xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"/><c r="B2" t="s"><v/></c><c r="C2" t="s"><v></v></c><c r="D2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"/></row>',
        },
      ],
      sharedStrings: ['<si><t>回访名单</t></si>', '<si><t>张三</t></si>'],
    });
    expect(cells).toEqual([
      ['回访名单', '张三'],
      ['', '', '', '张三'],
    ]);
  });

  it('keeps the 1904 date system when Excel 2010+ adds <x14:workbookPr> inside extLst', async () => {
    const cells = await cellsOf({
      workbookPr: '<workbookPr date1904="1"/>',
      workbookExt:
        '<extLst><ext uri="{A}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext><ext uri="{B}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:workbookPr defaultImageDpi="220"/></ext></extLst>',
      sheets: [{ name: 'S', xml: numberRow(1, [['44213', 0]]) }],
      styles: stylesWith([14]),
    });
    expect(cells).toEqual([['2025-01-18']]);
  });

  it("counts Excel's fictitious 1900-02-29 for serials below 61", async () => {
    const cells = await cellsOf({
      sheets: [
        {
          name: 'S',
          xml: numberRow(1, [
            ['1', 0],
            ['59', 0],
            ['60', 0],
            ['61', 0],
            ['0.5', 1],
            ['60.25', 1],
          ]),
        },
      ],
      styles: stylesWith(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm']),
    });
    expect(cells).toEqual([
      ['1900-01-01', '1900-02-28', '1900-02-29', '1900-03-01', '1900-01-00 12:00:00', '1900-02-29 06:00:00'],
    ]);
  });

  it('rounds half-way values the way Excel displays them (the 15-digit decimal, not the double)', async () => {
    const cells = await cellsOf({
      sheets: [
        {
          name: 'S',
          xml: numberRow(1, [
            ['0.105', 0],
            ['1.005', 0],
            ['2.675', 0],
            ['-0.105', 0],
            ['0.0285', 1],
            ['0.285', 2],
            ['1234.5', 3],
            ['0.285', 0],
          ]),
        },
      ],
      styles: stylesWith(['0.00', '0.0%', '0%', '0']),
    });
    expect(cells).toEqual([['0.11', '1.01', '2.68', '-0.11', '2.9%', '29%', '1235', '0.29']]);
  });

  it('formats t="d" cells (ISO 8601 dates) as dates', async () => {
    const cells = await cellsOf({
      sheets: [
        {
          name: 'S',
          xml: '<row r="1"><c r="A1" t="d"><v>2021-12-31T23:44:51.894</v></c><c r="B1" t="d"><v>2021-12-31</v></c><c r="C1" t="d" s="1"><v>2021-12-31T23:44:51</v></c><c r="D1" t="d" s="2"><v>1899-12-31T08:30:00</v></c></row>',
        },
      ],
      styles: stylesWith([0, 'yyyy/m/d', 'h:mm']),
    });
    expect(cells).toEqual([['2021-12-31 23:44:52', '2021-12-31', '2021-12-31', '08:30']]);
  });

  it('shows elapsed-time formats ([h]:mm, [hh]:mm:ss, [m], [s]) past 24 hours', async () => {
    const cells = await cellsOf({
      sheets: [
        {
          name: 'S',
          xml: numberRow(1, [
            ['10.6320601851852', 0],
            ['1.5', 1],
            ['0.0625', 2],
            ['0.0625', 3],
            ['0.04166666666', 4],
            ['2.5', 5],
          ]),
        },
      ],
      styles: stylesWith(['[h]:mm:ss', '[h]:mm', '[m]', '[s]', '[mm]:ss', '[hh]:mm:ss']),
    });
    expect(cells).toEqual([['255:10:10', '36:00', '90', '5400', '60:00', '60:00:00']]);
  });

  it('normalises CR LF inside XML text to LF, but keeps an escaped CR', async () => {
    const cells = await cellsOf({
      sheets: [
        {
          name: 'S',
          xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x\r\ny\rz</t></is></c><c r="C1" t="s"><v>1</v></c></row>',
        },
      ],
      sharedStrings: ['<si><t>第一行\r\n第二行</t></si>', '<si><t>a&#13;\r\nb_x000D_</t></si>'],
    });
    expect(cells).toEqual([['第一行\n第二行', 'x\ny\nz', 'a\r\nb\r']]);
  });

  it('ignores number formats of conditional formats (<dxfs>), which reuse the ids', async () => {
    const styles = stylesWith(['yyyy-mm-dd']).replace(
      '</styleSheet>',
      '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="General"/></dxf></dxfs></styleSheet>',
    );
    expect(await cellsOf({ sheets: [{ name: 'S', xml: numberRow(1, [['45675', 0]]) }], styles })).toEqual([
      ['2025-01-18'],
    ]);
  });
});

describe('zip entries', () => {
  it('refuses two entries whose names differ only in case instead of guessing', async () => {
    const book = handXlsx({
      sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>' }],
      extra: [
        {
          name: 'XL/worksheets/Sheet1.xml',
          data: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>b</t></is></c></row></sheetData></worksheet>',
        },
      ],
    });
    expect(await code(readAll(write(book)))).toBe('import.corrupt');
  });
});

describe.skipIf(!hasSoffice())('date cells in workbooks written by LibreOffice', () => {
  if (!hasSoffice()) console.warn(SOFFICE_MISSING);

  it('become ISO dates, with HH:mm:ss when the format shows a time', async () => {
    const csv = join(dir, 'dates.csv');
    writeFileSync(
      csv,
      '手机号码,预约日期,回访时间,时刻\n13800138000,2025-01-18,2025-01-18 10:30:00,12:30:15\n13900139000,2025-02-01,2025-02-01 09:05:00,08:00:00\n',
    );
    const [xlsx] = convert([csv], 'xlsx', dir, { infilter: 'CSV:44,34,76' }) as [string];
    expect((await readAll(xlsx)).map((row) => row.cells)).toEqual([
      ['手机号码', '预约日期', '回访时间', '时刻'],
      ['13800138000', '2025-01-18', '2025-01-18 10:30:00', '12:30:15'],
      ['13900139000', '2025-02-01', '2025-02-01 09:05:00', '08:00:00'],
    ]);
  }, 120_000);
});

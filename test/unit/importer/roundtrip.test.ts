/**
 * 100,000 rows of long Chinese text, written to .xlsx by LibreOffice, imported, exported to
 * .xlsx and read back by LibreOffice: zero changed cells. This is the case exceljs's streaming
 * reader gets wrong (characters split across chunks come back as U+FFFD).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/services/importer/csv';
import { importFile } from '../../../electron/services/lists/importFile';
import { inspectFile } from '../../../electron/services/importer/inspect';
import { unwrapTextFormula } from '../../../electron/services/exports/cells';
import { exportList, openListServices, type ListServices } from '../../../electron/services/lists';
import { convert, hasSoffice, SOFFICE_MISSING } from '../../support/libreoffice';
import { chineseRows, writeCsv } from '../../support/workbooks';

const available = hasSoffice();
if (!available) console.warn(SOFFICE_MISSING);

const ROWS = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'cd-roundtrip-'));
const source = chineseRows(ROWS);
let services: ListServices;
let workbook: string;

/** Compares two tables cell by cell; returns the first differences (none expected). */
function differences(
  actual: readonly (readonly string[])[],
  expected: readonly (readonly string[])[],
  columns: number,
): string[] {
  const found: string[] = [];
  if (actual.length !== expected.length) found.push(`rows: ${actual.length} ≠ ${expected.length}`);
  for (let r = 0; r < expected.length && found.length < 10; r++)
    for (let c = 0; c < columns; c++)
      if ((actual[r]?.[c] ?? '') !== (expected[r]?.[c] ?? ''))
        found.push(`row ${r + 1} col ${c + 1}: ${actual[r]?.[c]} ≠ ${expected[r]?.[c]}`);
  return found;
}

describe.skipIf(!available)('100,000-row Chinese workbook round trip', () => {
  beforeAll(() => {
    services = openListServices(join(dir, 'data'));
    writeCsv(join(dir, 'big.csv'), source);
    [workbook] = convert([join(dir, 'big.csv')], 'xlsx', dir, { infilter: 'CSV:44,34,76' }) as [string];
  }, 120_000);

  it('imports, exports to .xlsx and .csv, and every cell comes back unchanged', async () => {
    const inspection = await inspectFile(workbook);
    const progress: number[] = [];
    const result = await importFile(
      workbook,
      { sheet: inspection.sheet, headerRow: inspection.headerRow, mapping: inspection.suggestedMapping },
      { ...services, onProgress: (p) => progress.push(p.rowsDone) },
    );
    expect(result.list.rowCount).toBe(ROWS);
    expect(result.problems).toEqual([]);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(ROWS);

    // The store holds exactly the source cells.
    const stored = [source[0] as string[]];
    for (let offset = 0; offset < ROWS; offset += 10_000)
      for (const row of services.store.getRows(result.list.id, offset, 10_000))
        stored.push([row.telephoneRaw, ...row.variables]);
    expect(differences(stored, source, 4)).toEqual([]);

    // .xlsx written by us, read back by LibreOffice.
    const exported = join(dir, 'exported.xlsx');
    await exportList(services.store, result.list.id, exported);
    const [back] = convert([exported], 'csv:Text - txt - csv (StarCalc):44,34,76', join(dir, 'back'));
    const reread = [...parseCsv(readFileSync(back as string, 'utf8').replace(/^\uFEFF/, ''))].map(
      ([, fields]) => fields,
    );
    expect(reread[0]).toEqual([...(source[0] as string[]), '数据ID']);
    expect(differences(reread, source, 4)).toEqual([]);
    expect(new Set(reread.slice(1).map((row) => row[4])).size).toBe(ROWS);
    expect(reread.flat().some((cell) => cell.includes('\uFFFD'))).toBe(false);

    // .csv: UTF-8 with a BOM for Excel, same cells.
    const csv = join(dir, 'exported.csv');
    await exportList(services.store, result.list.id, csv);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Telephones come as ="…" so spreadsheets keep them as text; read as Excel shows them.
    const csvRows = [...parseCsv(bytes.subarray(3).toString('utf8'))].map(([, fields]) =>
      fields.map(unwrapTextFormula),
    );
    expect(differences(csvRows, source, 4)).toEqual([]);
  }, 120_000);
});

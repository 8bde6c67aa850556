import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { csvRecord, finiteNumber, type ColumnKind, type ExportCell, type ExportColumn } from './cells';

export type ExportFormat = 'xlsx' | 'csv';

/** A table to write: its columns (header and kind) and its rows a page at a time. */
export interface ExportTable {
  sheet: string;
  columns: readonly ExportColumn[];
  /** Pages of rows, so a 100k-row export holds one page in memory. */
  pages: AsyncIterable<ExportCell[][]> | Iterable<ExportCell[][]>;
}

/** A worksheet name Excel accepts: at most 31 characters, none of `\ / ? * [ ] :`. */
export function sheetName(name: string): string {
  return name.slice(0, 31).replace(/[\\/?*[\]:]/g, '_') || 'Sheet1';
}

/** How .xlsx shows a number column: durations with one decimal, other numbers as they are. */
const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = { duration: '0.0', number: 'General' };

/** Column widths in characters, wide enough for what the kind usually holds. */
const WIDTHS: Record<ColumnKind, number> = {
  text: 18,
  phone: 16,
  id: 22,
  number: 10,
  duration: 12,
  datetime: 20,
};

/** The .xlsx value of a cell: a number in number columns, text everywhere else (never a formula). */
function xlsxValue(value: ExportCell, kind: ColumnKind): string | number | null {
  if (value === null || value === '') return null;
  if (kind === 'number' || kind === 'duration') return finiteNumber(value) ?? String(value);
  return String(value);
}

async function writeCsv(temp: string, table: ExportTable): Promise<number> {
  let rows = 0;
  const out = createWriteStream(temp, { flush: true });
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const headerColumns = table.columns.map((c) => ({ header: c.header, kind: 'text' as const }));
  // The BOM: without it Excel and WPS read UTF-8 Chinese as GBK mojibake.
  await write(
    `\uFEFF${csvRecord(
      headerColumns.map((c) => c.header),
      headerColumns,
    )}\r\n`,
  );
  for await (const page of table.pages) {
    rows += page.length;
    await write(page.map((line) => `${csvRecord(line, table.columns)}\r\n`).join(''));
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

async function writeXlsx(temp: string, table: ExportTable): Promise<number> {
  let rows = 0;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: temp,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(sheetName(table.sheet), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column, i) => ({
    key: String(i),
    width: Math.max(WIDTHS[column.kind], Math.min(40, column.header.length * 2 + 2)),
    ...(NUMBER_FORMATS[column.kind] ? { style: { numFmt: NUMBER_FORMATS[column.kind] } } : {}),
  }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const page of table.pages) {
    rows += page.length;
    for (const line of page)
      sheet.addRow(line.map((cell, i) => xlsxValue(cell, table.columns[i]?.kind ?? 'text'))).commit();
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

/**
 * Writes a table to .xlsx or .csv through a temporary file renamed into place, so a failed or
 * cancelled export never leaves a half file under the operator's name.
 *
 * CSV: UTF-8 with a BOM and CRLF lines; telephones and ids as `="0219…"` so Excel, WPS and
 * LibreOffice keep every digit; text a spreadsheet would run as a formula gets a leading `'`.
 * XLSX: streamed; numbers and durations are number cells, everything else is text (exceljs
 * writes strings as strings, never as formulas). Errors are thrown as they come.
 */
export async function writeTable(
  file: string,
  format: ExportFormat,
  table: ExportTable,
): Promise<{ rows: number }> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const rows = format === 'csv' ? await writeCsv(temp, table) : await writeXlsx(temp, table);
    renameSync(temp, file);
    return { rows };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

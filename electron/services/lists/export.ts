import ExcelJS from 'exceljs';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { extname } from 'node:path';
import { once } from 'node:events';
import type { CallListColumns } from '../../../shared/callList';
import { AppFailure } from '../contract/failure';
import { listFailure } from './errors';
import { parseColumns, ROW_COLUMNS, type RowRecord } from './records';
import type { CallListStore } from './store';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportOptions {
  /** `raw` (default) writes the telephone as typed; `normalised` the digits that get dialled. */
  telephone?: 'raw' | 'normalised';
  /** Overrides the format the file extension implies. */
  format?: ExportFormat;
  signal?: AbortSignal;
}

/** The export's header row and how to take each cell from a row: the file's column order. */
function layout(columns: CallListColumns): {
  headers: string[];
  cells: ((row: RowRecord, vars: string[]) => string)[];
} {
  const order = [...columns.order];
  // Generated outids go out too, so the file can be uploaded as is (add_task_file_data needs them).
  if (!order.includes('outid')) order.push('outid');
  const headers: string[] = [];
  const cells: ((row: RowRecord, vars: string[]) => string)[] = [];
  for (const key of order) {
    if (key === 'telephone') headers.push(columns.telephoneHeader);
    else if (key === 'outid') headers.push(columns.outidHeader ?? 'outid');
    else headers.push(key.slice(4));
    const index = columns.variables.indexOf(key.slice(4));
    cells.push(
      key === 'telephone'
        ? (row) => row.telephone_raw
        : key === 'outid'
          ? (row) => row.outid
          : (_row, vars) => vars[index] ?? '',
    );
  }
  return { headers, cells };
}

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes a list to .xlsx or .csv (by extension) through a temporary file renamed into place,
 * so a failed or cancelled export never leaves a half file under the operator's name.
 * CSV is UTF-8 with a BOM and CRLF lines: without the BOM Excel reads UTF-8 Chinese as GBK
 * mojibake. XLSX is streamed (exceljs WorkbookWriter) and every cell is text, so telephones
 * keep their leading zeros and never turn into 1.38E+10.
 */
export async function exportList(
  store: CallListStore,
  listId: number,
  file: string,
  options: ExportOptions = {},
): Promise<{ rows: number }> {
  const extension = extname(file).toLowerCase().slice(1);
  const format = options.format ?? (extension === 'xlsx' || extension === 'csv' ? extension : undefined);
  if (!format) throw listFailure('lists.export_format', extension);
  const record = store.record(listId);
  const { headers, cells } = layout(parseColumns(record));
  const normalised = options.telephone === 'normalised';
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const select = store.db.prepare<[number, number, number], RowRecord>(
    `SELECT ${ROW_COLUMNS} FROM call_rows WHERE list_id = ? AND position >= ? AND position < ? ORDER BY position`,
  );
  /** Reads the list in pages so a 100k-row export holds one page at a time. */
  async function* pages(): AsyncGenerator<string[][]> {
    const page = 5000;
    for (let offset = 0; ; offset += page) {
      options.signal?.throwIfAborted();
      const rows = select.all(listId, offset, offset + page);
      if (rows.length === 0) return;
      yield rows.map((row) => {
        const vars = JSON.parse(row.variables) as string[];
        const source = normalised ? { ...row, telephone_raw: row.telephone ?? row.telephone_raw } : row;
        return cells.map((cell) => cell(source, vars));
      });
      // Let other work (IPC, progress) run between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  let rows = 0;
  try {
    if (format === 'csv') {
      const out = createWriteStream(temp, { flush: true });
      const write = async (text: string): Promise<void> => {
        if (!out.write(text)) await once(out, 'drain');
      };
      await write(`\uFEFF${headers.map(csvField).join(',')}\r\n`);
      for await (const page of pages()) {
        rows += page.length;
        await write(page.map((line) => `${line.map(csvField).join(',')}\r\n`).join(''));
      }
      out.end();
      await once(out, 'finish');
    } else {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: temp,
        useSharedStrings: true,
        useStyles: false,
      });
      const sheet = workbook.addWorksheet(record.name.slice(0, 31).replace(/[\\/?*[\]:]/g, '_') || 'Sheet1');
      sheet.addRow(headers).commit();
      for await (const page of pages()) {
        rows += page.length;
        for (const line of page) sheet.addRow(line).commit();
      }
      sheet.commit();
      await workbook.commit();
    }
    renameSync(temp, file);
    return { rows };
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof AppFailure || options.signal?.aborted) throw error;
    throw listFailure('lists.export_failed', (error as NodeJS.ErrnoException).code);
  }
}

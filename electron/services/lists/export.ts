import { extname } from 'node:path';
import type { CallListColumns } from '../../../shared/callList';
import { AppFailure } from '../contract/failure';
import { writeTableFile } from '../tableFile';
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

/**
 * Writes a list to .xlsx or .csv (by extension) in the file's own column order, through
 * `writeTableFile` (atomic, BOM for CSV, text cells for XLSX), a page of rows at a time.
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
  try {
    return await writeTableFile(file, format, { sheet: record.name, headers, pages: pages() });
  } catch (error) {
    if (error instanceof AppFailure || options.signal?.aborted) throw error;
    throw listFailure('lists.export_failed', (error as NodeJS.ErrnoException).code);
  }
}

import { extname } from 'node:path';
import type { CallListColumns } from '../../../shared/callList';
import type { Locale, Localized } from '../../../shared/locale';
import { AppFailure } from '../contract/failure';
import type { ExportCell, ExportColumn } from '../exports/cells';
import { writeTable, type ExportFormat } from '../exports/writeTable';
import { listFailure } from './errors';
import { parseColumns, ROW_COLUMNS, type RowRecord } from './records';
import type { CallListStore } from './store';

export type { ExportFormat };

/** The header of generated outids (the importer maps both back to the outid). */
const OUTID_HEADER: Localized = { 'zh-CN': '数据ID', en: 'Row ID' };

export interface ExportOptions {
  /** `raw` (default) writes the telephone as typed; `normalised` the digits that get dialled. */
  telephone?: 'raw' | 'normalised';
  /** Overrides the format the file extension implies. */
  format?: ExportFormat;
  /** The language of headers the app adds (the outid's when the file had none). */
  locale?: Locale;
  signal?: AbortSignal;
}

/** The export's columns and how to take each cell from a row: the file's column order. */
function layout(
  columns: CallListColumns,
  locale: Locale,
): { columns: ExportColumn[]; cells: ((row: RowRecord, vars: string[]) => ExportCell)[] } {
  const order = [...columns.order];
  // Generated outids go out too, so the file can be uploaded as is (add_task_file_data needs them).
  if (!order.includes('outid')) order.push('outid');
  const out: ExportColumn[] = [];
  const cells: ((row: RowRecord, vars: string[]) => ExportCell)[] = [];
  for (const key of order) {
    if (key === 'telephone') {
      out.push({ header: columns.telephoneHeader, kind: 'phone' });
      cells.push((row) => row.telephone_raw);
    } else if (key === 'outid') {
      out.push({ header: columns.outidHeader ?? OUTID_HEADER[locale], kind: 'id' });
      cells.push((row) => row.outid);
    } else {
      // Variables are the operator's text, sent to the robot as text.
      const index = columns.variables.indexOf(key.slice(4));
      out.push({ header: key.slice(4), kind: 'text' });
      cells.push((_row, vars) => vars[index] ?? '');
    }
  }
  return { columns: out, cells };
}

/**
 * Writes a list to .xlsx or .csv (by extension) in the file's own column order, through the
 * export writer (atomic, typed cells: telephones and outids as text), a page of rows at a time.
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
  const { columns, cells } = layout(parseColumns(record), options.locale ?? 'zh-CN');
  const normalised = options.telephone === 'normalised';
  const select = store.db.prepare<[number, number, number], RowRecord>(
    `SELECT ${ROW_COLUMNS} FROM call_rows WHERE list_id = ? AND position >= ? AND position < ? ORDER BY position`,
  );
  /** Reads the list in pages so a 100k-row export holds one page at a time. */
  async function* pages(): AsyncGenerator<ExportCell[][]> {
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
    return await writeTable(file, format, { sheet: record.name, columns, pages: pages() });
  } catch (error) {
    if (error instanceof AppFailure || options.signal?.aborted) throw error;
    throw listFailure('lists.export_failed', (error as NodeJS.ErrnoException).code);
  }
}

import { AppFailure } from '../contract/failure';
import { CsvWorkbook } from './csv';
import { importFailure } from './errors';
import { sniffFormat } from './sniff';
import type { SheetRow, WorkbookSource } from './source';
import { WorkerWorkbook } from './worker/parseHost';
import { XlsxWorkbook } from './xlsx';

/** Opens a file for import on this thread, choosing the reader by its content (see `sniffFormat`). */
export async function openWorkbook(path: string): Promise<WorkbookSource> {
  const format = await sniffFormat(path);
  try {
    return format === 'xlsx' ? await XlsxWorkbook.open(path) : await CsvWorkbook.open(path);
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw importFailure(code && /^E[A-Z]+$/.test(code) ? 'import.unreadable' : 'import.corrupt', code);
  }
}

/** Where a file is parsed: a worker thread with a heap limit (the default), or this thread. */
export type ParseThread = 'worker' | 'inline';

/**
 * Opens a file for inspecting or importing. By default the parsing runs in a worker (see
 * `worker/parseHost.ts`), so a hostile file costs a thread, never the app. Close it when done.
 */
export function openSource(path: string, thread: ParseThread = 'worker'): Promise<WorkbookSource> {
  return thread === 'worker' ? WorkerWorkbook.open(path) : openWorkbook(path);
}

/** The first `count` non-empty rows of a sheet (stops reading the file there). */
export async function firstRows(
  source: WorkbookSource,
  sheet: string,
  count: number,
  signal?: AbortSignal,
): Promise<{ rows: SheetRow[]; complete: boolean }> {
  const rows: SheetRow[] = [];
  for await (const batch of source.rows(sheet, signal ? { signal } : {})) {
    rows.push(...batch);
    if (rows.length > count) return { rows: rows.slice(0, count), complete: false };
  }
  return { rows, complete: true };
}

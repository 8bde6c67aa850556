import { basename, extname } from 'node:path';
import type { CallList, CallListColumns } from '../../../shared/callList';
import type { ImportProgress, ImportResult } from '../../../shared/importing';
import { ImportSession, type ImportedRow } from '../lists/importSession';
import type { CallListStore } from '../lists/store';
import { importFailure } from './errors';
import { checkMapping, type ImportMapping } from './mapping';
import type { MappingMemory } from './mappingMemory';
import { openWorkbook } from './open';
import { columnLetter } from './source';
import type { ImportProblem } from './inspect';

/**
 * The most rows one list takes: iCall's own file upload stops at 100,000, and the grid,
 * the store and these tests are sized and measured for that. Bigger files are split.
 */
export const MAX_LIST_ROWS = 100_000;
/** Rows per committed batch: large enough to amortise the fsync, small enough to stay responsive. */
const BATCH_ROWS = 2000;

export interface ImportRequest {
  sheet: string;
  headerRow: number;
  mapping: ImportMapping;
  /** Defaults to the file name without its extension. */
  name?: string;
}

export interface ImportDeps {
  store: CallListStore;
  memory?: MappingMemory;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

export type { ImportProgress, ImportResult } from '../../../shared/importing';

function listColumns(headers: readonly string[], mapping: ImportMapping): CallListColumns {
  const keyed: [number, string][] = [[mapping.telephone, 'telephone']];
  if (mapping.outid !== null) keyed.push([mapping.outid, 'outid']);
  for (const variable of mapping.variables) keyed.push([variable.column, `var:${variable.name.trim()}`]);
  keyed.sort((a, b) => a[0] - b[0]);
  return {
    telephoneHeader: headers[mapping.telephone]?.trim() || '手机号码',
    outidHeader: mapping.outid === null ? null : headers[mapping.outid]?.trim() || 'outid',
    variables: mapping.variables.map((variable) => variable.name.trim()),
    order: keyed.map(([, key]) => key),
  };
}

/**
 * Imports one sheet into a new call list, streaming: rows are read chunk by chunk and
 * committed in batches to a list nobody sees until the last row is in (see ImportSession), so
 * cancelling, a broken file, too many rows or a crash all leave no list behind.
 */
export async function importFile(
  path: string,
  request: ImportRequest,
  deps: ImportDeps,
): Promise<ImportResult> {
  const { store, signal } = deps;
  const source = await openWorkbook(path);
  const sheet = source.sheets.find((candidate) => candidate.name === request.sheet);
  if (!sheet) throw importFailure('import.no_such_sheet', request.sheet);
  if (!Number.isInteger(request.headerRow) || request.headerRow < 0)
    throw importFailure('import.bad_header_row');
  const { mapping } = request;
  let headers: string[] = [];
  let session: ImportSession | undefined;
  let pending: ImportedRow[] = [];
  let fraction = 0;
  const estimate = sheet.rowsEstimate === null ? null : Math.max(0, sheet.rowsEstimate - request.headerRow);
  const flush = (): void => {
    session?.append(pending);
    pending = [];
    const done = session?.rowCount ?? 0;
    deps.onProgress?.({
      rowsDone: done,
      rowsEstimate: estimate ?? (fraction > 0.05 ? Math.round(done / fraction) : null),
      fraction,
    });
  };
  try {
    for await (const batch of source.rows(sheet.name, {
      ...(signal ? { signal } : {}),
      onFraction: (f) => (fraction = f),
    })) {
      for (const row of batch) {
        if (row.rowNumber === request.headerRow) headers = row.cells.map((cell) => cell.trim());
        if (row.rowNumber <= request.headerRow) continue;
        if (!session) {
          checkMapping(mapping, Math.max(headers.length, row.cells.length, 1024));
          session = new ImportSession(store, {
            name: request.name ?? basename(path, extname(path)),
            sourceFile: basename(path),
            sourceSheet: source.format === 'csv' ? null : sheet.name,
            headerRow: request.headerRow || null,
            columns: listColumns(headers, mapping),
          });
        }
        const cell = (column: number): string => row.cells[column] ?? '';
        const variables = mapping.variables.map((variable) => cell(variable.column));
        const telephoneRaw = cell(mapping.telephone);
        const outid = mapping.outid === null ? null : cell(mapping.outid);
        // A row with nothing in any mapped column (a note beside the table) is not a call row.
        if (
          telephoneRaw.trim() === '' &&
          (outid ?? '').trim() === '' &&
          variables.every((v) => v.trim() === '')
        )
          continue;
        if (session.rowCount + pending.length >= MAX_LIST_ROWS)
          throw importFailure('import.too_many_rows', `> ${MAX_LIST_ROWS}`);
        pending.push({ sourceRow: row.rowNumber, telephoneRaw, outid, variables });
        if (pending.length >= BATCH_ROWS) flush();
      }
    }
    if (!session || session.rowCount + pending.length === 0) throw importFailure('import.empty');
    fraction = 1;
    flush();
    signal?.throwIfAborted();
    const list = session.finish();
    deps.memory?.remember(headers.slice(0, Math.max(...headers.map((h, i) => (h ? i + 1 : 0)), 0)), mapping);
    return { list, valid: list.validCount, problems: problemsOf(store, list, mapping) };
  } catch (error) {
    session?.abort();
    if (signal?.aborted) throw importFailure('import.cancelled');
    // Readers already turn file trouble into AppFailures; anything else (a full disk) is the
    // app's own trouble and goes up unchanged to be logged as unexpected.
    throw error;
  }
}

/** The list's problems addressed by sheet row and header, as the CLI and the mapping step show them. */
function problemsOf(store: CallListStore, list: CallList, mapping: ImportMapping): ImportProblem[] {
  const columnOf = new Map<string, number>([['telephone', mapping.telephone]]);
  if (mapping.outid !== null) columnOf.set('outid', mapping.outid);
  for (const variable of mapping.variables) columnOf.set(variable.name.trim(), variable.column);
  return store.listProblems(list.id).map((problem) => {
    const column = columnOf.get(problem.column) ?? 0;
    const header =
      problem.column === 'telephone'
        ? list.columns.telephoneHeader
        : problem.column === 'outid'
          ? (list.columns.outidHeader ?? 'outid')
          : problem.column;
    return {
      row: problem.sourceRow ?? 0,
      column: header,
      cell: `${columnLetter(column)}${problem.sourceRow ?? ''}`,
      code: problem.code,
      value: problem.value,
    };
  });
}

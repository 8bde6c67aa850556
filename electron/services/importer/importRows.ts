import { basename, extname } from 'node:path';
import type { CallListColumns } from '../../../shared/callList';
import type { FileProblem, ImportMapping } from '../../../shared/importing';
import { importFailure } from './errors';
import { inspectSource, resolveSheet } from './inspect';
import { checkMapping, normalizeHeader } from './mapping';
import type { MappingMemory } from './mappingMemory';
import { openSource, type ParseThread } from './open';
import { columnIndex, type WorkbookSource } from './source';

/**
 * The most rows one list takes: iCall's own file upload stops at 100,000, and the grid,
 * the store and these tests are sized and measured for that. Bigger files are split.
 */
export const MAX_LIST_ROWS = 100_000;
/** Rows per batch handed on: large enough to amortise a commit's fsync, small enough to stay responsive. */
const BATCH_ROWS = 2000;

/** One data row as the importer hands it over. */
export interface ImportedRow {
  /** The row number Excel shows (1-based, title rows counted); null for a row not from a file. */
  sourceRow: number | null;
  telephoneRaw: string;
  /** From the file's outid column, or null when no column maps to it. */
  outid: string | null;
  /** In the order of `columns.variables`. */
  variables: string[];
}

/**
 * What to import. The app's mapping step sends `sheet`, `headerRow` and `mapping` as the
 * operator confirmed them; the CLI passes its options straight through (`--sheet 2`,
 * `--header-row 3`, `--phone B`, `--var 姓名=C`), and whatever is left out is decided the way
 * the mapping step would propose it (the remembered mapping, else the automatic one).
 */
export interface ImportRequest {
  /** A sheet name, or its 1-based position. Default: the first visible sheet with data. */
  sheet?: string | number;
  /** 1-based. Default: detected. */
  headerRow?: number;
  mapping?: ImportMapping;
  /** The telephone column, by letter (`B`) or header text (`联系电话`); overrides the mapping's. */
  phone?: string;
  /**
   * `NAME=COLUMN` (column by letter or header text). When given, these are the variables,
   * instead of one per named column.
   */
  variables?: readonly string[];
  /** Defaults to the file name without its extension. */
  name?: string;
}

/**
 * A column named by letter or by header: the exact header first (trimmed), then the header as
 * people vary it (case, width, marks), then letters (`B`, `AA`).
 */
export function resolveColumn(spec: string, headers: readonly string[]): number {
  const wanted = spec.trim();
  const exact = headers.findIndex((header) => header.trim() === wanted);
  if (exact >= 0) return exact;
  const loose = headers.findIndex(
    (header) => header.trim() !== '' && normalizeHeader(header) === normalizeHeader(wanted),
  );
  if (loose >= 0) return loose;
  if (/^[A-Za-z]{1,3}$/.test(wanted)) return columnIndex(wanted);
  throw importFailure('import.bad_mapping', `no column ${spec}`);
}

/** The request's `phone` and `variables` applied over a mapping. */
export function applyColumnOptions(
  mapping: ImportMapping,
  request: Pick<ImportRequest, 'phone' | 'variables'>,
  headers: readonly string[],
): ImportMapping {
  let next: ImportMapping = { ...mapping, variables: [...mapping.variables] };
  if (request.variables !== undefined)
    next.variables = request.variables.map((pair) => {
      const equals = pair.indexOf('=');
      if (equals <= 0) throw importFailure('import.bad_mapping', `variable ${pair}: NAME=COLUMN`);
      return { name: pair.slice(0, equals).trim(), column: resolveColumn(pair.slice(equals + 1), headers) };
    });
  if (request.phone !== undefined) {
    const telephone = resolveColumn(request.phone, headers);
    next = {
      telephone,
      outid: next.outid === telephone ? null : next.outid,
      variables: next.variables.filter((variable) => variable.column !== telephone),
    };
  }
  return next;
}

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

/** What a list made from this file is called and where it came from. */
export interface ImportListInfo {
  name: string;
  sourceFile: string;
  sourceSheet: string | null;
  headerRow: number | null;
  columns: CallListColumns;
}

/** An import being read: its rows in batches, then what the file's problems were. */
export interface ImportReading {
  readonly sheet: string;
  readonly headerRow: number;
  readonly mapping: ImportMapping;
  /** Data rows the sheet declares (below the header), when it does. */
  readonly rowsEstimate: number | null;
  /** Call rows in batches of up to 2,000, in file order; only rows with something mapped. */
  batches(options?: {
    signal?: AbortSignal;
    onFraction?: (fraction: number) => void;
  }): AsyncGenerator<ImportedRow[]>;
  /** Known once the first batch is out (the header row comes before the data). */
  listInfo(): ImportListInfo;
  /** The header row's texts up to the last named column (the key of the mapping memory). */
  headers(): string[];
  fileProblems(): FileProblem[];
  close(): Promise<void>;
}

export interface ReadImportOptions {
  memory?: MappingMemory;
  signal?: AbortSignal;
  thread?: ParseThread;
}

/**
 * Opens `path` for importing (in a parse worker by default) and settles the sheet, the header
 * row and the mapping. The rows then stream from `batches()`; nothing here writes anywhere
 * (the call-list side does: `lists/importFile.ts`).
 */
export async function readImport(
  path: string,
  request: ImportRequest,
  options: ReadImportOptions = {},
): Promise<ImportReading> {
  const source = await openSource(path, options.thread);
  try {
    return await planReading(source, path, request, options);
  } catch (error) {
    await source.close?.();
    throw error;
  }
}

async function planReading(
  source: WorkbookSource,
  path: string,
  request: ImportRequest,
  options: ReadImportOptions,
): Promise<ImportReading> {
  let sheet = request.sheet === undefined ? undefined : resolveSheet(source.sheets, request.sheet);
  let headerRow = request.headerRow;
  let mapping = request.mapping;
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1))
    throw importFailure('import.bad_header_row');
  if (
    sheet === undefined ||
    headerRow === undefined ||
    mapping === undefined ||
    request.phone ||
    request.variables
  ) {
    const { inspection } = await inspectSource(source, path, {
      ...(sheet !== undefined ? { sheet } : {}),
      ...(headerRow !== undefined ? { headerRow } : {}),
      ...(options.memory ? { memory: options.memory } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    sheet = inspection.sheet;
    headerRow = inspection.headerRow;
    mapping = applyColumnOptions(
      mapping ?? inspection.suggestedMapping,
      request,
      inspection.columns.map((column) => column.header),
    );
  }
  if (mapping.telephone === -1) throw importFailure('import.no_phone_column');
  const info = source.sheets.find((candidate) => candidate.name === sheet);
  const finalSheet = sheet;
  const finalHeaderRow = headerRow;
  const finalMapping = mapping;
  let headers: string[] = [];
  return {
    sheet: finalSheet,
    headerRow: finalHeaderRow,
    mapping: finalMapping,
    rowsEstimate:
      info?.rowsEstimate === null || info?.rowsEstimate === undefined
        ? null
        : Math.max(0, info.rowsEstimate - finalHeaderRow),
    async *batches(pass = {}) {
      let out: ImportedRow[] = [];
      let count = 0;
      let checked = false;
      for await (const batch of source.rows(finalSheet, pass)) {
        for (const row of batch) {
          if (row.rowNumber === finalHeaderRow) headers = row.cells.map((cell) => cell.trim());
          if (row.rowNumber <= finalHeaderRow) continue;
          if (!checked) {
            checkMapping(finalMapping, Math.max(headers.length, row.cells.length, 1024));
            checked = true;
          }
          const cells = row.cells;
          const variables = finalMapping.variables.map((variable) => cells[variable.column] ?? '');
          const telephoneRaw = cells[finalMapping.telephone] ?? '';
          const outid = finalMapping.outid === null ? null : (cells[finalMapping.outid] ?? '');
          // A row with nothing in any mapped column (a note beside the table) is not a call row.
          if (
            telephoneRaw.trim() === '' &&
            (outid ?? '').trim() === '' &&
            variables.every((v) => v.trim() === '')
          )
            continue;
          if (++count > MAX_LIST_ROWS) throw importFailure('import.too_many_rows', `> ${MAX_LIST_ROWS}`);
          out.push({ sourceRow: row.rowNumber, telephoneRaw, outid, variables });
          if (out.length >= BATCH_ROWS) {
            yield out;
            out = [];
          }
        }
      }
      if (out.length) yield out;
    },
    listInfo: () => ({
      name: request.name ?? basename(path, extname(path)),
      sourceFile: basename(path),
      sourceSheet: source.format === 'csv' ? null : finalSheet,
      headerRow: finalHeaderRow,
      columns: listColumns(headers, finalMapping),
    }),
    headers: () => headers.slice(0, Math.max(...headers.map((h, i) => (h ? i + 1 : 0)), 0)),
    fileProblems: () => [...(source.problems ?? [])],
    close: async () => {
      await source.close?.();
    },
  };
}

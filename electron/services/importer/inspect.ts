import { basename } from 'node:path';
import type { RowProblemCode } from '../../../shared/callList';
import type { FileInspection, FileProblem, ImportProblem, SheetInfo } from '../../../shared/importing';
import { normalizePhone } from '../../../shared/phone';
import { AppFailure } from '../contract/failure';
import { importFailure } from './errors';
import { checkMapping, detectHeaderRow, MAX_COLUMNS, suggestMapping, type ImportMapping } from './mapping';
import type { MappingMemory } from './mappingMemory';
import { firstRows, openSource, type ParseThread } from './open';
import { columnLetter, type SheetRow, type WorkbookSource } from './source';

export type { FileInspection, ImportProblem } from '../../../shared/importing';

export interface InspectOptions {
  /** A sheet name, or its 1-based position. */
  sheet?: string | number;
  headerRow?: number;
  memory?: MappingMemory;
  signal?: AbortSignal;
  thread?: ParseThread;
}

const SCAN_ROWS = 1000;
const SAMPLE_ROWS = 20;
const HEADER_WINDOW = 30;

/** Problems of a block of rows under a mapping (the importer's rules, without a database). */
export function previewProblems(
  rows: readonly SheetRow[],
  mapping: ImportMapping,
  headers: readonly string[],
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const named = (column: number): string => headers[column]?.trim() || columnLetter(column);
  const checkPhone = (row: SheetRow): void => {
    if (mapping.telephone < 0) return;
    const raw = row.cells[mapping.telephone] ?? '';
    const check = normalizePhone(raw);
    const at = {
      row: row.rowNumber,
      column: named(mapping.telephone),
      cell: `${columnLetter(mapping.telephone)}${row.rowNumber}`,
      value: raw,
    };
    if (!check.ok)
      problems.push({ ...at, code: check.reason === 'missing' ? 'phone.missing' : 'phone.invalid' });
    else if (seen.has(check.telephone)) problems.push({ ...at, code: 'phone.duplicate' });
    else seen.add(check.telephone);
  };
  for (const row of rows) {
    checkPhone(row);
    for (const variable of mapping.variables) {
      const value = row.cells[variable.column] ?? '';
      if (value.includes('^') || value.includes('|'))
        problems.push({
          row: row.rowNumber,
          column: variable.name,
          cell: `${columnLetter(variable.column)}${row.rowNumber}`,
          code: 'variable.unencodable',
          value,
        });
    }
  }
  return problems;
}

/** A sheet by name, or by its 1-based position (`2`, `"2"`) when no sheet has that name. */
export function resolveSheet(sheets: readonly SheetInfo[], spec: string | number): string {
  const byName = sheets.find((sheet) => sheet.name === String(spec));
  if (byName) return byName.name;
  const index = typeof spec === 'number' ? spec : /^\d+$/.test(spec.trim()) ? Number(spec) : NaN;
  const byIndex = Number.isInteger(index) ? sheets[index - 1] : undefined;
  if (!byIndex) throw importFailure('import.no_such_sheet', String(spec));
  return byIndex.name;
}

/** What `inspectSource` found, with the rows it read (for `inspectWorkbook`). */
export interface SourceInspection {
  inspection: FileInspection;
  scanned: SheetRow[];
}

/**
 * Looks at an open file before importing it: its sheets, where the header is, what each column
 * probably is, the first rows and the problems among the first 1,000. Reads only the start
 * of the chosen sheet (and of the shared strings of an .xlsx: as far as those rows need).
 */
export async function inspectSource(
  source: WorkbookSource,
  path: string,
  options: InspectOptions = {},
): Promise<SourceInspection> {
  const candidates =
    options.sheet !== undefined
      ? [resolveSheet(source.sheets, options.sheet)]
      : [...source.sheets].sort((a, b) => Number(a.hidden) - Number(b.hidden)).map((s) => s.name);
  let sheet: string | undefined;
  let scan: { rows: SheetRow[]; complete: boolean } = { rows: [], complete: true };
  for (const name of candidates) {
    scan = await firstRows(source, name, HEADER_WINDOW + SCAN_ROWS, options.signal);
    if (scan.rows.length > 0) {
      sheet = name;
      break;
    }
  }
  if (sheet === undefined) throw importFailure('import.empty');
  const headerRow = options.headerRow ?? detectHeaderRow(scan.rows) ?? 1;
  if (!Number.isInteger(headerRow) || headerRow < 1) throw importFailure('import.bad_header_row');
  const header = scan.rows.find((row) => row.rowNumber === headerRow)?.cells ?? [];
  const data = scan.rows.filter((row) => row.rowNumber > headerRow).slice(0, SCAN_ROWS);
  let width = Math.max(header.length, ...data.map((row) => row.cells.length));
  const used = (column: number): boolean =>
    (header[column] ?? '').trim() !== '' || data.some((row) => (row.cells[column] ?? '').trim() !== '');
  while (width > 0 && !used(width - 1)) width--;
  if (width > MAX_COLUMNS) throw importFailure('import.too_many_columns');
  const headers = Array.from({ length: width }, (_, column) => (header[column] ?? '').trim());

  let mapping = suggestMapping(headers, data);
  let mappingSource: FileInspection['mappingSource'] = 'automatic';
  const remembered = options.memory?.recall(headers);
  if (remembered) {
    try {
      checkMapping(remembered, width);
      mapping = remembered;
      mappingSource = 'remembered';
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
    }
  }
  const problems = previewProblems(data, mapping, headers);
  const counts: Partial<Record<RowProblemCode, number>> = {};
  for (const problem of problems) counts[problem.code] = (counts[problem.code] ?? 0) + 1;
  const fileProblems: FileProblem[] = [...(source.problems ?? [])];
  if (mapping.telephone < 0) fileProblems.unshift({ code: 'file.no_phone_column', row: null });
  const inspection: FileInspection = {
    fileName: basename(path),
    format: source.format,
    sheets: [...source.sheets],
    sheet,
    headerRow,
    columns: headers.map((text, index) => ({ index, letter: columnLetter(index), header: text })),
    suggestedMapping: mapping,
    mappingSource,
    sampleRows: data.slice(0, SAMPLE_ROWS),
    problemsPreview: {
      scannedRows: data.length,
      complete: scan.complete,
      counts,
      problems: problems.slice(0, 200),
    },
    fileProblems,
  };
  return { inspection, scanned: scan.rows };
}

/** `inspectSource` on a file opened for it (in a parse worker unless `thread` says otherwise). */
export async function inspectFile(path: string, options: InspectOptions = {}): Promise<FileInspection> {
  const source = await openSource(path, options.thread);
  try {
    return (await inspectSource(source, path, options)).inspection;
  } finally {
    await source.close?.();
  }
}

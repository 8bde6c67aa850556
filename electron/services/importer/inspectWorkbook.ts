import type { MappingReason } from '../../../shared/codes/importing';
import type { FileInspection, ImportMapping, ImportProblem } from '../../../shared/importing';
import { inspectSource, resolveSheet, type InspectOptions } from './inspect';
import { isTelephoneHeader } from './mapping';
import { openSource } from './open';
import type { SheetRow } from './source';

export type { MappingReason } from '../../../shared/codes/importing';

/** One file column in the suggested mapping, and why it got its role. */
export interface ColumnRole {
  index: number;
  letter: string;
  header: string;
  role: 'telephone' | 'outid' | 'variable' | 'ignored';
  /** The variable's name (role `variable`). */
  name?: string;
  reason: MappingReason;
}

/** A row as the importer reads it: its number as Excel shows it, each cell's text from column A. */
export interface InspectedRow {
  row: number;
  cells: string[];
}

export interface WorkbookInspection {
  fileName: string;
  format: 'xlsx' | 'csv';
  sheets: FileInspection['sheets'];
  sheet: string;
  headerRow: number;
  suggestedMapping: ImportMapping;
  mappingSource: FileInspection['mappingSource'];
  columns: ColumnRole[];
  /** Problems among the first 1,000 data rows (`scannedRows`); `complete` when that was all. */
  problems: ImportProblem[];
  problemCounts: FileInspection['problemsPreview']['counts'];
  scannedRows: number;
  complete: boolean;
  fileProblems: FileInspection['fileProblems'];
  /**
   * The sheet's non-empty rows from its top (title and header rows included), as many as asked
   * (`rows`), streamed from the file for `all`. Iterate once; the file is released at the end.
   */
  rows: AsyncIterable<InspectedRow>;
  /** Releases the file early (when `rows` is not read to its end). */
  close(): Promise<void>;
}

export interface WorkbookInspectOptions extends Omit<InspectOptions, 'sheet'> {
  /** A sheet name, or its 1-based position. */
  sheet?: string | number;
  /** How many rows `rows` gives: a number (default 20) or `all`. */
  rows?: number | 'all';
}

function roles(inspection: FileInspection): ColumnRole[] {
  const { suggestedMapping: mapping, mappingSource } = inspection;
  return inspection.columns.map(({ index, letter, header }) => {
    const remembered = mappingSource === 'remembered';
    if (mapping.telephone === index)
      return {
        index,
        letter,
        header,
        role: 'telephone',
        reason: remembered ? 'remembered' : isTelephoneHeader(header) ? 'phone_header' : 'phone_values',
      };
    if (mapping.outid === index)
      return { index, letter, header, role: 'outid', reason: remembered ? 'remembered' : 'outid_header' };
    const variable = mapping.variables.find((candidate) => candidate.column === index);
    if (variable)
      return {
        index,
        letter,
        header,
        role: 'variable',
        name: variable.name,
        reason: remembered ? 'remembered' : 'header',
      };
    return {
      index,
      letter,
      header,
      role: 'ignored',
      reason: header === '' ? 'no_header' : 'not_mapped',
    };
  });
}

const asRow = (row: SheetRow): InspectedRow => ({ row: row.rowNumber, cells: row.cells });

/**
 * What `campaign-desk inspect FILE [--sheet N|NAME] [--header-row N] [--rows N|all]` shows: the
 * sheets, the detected (or given) header row, the suggested mapping with the reason for each
 * column, the problems found, and the rows exactly as the importer reads them. Parsing runs in
 * the parse worker like an import's; `all` streams the sheet instead of holding it.
 */
export async function inspectWorkbook(
  path: string,
  options: WorkbookInspectOptions = {},
): Promise<WorkbookInspection> {
  const source = await openSource(path, options.thread);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await source.close?.();
  };
  try {
    const sheet = options.sheet === undefined ? undefined : resolveSheet(source.sheets, options.sheet);
    const { inspection, scanned } = await inspectSource(source, path, {
      ...options,
      ...(sheet !== undefined ? { sheet } : {}),
    });
    const wanted = options.rows ?? 20;
    if (wanted !== 'all' && (!Number.isInteger(wanted) || wanted < 0)) throw new RangeError(`rows ${wanted}`);
    const fromScan = wanted !== 'all' && (wanted <= scanned.length || inspection.problemsPreview.complete);
    async function* rows(): AsyncGenerator<InspectedRow> {
      try {
        if (fromScan) {
          for (const row of scanned.slice(0, wanted as number)) yield asRow(row);
          return;
        }
        let given = 0;
        for await (const batch of source.rows(
          inspection.sheet,
          options.signal ? { signal: options.signal } : {},
        ))
          for (const row of batch) {
            if (wanted !== 'all' && given >= wanted) return;
            given++;
            yield asRow(row);
          }
      } finally {
        await close();
      }
    }
    return {
      fileName: inspection.fileName,
      format: inspection.format,
      sheets: inspection.sheets,
      sheet: inspection.sheet,
      headerRow: inspection.headerRow,
      suggestedMapping: inspection.suggestedMapping,
      mappingSource: inspection.mappingSource,
      columns: roles(inspection),
      problems: inspection.problemsPreview.problems,
      problemCounts: inspection.problemsPreview.counts,
      scannedRows: inspection.problemsPreview.scannedRows,
      complete: inspection.problemsPreview.complete,
      fileProblems: inspection.fileProblems,
      rows: rows(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

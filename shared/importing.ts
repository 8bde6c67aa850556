/**
 * What importing a workbook looks like to the operator: the inspection shown in the mapping
 * step, the mapping they confirm, progress and the result. Pure types shared by the importer
 * (main) and the import wizard (renderer).
 */
import type { CallList, RowProblemCode } from './callList';

export interface SheetInfo {
  name: string;
  /** Rows the sheet says it spans (header and title rows included); null when unknown. */
  rowsEstimate: number | null;
  hidden: boolean;
}

/** One non-empty row: its number as Excel shows it, and its cells as text (index = column). */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

/** Which file column feeds which part of a call row (0-based column indexes). */
export interface ImportMapping {
  /** -1: no telephone column was found; the operator must choose one before importing. */
  telephone: number;
  /** null: outids are generated. */
  outid: number | null;
  /** Template variables: the column and the variable's name (defaults to the header). */
  variables: { column: number; name: string }[];
}

/** One problem found in the file, addressed as Excel shows it. */
export interface ImportProblem {
  /** Sheet row number (1-based, title rows counted). */
  row: number;
  /** The column's header (or its letter when it has none). */
  column: string;
  /** `B12`. */
  cell: string;
  code: RowProblemCode;
  value: string;
}

/** Something about the file as a whole rather than one call row (texts in `codes/importing.ts`). */
export type FileProblemCode = 'file.no_phone_column' | 'csv.mixed_encoding' | 'csv.unclosed_quote';

export interface FileProblem {
  code: FileProblemCode;
  /** The sheet row (as Excel numbers it) it concerns; null for the whole file. */
  row: number | null;
}

export interface FileInspection {
  fileName: string;
  format: 'xlsx' | 'csv';
  sheets: SheetInfo[];
  /** The sheet inspected (asked for, or the first visible one with data). */
  sheet: string;
  headerRow: number;
  columns: { index: number; letter: string; header: string }[];
  suggestedMapping: ImportMapping;
  mappingSource: 'remembered' | 'automatic';
  /** The first data rows under the header. */
  sampleRows: SheetRow[];
  /** Problems among the first `scannedRows` data rows (`complete` when that was all of them). */
  problemsPreview: {
    scannedRows: number;
    complete: boolean;
    counts: Partial<Record<RowProblemCode, number>>;
    problems: ImportProblem[];
  };
  /** Problems of the file itself: no phone column, mixed encodings, a quote never closed. */
  fileProblems: FileProblem[];
}

export interface ImportProgress {
  rowsDone: number;
  /** Data rows expected, from the sheet's declared size or the bytes read so far; may be off. */
  rowsEstimate: number | null;
  /** 0–1, by bytes of the file read. */
  fraction: number;
}

export interface ImportResult {
  list: CallList;
  /** Rows with no blocking problem. */
  valid: number;
  problems: ImportProblem[];
  /** Problems of the file itself met while reading it (mixed encodings, unclosed quotes). */
  fileProblems: FileProblem[];
}

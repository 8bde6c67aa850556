import type { FileProblem, SheetInfo, SheetRow } from '../../../shared/importing';

export type { SheetInfo, SheetRow };

export interface ReadOptions {
  signal?: AbortSignal;
  /** Fraction (0–1) of the file read so far, for progress. */
  onFraction?: (fraction: number) => void;
}

/**
 * A file being imported, whatever its format. `rows` streams non-empty rows in batches (one
 * batch per chunk of the file), so a caller awaits between batches and never holds the sheet.
 */
export interface WorkbookSource {
  readonly format: 'xlsx' | 'csv';
  readonly sheets: readonly SheetInfo[];
  rows(sheet: string, options?: ReadOptions): AsyncGenerator<SheetRow[]>;
  /** Problems of the file met by the last pass of `rows` (a CSV's mixed encodings, unclosed quotes). */
  readonly problems?: readonly FileProblem[];
  /** Releases what the source holds (a parse worker). */
  close?(): Promise<void>;
}

/** Columns past this are ignored: a stray value in column XFD must not make 16,384-cell rows. */
export const MAX_READ_COLUMNS = 1024;

/** `A` → 0, `AB` → 27; the letters of a cell reference such as `AB12`. */
export function columnIndex(reference: string): number {
  let index = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) index = index * 26 + (code - 64);
    else if (code >= 97 && code <= 122) index = index * 26 + (code - 96);
    else break;
  }
  return index - 1;
}

/** 0 → `A`, 27 → `AB`. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

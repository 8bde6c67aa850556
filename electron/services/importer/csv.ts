import { unwrapTextFormula } from '../exports/cells';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { FileProblem } from '../../../shared/importing';
import { decodeCsv, type CsvEncoding } from './csvEncoding';
import { importFailure } from './errors';
import { MAX_CELL_CHARS } from './limits';
import {
  MAX_READ_COLUMNS,
  type ReadOptions,
  type SheetInfo,
  type SheetRow,
  type WorkbookSource,
} from './source';

export { decodeCsv, type CsvEncoding } from './csvEncoding';

/** CSVs are read whole (the encoding must be decided over the entire file): cap them. */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;

/** Comma, unless the first line has more tabs or semicolons (Excel's "Unicode text" is tab-separated). */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || Math.min(text.length, 4096));
  const count = (ch: string): number => firstLine.split(ch).length - 1;
  const candidates = [',', '\t', ';'].map((ch) => ({ ch, n: count(ch) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0] && candidates[0].n > 0 ? candidates[0].ch : ',';
}

export interface CsvHooks {
  /** A quoted field ran past {@link MAX_CELL_CHARS} or the end of the file: it was ended at its line's end. */
  onUnclosedQuote?: (record: number) => void;
  /** Offset in the text where each record starts (for mapping line offsets to records). */
  onRecordStart?: (record: number, offset: number) => void;
}

/** Where a line that starts inside `text` at `from` ends (before its CR/LF). */
function lineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  const ends = [lf, cr].filter((at) => at >= 0);
  return ends.length ? Math.min(...ends) : text.length;
}

/**
 * RFC 4180 records: quoted fields may hold delimiters, line breaks and doubled quotes; CRLF,
 * LF and CR all end a record. Yields `[recordNumber, fields]`, numbering every record from 1
 * (blank lines included) — the row Excel shows when it opens the file.
 *
 * A quote that is never closed (or that would make one cell longer than Excel's 32,767
 * characters, swallowing the lines after it) is reported through `hooks` and its field ends at
 * the end of its own line, so the rest of the file still reads as rows.
 */
export function* parseCsv(
  text: string,
  delimiter = ',',
  hooks: CsvHooks = {},
): Generator<[number, string[]]> {
  let record = 0;
  let fields: string[] = [];
  let field = '';
  let i = 0;
  const length = text.length;
  const delim = delimiter.charCodeAt(0);
  // The next quote at or after `from`, remembered: lines of unclosed quotes must not each
  // search to the end of the file (that would be quadratic).
  let knownQuote = -2;
  let knownFrom = 0;
  const nextQuote = (from: number): number => {
    if (knownQuote === -2 || from < knownFrom || (knownQuote >= 0 && from > knownQuote)) {
      knownQuote = text.indexOf('"', from);
      knownFrom = from;
    }
    return knownQuote;
  };
  hooks.onRecordStart?.(1, 0);
  while (i < length) {
    let code = text.charCodeAt(i);
    if (code === 34 && field === '') {
      // Quoted field: up to the closing quote; "" is a literal quote.
      const opened = i;
      i++;
      for (;;) {
        const quote = nextQuote(i);
        if (quote < 0 || quote - opened > MAX_CELL_CHARS) {
          hooks.onUnclosedQuote?.(record + 1);
          const end = lineEnd(text, opened + 1);
          field = text.slice(opened + 1, end);
          i = end;
          break;
        }
        field += text.slice(i, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as Excel does.
      while (i < length && (code = text.charCodeAt(i)) !== delim && code !== 10 && code !== 13)
        field += text[i++];
      continue;
    }
    if (code === delim) {
      fields.push(field);
      field = '';
      i++;
    } else if (code === 10 || code === 13) {
      fields.push(field);
      yield [++record, fields];
      fields = [];
      field = '';
      i += code === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (i < length) hooks.onRecordStart?.(record + 1, i);
    } else {
      let end = i + 1;
      while (
        end < length &&
        (code = text.charCodeAt(end)) !== delim &&
        code !== 10 &&
        code !== 13 &&
        code !== 34
      )
        end++;
      field += text.slice(i, end);
      i = end;
      if (code === 34 && end < length) field += text[i++];
    }
    if (field.length > MAX_CELL_CHARS)
      throw importFailure('import.too_large', `a cell longer than ${MAX_CELL_CHARS} characters`);
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield [++record, fields];
  }
}

/** A CSV/TSV file as a one-sheet workbook named after the file (as Excel names it). */
export class CsvWorkbook implements WorkbookSource {
  readonly format = 'csv';
  readonly sheets: readonly SheetInfo[];
  readonly problems: FileProblem[] = [];

  private constructor(
    private readonly text: string,
    readonly encoding: CsvEncoding,
    readonly delimiter: string,
    name: string,
    private readonly oddLines: readonly number[],
  ) {
    let lines = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    this.sheets = [{ name, hidden: false, rowsEstimate: lines + (text.endsWith('\n') ? 0 : 1) }];
  }

  static async open(path: string): Promise<CsvWorkbook> {
    if ((await stat(path)).size > MAX_CSV_BYTES) throw importFailure('import.too_large');
    const { text, encoding, oddLines } = decodeCsv(await readFile(path));
    const delimiter = detectDelimiter(text);
    return new CsvWorkbook(text, encoding, delimiter, basename(path, extname(path)), oddLines);
  }

  async *rows(sheet: string, options: ReadOptions = {}): AsyncGenerator<SheetRow[]> {
    if (sheet !== this.sheets[0]?.name) throw importFailure('import.no_such_sheet', sheet);
    // Each pass finds the problems again: a pass that stops early (inspect) knows those it met.
    this.problems.length = 0;
    const odd = this.oddLines;
    let nextOdd = 0;
    const hooks: CsvHooks = {
      onUnclosedQuote: (row) => this.problems.push({ code: 'csv.unclosed_quote', row }),
      onRecordStart: (record, offset) => {
        // A line read in the other encoding belongs to the record it starts in.
        while (nextOdd < odd.length && (odd[nextOdd] as number) <= offset) {
          const row = (odd[nextOdd] as number) === offset ? record : record - 1;
          if (this.problems.length < 1000) this.problems.push({ code: 'csv.mixed_encoding', row });
          nextOdd++;
        }
      },
    };
    const total = this.sheets[0].rowsEstimate || 1;
    let batch: SheetRow[] = [];
    for (const [rowNumber, fields] of parseCsv(this.text, this.delimiter, hooks)) {
      // `="0219…"` is how CSV keeps digits as text; Excel shows the digits, and so do we.
      const cells = (fields.length > MAX_READ_COLUMNS ? fields.slice(0, MAX_READ_COLUMNS) : fields).map(
        unwrapTextFormula,
      );
      if (cells.some((cell) => cell.trim() !== '')) batch.push({ rowNumber, cells });
      if (batch.length === 2000) {
        options.signal?.throwIfAborted();
        options.onFraction?.(Math.min(1, rowNumber / total));
        yield batch;
        batch = [];
        // Parsing is CPU only: give the event loop a turn between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    options.onFraction?.(1);
    if (batch.length) yield batch;
  }
}

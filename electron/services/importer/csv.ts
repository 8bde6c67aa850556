import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { importFailure } from './errors';
import {
  MAX_READ_COLUMNS,
  type ReadOptions,
  type SheetInfo,
  type SheetRow,
  type WorkbookSource,
} from './source';

/** CSVs are read whole (the encoding must be decided over the entire file): cap them. */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Decodes CSV bytes. A BOM decides; otherwise strict UTF-8 is tried over the whole file and,
 * if any byte sequence is not valid UTF-8, GB18030 (a superset of GBK and GB2312, what
 * Chinese Excel and WPS write for "CSV") is used. Valid UTF-8 that is really GBK is
 * practically impossible for Chinese text, so the order is safe.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Comma, unless the first line has more tabs or semicolons (Excel's "Unicode text" is tab-separated). */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || Math.min(text.length, 4096));
  const count = (ch: string): number => firstLine.split(ch).length - 1;
  const candidates = [',', '\t', ';'].map((ch) => ({ ch, n: count(ch) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0] && candidates[0].n > 0 ? candidates[0].ch : ',';
}

/**
 * RFC 4180 records: quoted fields may hold delimiters, line breaks and doubled quotes; CRLF,
 * LF and CR all end a record. Yields `[recordNumber, fields]`, numbering every record from 1
 * (blank lines included) — the row Excel shows when it opens the file.
 */
export function* parseCsv(text: string, delimiter = ','): Generator<[number, string[]]> {
  let record = 0;
  let fields: string[] = [];
  let field = '';
  let i = 0;
  const length = text.length;
  const delim = delimiter.charCodeAt(0);
  while (i < length) {
    let code = text.charCodeAt(i);
    if (code === 34 && field === '') {
      // Quoted field: up to the closing quote; "" is a literal quote.
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          field += text.slice(i);
          i = length;
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

  private constructor(
    private readonly text: string,
    readonly encoding: CsvEncoding,
    readonly delimiter: string,
    name: string,
  ) {
    let lines = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    this.sheets = [{ name, hidden: false, rowsEstimate: lines + (text.endsWith('\n') ? 0 : 1) }];
  }

  static async open(path: string): Promise<CsvWorkbook> {
    if ((await stat(path)).size > MAX_CSV_BYTES) throw importFailure('import.too_large');
    const { text, encoding } = decodeCsv(await readFile(path));
    return new CsvWorkbook(text, encoding, detectDelimiter(text), basename(path, extname(path)));
  }

  async *rows(sheet: string, options: ReadOptions = {}): AsyncGenerator<SheetRow[]> {
    if (sheet !== this.sheets[0]?.name) throw importFailure('import.no_such_sheet', sheet);
    const total = this.sheets[0].rowsEstimate || 1;
    let batch: SheetRow[] = [];
    for (const [rowNumber, fields] of parseCsv(this.text, this.delimiter)) {
      const cells = fields.length > MAX_READ_COLUMNS ? fields.slice(0, MAX_READ_COLUMNS) : fields;
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

/**
 * The streaming pieces of the .xlsx reader: a zip entry through the XML scanner, rich-text
 * strings, and the shared-string table read lazily under its caps.
 */
import { importFailure } from './errors';
import { MAX_CELL_CHARS, MAX_SHARED_CHARS, MAX_SHARED_STRINGS, MAX_SHARED_STRINGS_BYTES } from './limits';
import { decodeOoxmlEscapes, XmlScanner, type XmlHandler } from './xml';
import type { EntryLimit, ZipArchive } from './zip';

export const tooLong = (): never => {
  throw importFailure('import.too_large', `a cell longer than ${MAX_CELL_CHARS} characters`);
};

/**
 * Feeds a zip entry through the XML scanner. The bytes are decoded with a *streaming*
 * TextDecoder, which carries an incomplete UTF-8 sequence over to the next chunk — unlike
 * exceljs's streaming reader, which decodes each chunk alone and turns a Chinese character
 * split across chunks into U+FFFD. `after` runs after each chunk, and may yield its results.
 * Stopping early (the caller's `break`) closes the entry.
 */
export async function* scanEntry<T>(
  chunks: AsyncGenerator<Buffer>,
  handler: XmlHandler,
  after: () => T | undefined,
  signal?: AbortSignal,
): AsyncGenerator<T> {
  const decoder = new TextDecoder('utf-8');
  const scanner = new XmlScanner(handler);
  try {
    for await (const chunk of chunks) {
      signal?.throwIfAborted();
      scanner.write(decoder.decode(chunk, { stream: true }));
      const result = after();
      if (result !== undefined) yield result;
    }
    scanner.write(decoder.decode());
    scanner.end();
    const result = after();
    if (result !== undefined) yield result;
  } finally {
    await chunks.return(undefined);
  }
}

/** Collects text of `<t>` elements in rich text, skipping phonetic guides (`<rPh>`). */
export class StringText {
  value = '';
  private capture = false;
  private phonetic = 0;
  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.capture = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.capture = false;
  }
  text(text: string): void {
    if (!this.capture) return;
    this.value += text;
    if (this.value.length > MAX_CELL_CHARS * 7) tooLong();
  }
  take(): string {
    const value = decodeOoxmlEscapes(this.value);
    this.value = '';
    if (value.length > MAX_CELL_CHARS) tooLong();
    return value;
  }
}

/**
 * The shared-string table, read only as far as the rows read so far need. Writers put strings
 * in order of first use, so inspecting the first rows reads just the start of a big table, and
 * an import reads it alongside the sheet instead of all of it up front. Its size is capped in
 * strings and in characters: it is the one part of a workbook that is kept in memory.
 */
export class SharedStrings {
  readonly values: string[] = [];
  complete = false;
  private characters = 0;
  private chunks: AsyncGenerator<boolean> | undefined;

  constructor(
    private readonly zip: ZipArchive,
    private readonly path: string | undefined,
  ) {
    if (!path || !zip.has(path)) this.complete = true;
  }

  /** Stops reading (closes the entry) when a pass ends early. */
  async close(): Promise<void> {
    await this.chunks?.return(undefined);
  }

  private add(text: string): void {
    this.characters += text.length;
    if (this.values.length >= MAX_SHARED_STRINGS || this.characters > MAX_SHARED_CHARS)
      throw importFailure('import.too_large', 'shared strings');
    this.values.push(text);
  }

  /** Reads on until string `index` is known (or the table ends). */
  async ensure(index: number, signal?: AbortSignal): Promise<void> {
    if (this.complete || index < this.values.length) return;
    if (!this.chunks) {
      const item = new StringText();
      const handler: XmlHandler = {
        open: (name) => item.open(name),
        close: (name) => (name === 'si' ? this.add(item.take()) : item.close(name)),
        text: (text) => item.text(text),
      };
      const limit: EntryLimit = { maxBytes: MAX_SHARED_STRINGS_BYTES };
      this.chunks = scanEntry(this.zip.chunks(this.path as string, limit), handler, () => true, signal);
    }
    while (index >= this.values.length) {
      const next = await this.chunks.next();
      if (next.done) {
        this.complete = true;
        return;
      }
    }
  }
}

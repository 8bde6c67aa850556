import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeCsv, wideEncoding } from './csvEncoding';
import { importFailure } from './errors';

/** What the file really is, whatever its name says. */
export type FileFormat = 'xlsx' | 'csv';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Searches a compound file for a stream name (names are stored as UTF-16LE in its directory). */
async function oleHasStream(path: string, names: readonly string[]): Promise<string | undefined> {
  const needles = names.map((name) => ({ name, bytes: Buffer.from(name, 'utf16le') }));
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    for (let position = 0; ;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) return undefined;
      position += bytesRead;
      const window = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      for (const needle of needles) if (window.includes(needle.bytes)) return needle.name;
      carry = window.subarray(Math.max(0, window.length - 64));
    }
  } finally {
    await handle.close();
  }
}

/**
 * Decides how to read a file from its first bytes, not its extension (operators receive CSVs
 * and web pages named .xls, and .xlsx files named .xls):
 * - `PK\3\4` → a zip, read as .xlsx (its parts decide later whether it is really a workbook);
 * - an OLE2 compound file → a password-protected .xlsx (EncryptedPackage stream) or a BIFF .xls
 *   (Workbook/Book stream), both refused with their own message;
 * - HTML or XML text → refused (web pages saved as .xls, SpreadsheetML 2003);
 * - other text → CSV/TSV; binary → not a workbook.
 */
export async function sniffFormat(path: string): Promise<FileFormat> {
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      head = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw importFailure('import.unreadable', (error as NodeJS.ErrnoException).code);
  }
  if (head.length === 0) throw importFailure('import.empty');
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'xlsx';
  if (head.subarray(0, 8).equals(OLE2)) {
    const found = await oleHasStream(path, ['EncryptedPackage', 'Workbook', 'Book']);
    if (found === 'EncryptedPackage') throw importFailure('import.encrypted');
    if (found) throw importFailure('import.xls_unsupported');
    throw importFailure('import.not_a_workbook', 'ole2');
  }
  // UTF-16 and UTF-32 text is full of zero bytes; anything else holding one is binary.
  const wide = wideEncoding(head);
  if (!wide && head.includes(0)) throw importFailure('import.not_a_workbook', 'binary');
  const start = (
    wide ? decodeCsv(head.subarray(0, 4096)).text : new TextDecoder('latin1').decode(head.subarray(0, 2048))
  )
    .replace(/^[\uFEFF\s]+|^ï»¿/g, '')
    .toLowerCase();
  if (/^<(!doctype html|html|head|body|table|meta|\?xml|!--)/.test(start) || /<html[\s>]/.test(start))
    throw importFailure('import.not_a_workbook', 'html');
  // Text named like a workbook is most often a "fake .xls" exported by a web system: a CSV/TSV.
  if (['.csv', '.txt', '.tsv', '.xls', '.xlsx', '.et', ''].includes(extname(path).toLowerCase()))
    return 'csv';
  throw importFailure('import.not_a_workbook', extname(path));
}

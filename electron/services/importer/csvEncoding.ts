/**
 * Which encoding a CSV is in. Files come from Excel ("CSV UTF-8", "Unicode text" = UTF-16LE
 * with a BOM), WPS and web systems (GBK, UTF-8 without a BOM, UTF-16/32 without a BOM from
 * Java or .NET exporters), and sometimes from concatenating two of those (UTF-8 lines and GBK
 * lines in one file).
 */

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'mixed';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** For `mixed`: text offsets of the lines read in the minority encoding (to report them). */
  oddLines: number[];
}

/** A UTF-16 or UTF-32 file by its BOM or, without one, by where its zero bytes fall. */
export function wideEncoding(head: Uint8Array): { encoding: CsvEncoding; bom: number } | undefined {
  const [a, b, c, d] = head;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', bom: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', bom: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // Without a BOM: the ASCII of a CSV (delimiters, digits, line ends) leaves zero bytes in
  // fixed places — every other byte in UTF-16, three of four in UTF-32.
  const length = Math.min(head.length, 4096) & ~3;
  if (length < 4) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < length; i++) if (head[i] === 0) zeros[i & 3]!++;
  const quarter = length / 4;
  const mostly = (n: number): boolean => n >= quarter * 0.6;
  const rarely = (n: number): boolean => n <= quarter * 0.05;
  const [z0, z1, z2, z3] = zeros as [number, number, number, number];
  if (mostly(z2) && mostly(z3) && z2 + z3 >= quarter * 1.9 && rarely(z0))
    return { encoding: 'utf-32le', bom: 0 };
  if (mostly(z0) && mostly(z1) && z0 + z1 >= quarter * 1.9 && rarely(z3))
    return { encoding: 'utf-32be', bom: 0 };
  if (mostly(z1) && mostly(z3) && rarely(z0) && rarely(z2)) return { encoding: 'utf-16le', bom: 0 };
  if (mostly(z0) && mostly(z2) && rarely(z1) && rarely(z3)) return { encoding: 'utf-16be', bom: 0 };
  return undefined;
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let codes: number[] = [];
  for (let at = 0; at + 4 <= bytes.length; at += 4) {
    const code = view.getUint32(at, littleEndian);
    codes.push(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? code : 0xfffd);
    if (codes.length === 8192) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
  }
  parts.push(String.fromCodePoint(...codes));
  return parts.join('');
}

/** Whether `bytes[start, end)` is well-formed UTF-8 (no exceptions: it runs per line). */
function validUtf8(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end;) {
    const byte = bytes[i] as number;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const extra = byte >= 0xf0 && byte <= 0xf4 ? 3 : byte >= 0xe0 ? 2 : byte >= 0xc2 && byte < 0xe0 ? 1 : -1;
    if (extra < 0 || i + extra >= end) return false;
    for (let k = 1; k <= extra; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return false;
    i += extra + 1;
  }
  return true;
}

function hasHighBytes(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return true;
  return false;
}

/**
 * Decodes CSV bytes. A BOM or the zero-byte pattern of UTF-16/32 decides; otherwise strict
 * UTF-8 is tried over the whole file and, if some byte sequence is not valid UTF-8, each line
 * is looked at alone: GB18030 (a superset of GBK and GB2312, what Chinese Excel and WPS write
 * for "CSV") for the lines that are not UTF-8, UTF-8 for those that are. Valid UTF-8 that is
 * really GBK is practically impossible for Chinese text, so the per-line choice is safe — and a
 * file that mixes both is read right and its odd lines reported, instead of every UTF-8 line
 * turning into mojibake.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', oddLines: [] };
  const wide = wideEncoding(bytes);
  if (wide) {
    const body = bytes.subarray(wide.bom);
    const text =
      wide.encoding === 'utf-32le' || wide.encoding === 'utf-32be'
        ? decodeUtf32(body, wide.encoding === 'utf-32le')
        : new TextDecoder(wide.encoding, { ignoreBOM: true }).decode(body);
    return { text, encoding: wide.encoding, oddLines: [] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', oddLines: [] };
  } catch {
    return decodeByLine(bytes);
  }
}

function decodeByLine(bytes: Uint8Array): DecodedCsv {
  const lines: { start: number; end: number; utf8: boolean | null }[] = [];
  let utf8Lines = 0;
  let gbkLines = 0;
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(10, start);
    end = end < 0 ? bytes.length : end + 1;
    const utf8 = hasHighBytes(bytes, start, end) ? validUtf8(bytes, start, end) : null;
    if (utf8 === true) utf8Lines++;
    else if (utf8 === false) gbkLines++;
    lines.push({ start, end, utf8 });
    start = end;
  }
  const gbk = new TextDecoder('gb18030');
  if (utf8Lines === 0) return { text: gbk.decode(bytes), encoding: 'gb18030', oddLines: [] };
  const utf8 = new TextDecoder('utf-8');
  const minorityIsUtf8 = utf8Lines <= gbkLines;
  const parts: string[] = [];
  const oddLines: number[] = [];
  let offset = 0;
  for (const line of lines) {
    const slice = bytes.subarray(line.start, line.end);
    const text = line.utf8 === false ? gbk.decode(slice) : utf8.decode(slice);
    if (line.utf8 !== null && line.utf8 === minorityIsUtf8) oddLines.push(offset);
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join(''), encoding: 'mixed', oddLines };
}

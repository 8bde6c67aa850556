/**
 * Zips built byte by byte, for shapes no spreadsheet program writes (an empty `<c t="s"/>`, two
 * entries differing only in case, lying sizes, a wrong CRC, deflate bombs). Everything is made
 * in the test run; nothing binary is committed.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface HandZipEntry {
  name: string;
  data: string | Buffer;
  /** 8 (deflate, the default) or 0 (stored). */
  method?: 0 | 8;
  /** Already deflated bytes to store as the entry's data (a bomb); `data` is then ignored. */
  compressed?: Buffer;
  /** What the directory claims, when a test wants it to lie. */
  declaredSize?: number;
  crc?: number;
}

/** Writes a zip of the entries (local headers, data, central directory, end record). */
export function buildZip(entries: readonly HandZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data;
    const method = entry.method ?? 8;
    const body = entry.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = entry.crc ?? (entry.compressed ? 0 : crc32(data));
    const size = entry.declaredSize ?? data.length;
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Raw deflate data that inflates to `head`, then `chunk` `times` over, then `tail`, built
 * without ever holding the inflated bytes: each piece is deflated alone and ends in a full
 * flush (byte-aligned, no final bit), so identical pieces give identical bytes and the pieces
 * concatenate into one valid stream. A 2.5 GB bomb costs a few megabytes and milliseconds.
 */
export function deflateBomb(head: string, chunk: string, times: number, tail: string): Buffer {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const unit = deflateRawSync(Buffer.from(chunk), flush);
  return Buffer.concat([
    deflateRawSync(Buffer.from(head), flush),
    ...Array.from({ length: times }, () => unit),
    deflateRawSync(Buffer.from(tail)),
  ]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export interface HandWorkbook {
  /** Sheet XML bodies: the text inside `<sheetData>` (or a whole `<worksheet>` when it starts with `<?xml`/`<worksheet`). */
  sheets: { name: string; xml: string }[];
  /** `<si>` items (each a whole `<si>…</si>`), or a whole part when it starts with `<`. */
  sharedStrings?: string[] | string;
  /** A whole styles part. */
  styles?: string;
  /** Extra text inside `<workbook>` before `<sheets>` (a `<workbookPr>`), or after (an `<extLst>`). */
  workbookPr?: string;
  workbookExt?: string;
  /** Replaces or adds entries (a bomb as the shared strings, a lying size). */
  override?: Record<string, Partial<HandZipEntry>>;
  extra?: HandZipEntry[];
}

/** A minimal .xlsx as Excel lays it out, from hand-written parts. */
export function handXlsx(book: HandWorkbook): Buffer {
  const entries: HandZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${book.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
        )
        .join(
          '',
        )}<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${book.workbookPr ?? ''}<sheets>${book.sheets
        .map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets>${book.workbookExt ?? ''}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    ...book.sheets.map((sheet, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: /^<(\?xml|worksheet)/.test(sheet.xml)
        ? sheet.xml
        : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.xml}</sheetData></worksheet>`,
    })),
  ];
  if (book.sharedStrings !== undefined)
    entries.push({
      name: 'xl/sharedStrings.xml',
      data:
        typeof book.sharedStrings === 'string'
          ? book.sharedStrings
          : `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${book.sharedStrings.length}">${book.sharedStrings.join('')}</sst>`,
    });
  if (book.styles !== undefined) entries.push({ name: 'xl/styles.xml', data: book.styles });
  const result = entries.map((entry) => ({ ...entry, ...book.override?.[entry.name] }));
  return buildZip([...result, ...(book.extra ?? [])]);
}

/** A styles part whose cell formats (`s` = index) are the given number format codes (id 164+ for custom ones). */
export function stylesWith(formats: readonly (string | number)[]): string {
  const custom = formats
    .map((format, i) => (typeof format === 'string' ? { id: 164 + i, code: format } : null))
    .filter((format) => format !== null);
  const esc = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="${custom.length}">${custom
    .map((format) => `<numFmt numFmtId="${format.id}" formatCode="${esc(format.code)}"/>`)
    .join('')}</numFmts><cellXfs count="${formats.length}">${formats
    .map(
      (format, i) =>
        `<xf numFmtId="${typeof format === 'number' ? format : 164 + i}" applyNumberFormat="1"/>`,
    )
    .join('')}</cellXfs></styleSheet>`;
}

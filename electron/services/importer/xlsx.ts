import { isoDateText, numberText, type NumberStyle } from './cellText';
import { importFailure } from './errors';
import { MAX_CELL_CHARS, MAX_SHEET_BYTES } from './limits';
import {
  columnIndex,
  MAX_READ_COLUMNS,
  type ReadOptions,
  type SheetInfo,
  type SheetRow,
  type WorkbookSource,
} from './source';
import { readNumberStyles, readWorkbookParts, type WorkbookParts } from './xlsxParts';
import { attr, decodeOoxmlEscapes, type XmlHandler } from './xml';
import { scanEntry, SharedStrings, StringText, tooLong } from './xlsxStreams';
import { ZipArchive } from './zip';

/** Turns `<row>`/`<c>` events into rows of cell text. */
class RowCollector implements XmlHandler {
  rows: SheetRow[] = [];
  /** The highest shared-string index the collected rows refer to (resolved in `take`). */
  maxString = -1;
  /** `</sheetData>` was seen: a sheet whose XML stops before it was cut or damaged. */
  ended = false;
  private rowNumber = 0;
  private cells: string[] = [];
  private pendingStrings: (string[] | number)[] = [];
  private column = -1;
  private type = 'n';
  private style = 0;
  private value = '';
  private inValue = false;
  private inline: StringText | undefined;

  constructor(
    private readonly styles: readonly NumberStyle[],
    private readonly date1904: boolean,
  ) {}

  open(name: string, attrs: string): void {
    if (this.inline) this.inline.open(name);
    else if (name === 'c') {
      const ref = attr(attrs, 'r');
      this.column = ref ? columnIndex(ref) : this.column + 1;
      this.type = attr(attrs, 't') ?? 'n';
      const style = attr(attrs, 's');
      this.style = style === undefined ? 0 : Number(style);
      this.value = '';
    } else if (name === 'v') this.inValue = true;
    else if (name === 'row') {
      const r = Number(attr(attrs, 'r'));
      this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.rowNumber + 1;
      this.cells = [];
      this.column = -1;
    } else if (name === 'is') this.inline = new StringText();
  }

  close(name: string): void {
    if (name === 'v') this.inValue = false;
    else if (name === 'is') {
      this.value = this.inline?.take() ?? '';
      this.inline = undefined;
    } else if (this.inline) this.inline.close(name);
    else if (name === 'c') {
      if (this.column < 0 || this.column >= MAX_READ_COLUMNS) return;
      if (this.type === 's') {
        // `<c t="s"/>` and `<c t="s"><v/></c>` (WPS writes them) are empty, not string #0.
        const index = this.value.trim() === '' ? -1 : Number(this.value);
        this.cells[this.column] = '';
        if (!Number.isInteger(index) || index < 0) return;
        // Shared strings are read lazily, as far as the rows need (see SharedStrings).
        this.pendingStrings.push(this.cells, this.column, index);
        if (index > this.maxString) this.maxString = index;
      } else this.cells[this.column] = this.cellText();
    } else if (name === 'row') {
      const cells = this.cells;
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      this.rows.push({ rowNumber: this.rowNumber, cells });
    } else if (name === 'sheetData') this.ended = true;
  }

  text(text: string): void {
    if (this.inline) this.inline.text(text);
    else if (this.inValue) {
      this.value += text;
      if (this.value.length > MAX_CELL_CHARS * 7) tooLong();
    }
  }

  private cellText(): string {
    switch (this.type) {
      case 'inlineStr':
        return this.value;
      case 'str': {
        const text = decodeOoxmlEscapes(this.value);
        return text.length > MAX_CELL_CHARS ? tooLong() : text;
      }
      case 'b':
        return this.value === '1' ? 'TRUE' : this.value === '0' ? 'FALSE' : this.value;
      case 'e':
        return this.value;
      case 'd':
        return isoDateText(this.value, this.styles[this.style] ?? { kind: 'general' });
      default:
        return numberText(this.value, this.styles[this.style] ?? { kind: 'general' }, this.date1904);
    }
  }

  /** The rows collected so far, with shared strings filled in and empty rows dropped. */
  take(strings: readonly string[]): SheetRow[] {
    const pending = this.pendingStrings;
    for (let i = 0; i < pending.length; i += 3)
      (pending[i] as string[])[pending[i + 1] as number] = strings[pending[i + 2] as number] ?? '';
    this.pendingStrings = [];
    this.maxString = -1;
    const rows = this.rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
    this.rows = [];
    return rows;
  }
}

/** An .xlsx read straight from its zip: see `scanEntry` for why not exceljs's reader. */
export class XlsxWorkbook implements WorkbookSource {
  readonly format = 'xlsx';
  private strings: SharedStrings | undefined;
  private styles: NumberStyle[] | undefined;

  private constructor(
    private readonly zip: ZipArchive,
    private readonly parts: WorkbookParts,
    readonly sheets: readonly SheetInfo[],
  ) {}

  static async open(path: string): Promise<XlsxWorkbook> {
    const zip = await ZipArchive.open(path);
    const parts = await readWorkbookParts(zip);
    const sheets: SheetInfo[] = [];
    for (const sheet of parts.sheets)
      sheets.push({
        name: sheet.name,
        hidden: sheet.hidden,
        rowsEstimate: await dimensionRows(zip, sheet.path),
      });
    return new XlsxWorkbook(zip, parts, sheets);
  }

  async *rows(sheetName: string, options: ReadOptions = {}): AsyncGenerator<SheetRow[]> {
    const sheet = this.parts.sheets.find((candidate) => candidate.name === sheetName);
    if (!sheet) throw importFailure('import.no_such_sheet', sheetName);
    // Kept between passes once complete; a pass that stops early (inspect) closes its reader.
    const strings = this.strings?.complete
      ? this.strings
      : new SharedStrings(this.zip, this.parts.sharedStringsPath);
    this.strings = strings;
    this.styles ??= await readNumberStyles(this.zip, this.parts.stylesPath);
    const collector = new RowCollector(this.styles, this.parts.date1904);
    const total = this.zip.entry(sheet.path)?.compressedSize || 1;
    let read = 0;
    const chunks = this.zip.chunks(sheet.path, { maxBytes: MAX_SHEET_BYTES }, (bytes) => {
      read += bytes;
      options.onFraction?.(Math.min(1, read / total));
    });
    try {
      for await (const _ of scanEntry(
        chunks,
        collector,
        () => (collector.rows.length ? true : undefined),
        options.signal,
      )) {
        await strings.ensure(collector.maxString, options.signal);
        const rows = collector.take(strings.values);
        if (rows.length) yield rows;
      }
      // The entry inflated whole and its CRC matched, yet the XML stops short: not a full sheet.
      if (!collector.ended) throw importFailure('import.corrupt', `${sheet.path}: no </sheetData>`);
    } finally {
      if (!strings.complete) {
        await strings.close();
        this.strings = undefined;
      }
    }
  }
}

/** The row count `<dimension ref="A1:D100001">` declares, read from the start of the sheet. */
async function dimensionRows(zip: ZipArchive, path: string): Promise<number | null> {
  let rows: number | null = null;
  let done = false;
  const handler: XmlHandler = {
    open(name, attrs) {
      if (name === 'dimension') {
        const last = /(\d+)$/.exec(attr(attrs, 'ref') ?? '');
        rows = last ? Number(last[1]) : null;
        done = true;
      } else if (name === 'sheetData') done = true;
    },
    close: () => undefined,
    text: () => undefined,
  };
  const chunks = zip.chunks(path, { maxBytes: MAX_SHEET_BYTES });
  for await (const _ of scanEntry(chunks, handler, () => (done ? true : undefined))) break;
  return rows;
}

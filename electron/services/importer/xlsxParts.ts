/**
 * The small parts of an .xlsx read whole: package and workbook relationships, the sheet list,
 * the date system and number formats. The big parts (shared strings, sheets) stream elsewhere.
 */
import { posix } from 'node:path';
import { numberStyle, type NumberStyle } from './cellText';
import { importFailure } from './errors';
import { MAX_CELL_STYLES } from './limits';
import { attr, XmlScanner, type XmlHandler } from './xml';
import type { ZipArchive } from './zip';

export interface WorkbookParts {
  sheets: { name: string; path: string; hidden: boolean }[];
  sharedStringsPath: string | undefined;
  stylesPath: string | undefined;
  date1904: boolean;
}

function scan(text: string, open: XmlHandler['open']): void {
  const scanner = new XmlScanner({ open, close: () => undefined, text: () => undefined });
  scanner.write(text);
  scanner.end();
}

/** Relationship id → { type, absolute part path } of a `.rels` part. */
async function relationships(
  zip: ZipArchive,
  relsPath: string,
  base: string,
): Promise<Map<string, { type: string; path: string }>> {
  const rels = new Map<string, { type: string; path: string }>();
  if (!zip.has(relsPath)) return rels;
  scan(await zip.text(relsPath), (name, attrs) => {
    if (name !== 'Relationship' || attr(attrs, 'TargetMode') === 'External') return;
    const target = attr(attrs, 'Target') ?? '';
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
    rels.set(attr(attrs, 'Id') ?? '', { type: attr(attrs, 'Type') ?? '', path });
  });
  return rels;
}

/** Finds the workbook part and its sheets; a zip without one (a .docx, an .ods) is not a workbook. */
export async function readWorkbookParts(zip: ZipArchive): Promise<WorkbookParts> {
  const root = await relationships(zip, '_rels/.rels', '');
  const office = [...root.values()].find((rel) => rel.type.endsWith('/officeDocument'));
  const workbookPath = office?.path ?? 'xl/workbook.xml';
  if (!zip.has(workbookPath)) throw importFailure('import.not_a_workbook', 'zip');
  const dir = posix.dirname(workbookPath);
  const rels = await relationships(
    zip,
    posix.join(dir, '_rels', `${posix.basename(workbookPath)}.rels`),
    dir,
  );
  const parts: WorkbookParts = {
    sheets: [],
    sharedStringsPath: undefined,
    stylesPath: undefined,
    date1904: false,
  };
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/sharedStrings')) parts.sharedStringsPath = rel.path;
    if (rel.type.endsWith('/styles')) parts.stylesPath = rel.path;
  }
  // Only the workbook's own <workbookPr> says which date system it uses. Excel 2010+ writes
  // namespaced cousins (<x14:workbookPr>, <x15:…>) inside <extLst> that carry other settings:
  // read as the same element they would reset 1904 workbooks to 1900, 1,462 days off.
  let extensions = 0;
  let datesSet = false;
  const scanner = new XmlScanner({
    open(name, attrs, selfClosing) {
      if (name === 'extLst' && !selfClosing) extensions++;
      if (extensions > 0) return;
      if (name === 'workbookPr' && !datesSet) {
        datesSet = true;
        parts.date1904 = ['1', 'true'].includes(attr(attrs, 'date1904') ?? '');
      }
      if (name === 'sheet') addSheet(attrs);
    },
    close(name) {
      if (name === 'extLst' && extensions > 0) extensions--;
    },
    text: () => undefined,
  });
  const addSheet = (attrs: string): void => {
    const rel = rels.get(attr(attrs, 'id') ?? '');
    // Chart sheets and dialog sheets have no cells.
    if (!rel || !rel.type.endsWith('/worksheet') || !zip.has(rel.path)) return;
    const state = attr(attrs, 'state');
    parts.sheets.push({
      name: attr(attrs, 'name') ?? rel.path,
      path: rel.path,
      hidden: state === 'hidden' || state === 'veryHidden',
    });
  };
  scanner.write(await zip.text(workbookPath));
  scanner.end();
  if (parts.sheets.length === 0) throw importFailure('import.not_a_workbook', 'no sheets');
  return parts;
}

/** Number style per cell style index (`s` attribute), from `cellXfs` and custom `numFmts`. */
export async function readNumberStyles(
  zip: ZipArchive,
  stylesPath: string | undefined,
): Promise<NumberStyle[]> {
  if (!stylesPath || !zip.has(stylesPath)) return [];
  const codes = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  // Conditional formats (<dxfs>) carry <numFmt>s too, reusing the same ids: only <numFmts> counts.
  let inNumFmts = false;
  const scanner = new XmlScanner({
    open(name, attrs, selfClosing) {
      if (name === 'numFmt' && inNumFmts)
        codes.set(Number(attr(attrs, 'numFmtId')), attr(attrs, 'formatCode') ?? '');
      else if (name === 'numFmts') inNumFmts = !selfClosing;
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) {
        if (xfIds.length >= MAX_CELL_STYLES) throw importFailure('import.too_large', 'styles');
        xfIds.push(Number(attr(attrs, 'numFmtId') ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      if (name === 'numFmts') inNumFmts = false;
    },
    text: () => undefined,
  });
  scanner.write(await zip.text(stylesPath));
  scanner.end();
  return xfIds.map((id) => numberStyle(id, codes.get(id)));
}

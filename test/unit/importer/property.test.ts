/**
 * Our reader against a reference reader (SheetJS, `xlsx` from npm) on generated workbooks:
 * numbers, dates and times in both date systems, fixed, percent and elapsed formats, booleans,
 * empty and rich-text shared strings (with phonetic guides), inline strings, empty cells.
 *
 * Where the reference itself differs from what Excel shows, the difference is accounted for
 * here, not hidden:
 * - Half-way rounding: SheetJS rounds the binary double (`0.285` with `0.00` → `0.28`), Excel
 *   rounds the 15-significant-digit decimal (`0.29`). Such cells must be exact half-way cases
 *   and ours must equal the decimal rounding half away from zero.
 * - General numbers: SheetJS's `w` abbreviates to ~11 characters as a narrow Excel column would;
 *   we keep 15 significant digits (every digit of an integer): compared on the value.
 * - Dates: we write ISO `yyyy-MM-dd[ HH:mm:ss]` whatever the format's layout, so dates are
 *   compared with SheetJS's own date code (`SSF.parse_date_code`, which knows 1900-02-29), at
 *   whole seconds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { openWorkbook } from '../../../electron/services/importer/open';
import { columnLetter } from '../../../electron/services/importer/source';
import { handXlsx, stylesWith } from '../../support/handZip';

const dir = mkdtempSync(join(tmpdir(), 'cd-property-'));
/** Cells where SheetJS's rounding differs from what Excel shows (see the file's comment). */
let corrected = 0;

/** A small deterministic PRNG (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMATS = [
  0, // General
  '0',
  '0.0',
  '0.00',
  '0.000',
  '0%',
  '0.00%',
  'yyyy-mm-dd',
  'yyyy/m/d',
  'yyyy-mm-dd hh:mm:ss',
  'hh:mm:ss',
  '[h]:mm:ss',
  '[mm]:ss',
] as const;
type Kind = 'general' | 'fixed' | 'percent' | 'date' | 'datetime' | 'time' | 'elapsed';
const KIND: Kind[] = [
  'general',
  'fixed',
  'fixed',
  'fixed',
  'fixed',
  'percent',
  'percent',
  'date',
  'date',
  'datetime',
  'time',
  'elapsed',
  'elapsed',
];
const DECIMALS = [0, 0, 1, 2, 3, 0, 2, 0, 0, 0, 0, 0, 0];

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const TEXTS = [
  '张三',
  '回访客户',
  'Zhang San',
  '北京市朝阳区',
  'A&B <c>',
  '电话 13800138000',
  '  两边有空格  ',
];

interface Generated {
  xml: string;
  strings: string[];
}

/** One row of `width` random cells; numbers go with a random format. */
function generateRow(next: () => number, r: number, width: number, strings: string[]): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const cells: string[] = [];
  for (let c = 0; c < width; c++) {
    const ref = `${columnLetter(c)}${r}`;
    const roll = next();
    if (roll < 0.1) continue; // empty
    if (roll < 0.15) {
      cells.push(`<c r="${ref}" t="s"/>`); // empty shared string
    } else if (roll < 0.3) {
      strings.push(`<si><t>${escapeXml(pick(TEXTS))}</t></si>`);
      cells.push(`<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`);
    } else if (roll < 0.37) {
      strings.push(
        `<si><r><t>${escapeXml(pick(TEXTS))}</t></r><r><rPr><b/></rPr><t>${escapeXml(pick(TEXTS))}</t></r><rPh sb="0" eb="1"><t>pinyin</t></rPh></si>`,
      );
      cells.push(`<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`);
    } else if (roll < 0.42) {
      cells.push(`<c r="${ref}" t="inlineStr"><is><t>${escapeXml(pick(TEXTS))}</t></is></c>`);
    } else if (roll < 0.45) {
      cells.push(`<c r="${ref}" t="b"><v>${next() < 0.5 ? 1 : 0}</v></c>`);
    } else {
      const style = Math.floor(next() * FORMATS.length);
      const kind = KIND[style] as Kind;
      let value: number;
      if (kind === 'date' || kind === 'datetime' || kind === 'time') {
        // Whole seconds: Excel and SheetJS agree on which second a fraction shows.
        const day = Math.floor(next() * 60_000);
        const seconds = kind === 'date' ? 0 : Math.floor(next() * 86_400);
        value = day + seconds / 86_400;
      } else if (kind === 'elapsed') value = Math.floor(next() * 40 * 86_400) / 86_400;
      else if (next() < 0.3)
        value = Math.round((next() - 0.3) * 1e6) / 1000 + 0.0005; // half-way cases
      else
        value = Number(
          ((next() - 0.3) * 10 ** Math.floor(next() * 8)).toPrecision(1 + Math.floor(next() * 14)),
        );
      cells.push(`<c r="${ref}" s="${style}"><v>${value}</v></c>`);
    }
  }
  return `<row r="${r}">${cells.join('')}</row>`;
}

function generate(seed: number, rows: number, width: number): Generated {
  const next = random(seed);
  const strings: string[] = [];
  const xml = Array.from({ length: rows }, (_, i) => generateRow(next, i + 1, width, strings)).join('');
  return { xml, strings };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The 15-digit decimal of `value` × 10^shift rounded half away from zero at `decimals`. */
function decimalRounding(value: number, decimals: number, shift: number): string {
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const point = Number(exponent) + 1 + shift; // digits before the decimal point
  const whole = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0';
  const fraction = point > 0 ? digits.slice(point) : '0'.repeat(-point) + digits;
  const kept = BigInt(whole + fraction.padEnd(decimals, '0').slice(0, decimals));
  const rounded = kept + ((fraction[decimals] ?? '0') >= '5' ? 1n : 0n);
  let text = rounded.toString().padStart(decimals + 1, '0');
  if (decimals) text = `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  return value < 0 && rounded !== 0n ? `-${text}` : text;
}

/** What Excel shows, told by the reference reader (with the documented corrections). */
function expected(cell: XLSX.CellObject | undefined, style: number, date1904: boolean, ours: string): string {
  if (!cell || cell.v === undefined || cell.v === '') return '';
  if (cell.t === 's') return String(cell.v);
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  const value = cell.v as number;
  const kind = KIND[style] ?? 'general';
  if (kind === 'general') return String(Number(value.toPrecision(15)));
  if (kind === 'fixed' || kind === 'percent') {
    const shown = (cell.w ?? '').replace(/,/g, '');
    if (shown === ours) return shown;
    // The reference rounded the binary double; Excel rounds the decimal (see the file's comment).
    const decimals = DECIMALS[style] as number;
    const shift = kind === 'percent' ? 2 : 0;
    const scaled = Math.abs(value) * 10 ** (decimals + shift);
    expect(Math.abs(scaled - Math.floor(scaled) - 0.5), `${value} is a half-way case`).toBeLessThan(1e-6);
    corrected++;
    return decimalRounding(value, decimals, shift) + (kind === 'percent' ? '%' : '');
  }
  if (kind === 'elapsed') return cell.w ?? '';
  const code = XLSX.SSF.parse_date_code(value, { date1904 });
  const day = `${pad(code.y, 4)}-${pad(code.m)}-${pad(code.d)}`;
  const clock = `${pad(code.H)}:${pad(code.M)}:${pad(code.S)}`;
  return kind === 'date' ? day : kind === 'time' ? clock : `${day} ${clock}`;
}

describe('our reader against SheetJS on generated workbooks', () => {
  it('agrees cell for cell (with the documented corrections), in both date systems', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const date1904 = seed % 2 === 0;
      const width = 8;
      const { xml, strings } = generate(seed, 40, width);
      const bytes = handXlsx({
        sheets: [{ name: 'S', xml }],
        sharedStrings: strings,
        styles: stylesWith(FORMATS),
        ...(date1904 ? { workbookPr: '<workbookPr date1904="1"/>' } : {}),
      });
      const path = join(dir, `seed${seed}.xlsx`);
      writeFileSync(path, bytes);
      const source = await openWorkbook(path);
      const ours = new Map<number, string[]>();
      for await (const batch of source.rows('S')) for (const row of batch) ours.set(row.rowNumber, row.cells);
      const reference = XLSX.read(bytes, { type: 'buffer', cellNF: true });
      expect(reference.Workbook?.WBProps?.date1904 ?? false, `seed ${seed}`).toBe(date1904);
      const sheet = reference.Sheets.S as XLSX.WorkSheet;
      const styleOf = new Map(
        [...xml.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)].map((m) => [m[1], Number(m[2])]),
      );
      for (let r = 1; r <= 40; r++)
        for (let c = 0; c < width; c++) {
          const ref = `${columnLetter(c)}${r}`;
          const mine = ours.get(r)?.[c] ?? '';
          const theirs = expected(
            sheet[ref] as XLSX.CellObject | undefined,
            styleOf.get(ref) ?? 0,
            date1904,
            mine,
          );
          expect(mine, `seed ${seed} ${ref} (${JSON.stringify(sheet[ref])})`).toBe(theirs);
          compared++;
        }
    }
    console.info(`${compared} cells compared, ${corrected} where SheetJS's rounding differs from Excel's`);
    expect(compared).toBe(24 * 40 * 8);
    expect(corrected).toBeGreaterThan(0);
  }, 60_000);
});

/**
 * How one exported cell is written. Every column says what it holds, so a telephone stays the
 * digits the operator typed and a duration stays a number, whichever program opens the file.
 */

/**
 * - `text`: free text (names, notes, labels, transcripts). Formula-looking text is neutralised.
 * - `phone`, `id`: digits that are not numbers (leading zeros, 11–20 digits): always text.
 * - `number`, `duration`: numbers (a duration in seconds); a number cell in .xlsx.
 * - `datetime`: `YYYY-MM-DD HH:mm:ss` local time, as text (sorts as written, no time-zone shift).
 */
export type ColumnKind = 'text' | 'phone' | 'id' | 'number' | 'duration' | 'datetime';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
}

/** A cell value: text, a number (for number/duration columns), or nothing. */
export type ExportCell = string | number | null;

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, a tab
 * or a carriage return first. Excel, WPS and LibreOffice all evaluate such cells on opening.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text with a leading `'` when a spreadsheet would read it as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Digits (an optional leading `+`) that a spreadsheet would turn into a number. */
const NUMERIC_TEXT = /^\+?\d+$/;

/**
 * Whether Excel would change plain digits on opening: a leading zero dropped, more than 11
 * digits shown as `1.38E+10`, more than 15 digits rounded, a `+` read as a sign.
 */
function spreadsheetWouldChange(text: string): boolean {
  return text.startsWith('+') || (text.length > 1 && text.startsWith('0')) || text.length > 11;
}

/**
 * `="0219…"`: the form Excel, WPS and LibreOffice all open as the text between the quotes,
 * keeping leading zeros and every digit. Only ever built from digits and `+`, so it can hold
 * nothing a spreadsheet would run.
 */
export function textFormula(digits: string): string {
  return `="${digits}"`;
}

/** `="…"` of {@link textFormula} back to its text (what Excel shows); anything else unchanged. */
export function unwrapTextFormula(cell: string): string {
  const inner = /^="(\+?\d+)"$/.exec(cell);
  return inner ? (inner[1] as string) : cell;
}

/** A number a spreadsheet reads back as the same number, or null for NaN and infinities. */
export function finiteNumber(value: ExportCell): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** One CSV field for a cell of a column of `kind` (before RFC 4180 quoting). */
export function csvCellText(value: ExportCell, kind: ColumnKind): string {
  if (value === null) return '';
  if (kind === 'number' || kind === 'duration') {
    const number = finiteNumber(value);
    // A number is written as one (`-2` stays minus two); text in a number column is text.
    if (number !== null) return String(number);
    return typeof value === 'number' ? '' : neutraliseFormula(value);
  }
  const text = String(value);
  if (NUMERIC_TEXT.test(text) && (kind === 'phone' || kind === 'id' || spreadsheetWouldChange(text)))
    return textFormula(text);
  return neutraliseFormula(text);
}

/** A whole CSV record (no line end). */
export function csvRecord(cells: readonly ExportCell[], columns: readonly ExportColumn[]): string {
  return cells.map((cell, i) => csvField(csvCellText(cell, columns[i]?.kind ?? 'text'))).join(',');
}

/**
 * How a numeric cell reads as text: what the operator saw in Excel, closely enough for a
 * template variable (a date reads 2026-11-05, a percentage 50%), and every digit of an integer
 * (a telephone stored as a number must never go through exponent form).
 */

/** What a cell style's number format means for its value. */
export type NumberStyle =
  | { kind: 'general' }
  | { kind: 'fixed'; decimals: number }
  | { kind: 'percent'; decimals: number }
  | { kind: 'date'; date: boolean; time: boolean };

const GENERAL: NumberStyle = { kind: 'general' };

/** Built-in format ids (ECMA-376 18.8.30 plus the CJK ids Chinese Excel uses for dates). */
function builtin(id: number): NumberStyle {
  if (id === 1 || id === 3) return { kind: 'fixed', decimals: 0 };
  if (id === 2 || id === 4) return { kind: 'fixed', decimals: 2 };
  if (id === 9) return { kind: 'percent', decimals: 0 };
  if (id === 10) return { kind: 'percent', decimals: 2 };
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 50 && id <= 54) || (id >= 57 && id <= 58))
    return { kind: 'date', date: true, time: false };
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || (id >= 55 && id <= 56))
    return { kind: 'date', date: false, time: true };
  if (id === 22 || id === 36) return { kind: 'date', date: true, time: true };
  return GENERAL;
}

/** Reads a custom format code such as `yyyy/m/d`, `0.00%`, `0.0`, `[$-804]yyyy"年"m"月"d"日"`. */
export function numberStyle(id: number, code: string | undefined): NumberStyle {
  if (code === undefined) return builtin(id);
  // Only the first section (positive numbers) matters; drop quoted text, escapes and [..] tags.
  const section = (code.split(';')[0] ?? '').replace(/"[^"]*"|\\.|_.|\*./g, '').replace(/\[[^\]]*\]/g, '');
  const lower = section.toLowerCase();
  // y/d mean a date; h/s a time; m alone is a month, next to h or s it is minutes.
  const time = /[hs]/.test(lower);
  const date = /[yd]/.test(lower) || (/m/.test(lower) && !time);
  if (date || time) return { kind: 'date', date, time };
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  if (section.includes('%')) return { kind: 'percent', decimals };
  if (/^[#,0.\s]+$/.test(section) && section.includes('0')) return { kind: 'fixed', decimals };
  return GENERAL;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function serialToText(serial: number, style: { date: boolean; time: boolean }, date1904: boolean): string {
  // Excel day 0 is 1899-12-30 (its 1900 leap-year bug included); 1904 workbooks count from 1904-01-01.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const ms = Math.round((serial * 86_400_000) / 1000) * 1000;
  const when = new Date(epoch + ms);
  const day = `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}`;
  const seconds = when.getUTCSeconds();
  const clock = `${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}${seconds ? `:${pad(seconds)}` : ''}`;
  if (style.date && style.time) return `${day} ${clock}`;
  return style.time ? clock : day;
}

/** General numbers: integers digit for digit, others at Excel's 15 significant digits. */
function general(raw: string, value: number): string {
  if (/^-?\d+$/.test(raw)) return raw;
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(Number(value.toPrecision(15)));
}

/** The text of a numeric cell whose stored value is `raw` (the `<v>` text). */
export function numberText(raw: string, style: NumberStyle, date1904: boolean): string {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) return raw;
  switch (style.kind) {
    case 'general':
      return general(raw, value);
    case 'fixed':
      return style.decimals === 0 && !Number.isSafeInteger(Math.round(value))
        ? general(raw, value)
        : value.toFixed(style.decimals);
    case 'percent':
      return `${(value * 100).toFixed(style.decimals)}%`;
    case 'date':
      return value >= 0 && value < 2_958_466 ? serialToText(value, style, date1904) : general(raw, value);
  }
}

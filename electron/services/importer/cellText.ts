/**
 * How a numeric cell reads as text: what the operator saw in Excel, closely enough for a
 * template variable (a date reads 2026-11-05, a percentage 50%, an elapsed time 255:10:10), and
 * every digit of an integer (a telephone stored as a number must never go through exponent
 * form). Dates are written ISO (`yyyy-MM-dd`, `yyyy-MM-dd HH:mm:ss`) whatever the cell's own
 * layout: a robot reads them out and a grid sorts them, and `2026/11/5` vs `11/5/26` depends on
 * the locale of whoever made the file.
 */

/** What a cell style's number format means for its value. */
export type NumberStyle =
  | { kind: 'general' }
  | { kind: 'fixed'; decimals: number }
  | { kind: 'percent'; decimals: number }
  | { kind: 'date'; date: boolean; time: boolean; seconds: boolean }
  /** `[h]:mm:ss`, `[mm]:ss`, `[s]`: a duration counted in its first (bracketed) unit. */
  | { kind: 'elapsed'; unit: 'h' | 'm' | 's'; width: number; minutes: boolean; seconds: boolean };

const GENERAL: NumberStyle = { kind: 'general' };
const DATE: NumberStyle = { kind: 'date', date: true, time: false, seconds: false };
const DATE_TIME: NumberStyle = { kind: 'date', date: true, time: true, seconds: true };

/** Built-in format ids (ECMA-376 18.8.30 plus the CJK ids Chinese Excel uses for dates). */
function builtin(id: number): NumberStyle {
  if (id === 1 || id === 3) return { kind: 'fixed', decimals: 0 };
  if (id === 2 || id === 4) return { kind: 'fixed', decimals: 2 };
  if (id === 9) return { kind: 'percent', decimals: 0 };
  if (id === 10) return { kind: 'percent', decimals: 2 };
  if (id === 46) return { kind: 'elapsed', unit: 'h', width: 1, minutes: true, seconds: true };
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 50 && id <= 54) || (id >= 57 && id <= 58))
    return DATE;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || id === 45 || id === 47 || (id >= 55 && id <= 56))
    return {
      kind: 'date',
      date: false,
      time: true,
      seconds: id !== 18 && id !== 20 && id !== 32 && id !== 33,
    };
  if (id === 22 || id === 36) return DATE_TIME;
  return GENERAL;
}

/** Reads a custom format code such as `yyyy/m/d`, `0.00%`, `0.0`, `[h]:mm`, `[$-804]yyyy"年"m"月"d"日"`. */
export function numberStyle(id: number, code: string | undefined): NumberStyle {
  if (code === undefined) return builtin(id);
  // Only the first section (positive numbers) matters; drop quoted text, escapes and fills.
  const literal = (code.split(';')[0] ?? '').replace(/"[^"]*"|\\.|_.|\*./g, '');
  const elapsed = /\[(h+|m+|s+)\]/i.exec(literal);
  const section = literal.replace(/\[[^\]]*\]/g, '');
  const lower = section.toLowerCase();
  if (elapsed) {
    const unit = (elapsed[1] as string)[0]?.toLowerCase() as 'h' | 'm' | 's';
    return {
      kind: 'elapsed',
      unit,
      width: (elapsed[1] as string).length,
      minutes: unit === 'h' && /m/.test(lower),
      seconds: unit !== 's' && /s/.test(lower),
    };
  }
  // y/d mean a date; h/s a time; m alone is a month, next to h or s it is minutes.
  const time = /[hs]/.test(lower);
  const date = /[yd]/.test(lower) || (/m/.test(lower) && !time);
  if (date || time) return { kind: 'date', date, time, seconds: /s/.test(lower) };
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  if (section.includes('%')) return { kind: 'percent', decimals };
  if (/^[#,0.\s]+$/.test(section) && section.includes('0')) return { kind: 'fixed', decimals };
  return GENERAL;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const MS_PER_DAY = 86_400_000;

/** A date serial's calendar day and time of day as Excel counts them. */
function serialParts(serial: number, date1904: boolean): { day: string; seconds: number } {
  let whole = Math.floor(serial);
  let seconds = Math.round((serial - whole) * 86_400);
  if (seconds === 86_400) {
    whole++;
    seconds = 0;
  }
  if (date1904) {
    const when = new Date(Date.UTC(1904, 0, 1) + whole * MS_PER_DAY);
    return { day: isoDay(when), seconds };
  }
  // Excel's 1900 system counts 1900-02-29, a day that never was (Lotus 1-2-3's bug kept for
  // compatibility): serial 60 is that day, 1–59 are one day later than a real calendar says,
  // and 0 shows as 1900-01-00.
  if (whole === 0) return { day: '1900-01-00', seconds };
  if (whole === 60) return { day: '1900-02-29', seconds };
  const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return { day: isoDay(new Date(epoch + whole * MS_PER_DAY)), seconds };
}

function isoDay(when: Date): string {
  return `${pad(when.getUTCFullYear(), 4)}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}`;
}

function clock(seconds: number, withSeconds: boolean): string {
  const text = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}`;
  return withSeconds ? `${text}:${pad(seconds % 60)}` : text;
}

function serialToText(
  serial: number,
  style: { date: boolean; time: boolean; seconds: boolean },
  date1904: boolean,
): string {
  const { day, seconds } = serialParts(serial, date1904);
  // A date with a time part always carries its seconds: `yyyy-MM-dd HH:mm:ss` sorts and parses.
  if (style.date && style.time) return `${day} ${clock(seconds, true)}`;
  return style.time ? clock(seconds, style.seconds) : day;
}

/** `[h]:mm:ss` and friends: the first unit is not wrapped at 24 h / 60 min / 60 s. */
function elapsedText(value: number, style: Extract<NumberStyle, { kind: 'elapsed' }>): string {
  const sign = value < 0 ? '-' : '';
  // Excel rounds to the smallest unit shown, then truncates the larger ones.
  const unitSeconds =
    style.seconds || style.unit === 's' ? 1 : style.minutes || style.unit === 'm' ? 60 : 3600;
  const total = Math.round((Math.abs(value) * 86_400) / unitSeconds) * unitSeconds;
  const lead =
    style.unit === 'h' ? Math.floor(total / 3600) : style.unit === 'm' ? Math.floor(total / 60) : total;
  let text = pad(lead, style.width);
  if (style.minutes) text += `:${pad(Math.floor(total / 60) % 60)}`;
  if (style.seconds) text += `:${pad(total % 60)}`;
  return sign + text;
}

/**
 * `value` rounded to `decimals` places as Excel displays it: Excel keeps 15 significant digits
 * and rounds that decimal half away from zero, so 0.105 with `0.00` shows 0.11 even though the
 * double nearest 0.105 is a hair below it (`toFixed` says 0.10). `shift` multiplies by a power
 * of ten first, exactly (2 for percent).
 */
export function excelFixed(value: number, decimals: number, shift = 0): string {
  if (value === 0) return (0).toFixed(decimals);
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split('e') as [string, string];
  const digits = BigInt(mantissa.replace('.', ''));
  const scale = Number(exponent) - 14 + decimals + shift;
  let scaled: bigint;
  if (scale >= 0) scaled = digits * 10n ** BigInt(scale);
  else {
    const divisor = 10n ** BigInt(-scale);
    scaled = (digits + divisor / 2n) / divisor;
  }
  let text = scaled.toString().padStart(decimals + 1, '0');
  if (decimals > 0) text = `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  return value < 0 && scaled !== 0n ? `-${text}` : text;
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
        : excelFixed(value, style.decimals);
    case 'percent':
      return `${excelFixed(value, style.decimals, 2)}%`;
    case 'elapsed':
      return elapsedText(value, style);
    case 'date':
      return value >= 0 && value < 2_958_466 ? serialToText(value, style, date1904) : general(raw, value);
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A `t="d"` cell: its value is an ISO 8601 date-time (`2021-12-31T23:44:51.894`), written the
 * same way as a date serial would be (time only under a time format; seconds rounded).
 */
export function isoDateText(raw: string, style: NumberStyle): string {
  const match = ISO.exec(raw.trim());
  if (!match) return raw;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = ''] = match;
  let seconds = Number(h) * 3600 + Number(mi) * 60 + Number(s) + Math.round(Number(`0.${fraction || '0'}`));
  let day = `${y}-${mo}-${d}`;
  if (seconds >= 86_400) {
    seconds -= 86_400;
    day = isoDay(new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d) + 1)));
  }
  if (style.kind === 'date' && !style.date) return clock(seconds, style.seconds);
  const hasTime = style.kind === 'date' ? style.time : seconds !== 0;
  return hasTime ? `${day} ${clock(seconds, true)}` : day;
}

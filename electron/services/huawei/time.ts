/**
 * CEC's times. Campaign begin/end go out as `yyyy-MM-dd HH:mm:ss` in UTC; `callTimeStr` and the
 * result detail's times come back with no zone at all and are read in the account's time zone
 * (default Asia/Shanghai); result queries take whole days (`YYYY-MM-DD`) in that zone too.
 * Zones are IANA names resolved by Intl, so daylight-saving zones work as well.
 */

/** The zone a CEC tenant runs in unless the account says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
const STAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter of wall-clock parts in `timeZone`. @throws RangeError for an unknown zone */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is a zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of `epochMs` in `timeZone`, as fields. */
function wallClock(epochMs: number, timeZone: string): number[] {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(epochMs)))
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  return [fields.year!, fields.month!, fields.day!, fields.hour!, fields.minute!, fields.second!];
}

/** How far `timeZone` is ahead of UTC at `epochMs` (ms). */
function offsetAt(epochMs: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = wallClock(epochMs, timeZone);
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - Math.floor(epochMs / 1000) * 1000;
}

/** `yyyy-MM-dd HH:mm:ss` of `epochMs` in UTC. */
export function formatUtcStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** `yyyy-MM-dd HH:mm:ss` of `epochMs` in `timeZone`. */
export function formatZonedStamp(epochMs: number, timeZone: string): string {
  const [y, mo, d, h, mi, s] = wallClock(epochMs, timeZone);
  return `${pad(y!, 4)}-${pad(mo!)}-${pad(d!)} ${pad(h!)}:${pad(mi!)}:${pad(s!)}`;
}

/** `YYYY-MM-DD` of `epochMs` in `timeZone`. */
export function formatZonedDay(epochMs: number, timeZone: string): string {
  return formatZonedStamp(epochMs, timeZone).slice(0, 10);
}

function stampFields(text: string): number[] | null {
  const m = STAMP.exec(text.trim());
  if (!m) return null;
  const f = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const [y, mo, d, h, mi, s] = f as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject 2024-02-30 and 25:00 rather than letting Date roll them over.
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return f;
}

/** A UTC `yyyy-MM-dd HH:mm:ss` as epoch ms; null when it is not one. */
export function parseUtcStamp(text: string): number | null {
  const f = stampFields(text);
  return f ? Date.UTC(f[0]!, f[1]! - 1, f[2]!, f[3]!, f[4]!, f[5]!) : null;
}

/**
 * A zoneless `yyyy-MM-dd HH:mm:ss` read as the wall clock in `timeZone`, as epoch ms; null when
 * it is not a valid stamp. A wall clock that happens twice (the hour a daylight-saving zone
 * falls back) is the first instant; one that never happens (the hour it springs forward) is read
 * with the offset before the jump.
 */
export function parseZonedStamp(text: string, timeZone: string): number | null {
  const f = stampFields(text);
  if (!f) return null;
  const asUtc = Date.UTC(f[0]!, f[1]! - 1, f[2]!, f[3]!, f[4]!, f[5]!);
  // Offsets change at most a few times a year: the ones 14 h either side cover every candidate.
  const before = asUtc - offsetAt(asUtc - 14 * 3_600_000, timeZone);
  const after = asUtc - offsetAt(asUtc + 14 * 3_600_000, timeZone);
  const fits = [before, after].filter((t) => t + offsetAt(t, timeZone) === asUtc);
  return fits.length > 0 ? Math.min(...fits) : before;
}

/** A `YYYY-MM-DD` window of days; both ends are days in the account's zone. */
export interface DayWindow {
  beginTime: string;
  endTime: string;
}

/** The longest distance a result query may span, in days (`endTime − beginTime`). */
export const MAX_WINDOW_DAYS = 30;

function dayNumber(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function dayText(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Splits the days from `from` to `to` (epoch ms, read in `timeZone`) into windows at most
 * {@link MAX_WINDOW_DAYS} apart. Neighbouring windows share their boundary day, because the
 * document does not say whether `endTime` includes its day: a call on it is then fetched twice
 * (and deduplicated by id) rather than possibly never.
 */
export function splitDayWindows(from: number, to: number, timeZone: string): DayWindow[] {
  if (!(to >= from)) throw new RangeError('the window ends before it begins');
  const first = dayNumber(formatZonedDay(from, timeZone));
  const last = dayNumber(formatZonedDay(to, timeZone));
  const windows: DayWindow[] = [];
  for (let start = first; ; start += MAX_WINDOW_DAYS) {
    const end = Math.min(start + MAX_WINDOW_DAYS, last);
    windows.push({ beginTime: dayText(start), endTime: dayText(end) });
    if (end >= last) return windows;
  }
}

/**
 * Calling hours: several `HH:mm-HH:mm` ranges in local time. One-digit hours (`8:00-19:00`, as
 * the vendor demo sends) are accepted and sent padded; `24:00` is allowed as an end (the end of
 * the day). Ranges must not overlap; touching ranges (`09:00-12:00,12:00-14:00`) are allowed,
 * since an end is exclusive. The normalised form is padded and sorted by start.
 */

export const MAX_CALLING_RANGES = 10;

/** A range in minutes since local midnight, end exclusive. */
export interface MinuteRange {
  start: number;
  end: number;
}

/** What is wrong with calling hours; `index` is the range's position in the input. */
export type HoursProblem =
  | { code: 'tasks.hours_required' }
  | { code: 'tasks.hours_too_many'; params: { max: number } }
  | { code: 'tasks.hours_format'; index: number; params: { range: string } }
  | { code: 'tasks.hours_order'; index: number; params: { range: string } }
  | { code: 'tasks.hours_overlap'; index: number; params: { range: string; other: string } };

const RANGE = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `HH:mm` of a minute of the day (1440 → `24:00`). */
export function formatMinute(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** `HH:mm-HH:mm` of a range. */
export function formatRange(range: MinuteRange): string {
  return `${formatMinute(range.start)}-${formatMinute(range.end)}`;
}

/** Parses one range; `format` when it is not `H:mm-H:mm` of real times, `order` when it ends first. */
export function parseRange(text: string): MinuteRange | 'format' | 'order' {
  const m = RANGE.exec(text.trim());
  if (!m) return 'format';
  const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (h1 > 23 || m1 > 59 || m2 > 59 || h2 > 24 || (h2 === 24 && m2 !== 0)) return 'format';
  const range = { start: h1 * 60 + m1, end: h2 * 60 + m2 };
  return range.start >= range.end ? 'order' : range;
}

/** Splits a provider value (`09:00-12:00,14:00-18:00`) into its ranges. */
export function splitCallingHours(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Checks calling hours and answers either every problem found or the normalised ranges.
 * @param ranges the ranges as typed (blank entries count as malformed)
 */
export function checkCallingHours(
  ranges: readonly string[],
): { ok: true; normalized: string[] } | { ok: false; problems: HoursProblem[] } {
  if (ranges.length === 0) return { ok: false, problems: [{ code: 'tasks.hours_required' }] };
  if (ranges.length > MAX_CALLING_RANGES) {
    return { ok: false, problems: [{ code: 'tasks.hours_too_many', params: { max: MAX_CALLING_RANGES } }] };
  }
  const problems: HoursProblem[] = [];
  const parsed: { index: number; range: MinuteRange }[] = [];
  ranges.forEach((text, index) => {
    const result = parseRange(text);
    const shown = text.trim();
    if (result === 'format') problems.push({ code: 'tasks.hours_format', index, params: { range: shown } });
    else if (result === 'order')
      problems.push({ code: 'tasks.hours_order', index, params: { range: shown } });
    else parsed.push({ index, range: result });
  });
  for (let i = 0; i < parsed.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = parsed[i]!;
      const b = parsed[j]!;
      if (a.range.start < b.range.end && b.range.start < a.range.end) {
        problems.push({
          code: 'tasks.hours_overlap',
          index: a.index,
          params: { range: formatRange(a.range), other: formatRange(b.range) },
        });
        break;
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const normalized = parsed
    .map((p) => p.range)
    .sort((a, b) => a.start - b.start)
    .map(formatRange);
  return { ok: true, normalized };
}

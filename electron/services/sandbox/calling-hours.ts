/**
 * Calling hours (`call_time_slot`) and the validity window.
 *
 * Time-zone choice: the document does not say in which zone `10:00-19:00` is meant (the vendor
 * runs in China Standard Time). The sandbox evaluates calling hours in the machine's local
 * time zone so that a demo started at 10:00 on the operator's clock dials at once, wherever the
 * machine is. Tests build their instants with the local-time `Date` constructor, so they hold in
 * any zone.
 */

/** One calling window in minutes since local midnight, end exclusive. */
export interface TimeSlot {
  startMinute: number;
  endMinute: number;
}

export interface ParsedSlots {
  slots: TimeSlot[];
  /** The value as the sandbox reports it back: `HH:mm-HH:mm` with two-digit hours. */
  normalized: string;
}

const SLOT = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/;

function minuteOf(hours: string, minutes: string, allow24: boolean): number | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59) return null;
  if (h === 24 && m === 0 && allow24) return 24 * 60;
  if (h > 23) return null;
  return h * 60 + m;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const format = (minute: number): string => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/**
 * Parses `HH:mm-HH:mm[,HH:mm-HH:mm…]`. One-digit hours (`8:00-19:00`, as the vendor's demo
 * sends) are accepted; a window that ends before it starts (over midnight) is rejected, because
 * the document only shows same-day windows. Returns null when anything is malformed.
 */
export function parseCallTimeSlot(text: string): ParsedSlots | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p === '')) return null;
  const slots: TimeSlot[] = [];
  for (const part of parts) {
    const m = SLOT.exec(part);
    if (!m) return null;
    const start = minuteOf(m[1]!, m[2]!, false);
    const end = minuteOf(m[3]!, m[4]!, true);
    if (start === null || end === null || start >= end) return null;
    slots.push({ startMinute: start, endMinute: end });
  }
  return {
    slots,
    normalized: slots.map((s) => `${format(s.startMinute)}-${format(s.endMinute)}`).join(','),
  };
}

/** Minutes since local midnight (fractional), for an epoch millisecond instant. */
export function localMinuteOfDay(epochMs: number): number {
  const d = new Date(epochMs);
  return d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60 + d.getMilliseconds() / 60000;
}

/** Whether the instant falls inside one of the calling windows (local time). */
export function insideCallingHours(slots: readonly TimeSlot[], epochMs: number): boolean {
  const minute = localMinuteOfDay(epochMs);
  return slots.some((s) => minute >= s.startMinute && minute < s.endMinute);
}

/** The next whole minute after `epochMs`: calling windows can only open or close on one. */
export function nextMinuteBoundary(epochMs: number): number {
  return Math.floor(epochMs / 60_000) * 60_000 + 60_000;
}

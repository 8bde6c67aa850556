/**
 * Local-time buckets for the completed-calls chart: the 24 hours of today and the 7 days of
 * this week (Monday first, as operators in China count weeks). Boundaries come from the local
 * `Date` constructor, so a day with a daylight-saving change still has the right hours.
 */

export interface TimeBucket {
  /** Inclusive start (epoch ms). */
  start: number;
  /** Exclusive end (epoch ms). */
  end: number;
}

/** The 24 local hours of the day containing `now`. */
export function hoursOfToday(now: number): TimeBucket[] {
  const d = new Date(now);
  const [y, m, day] = [d.getFullYear(), d.getMonth(), d.getDate()];
  return Array.from({ length: 24 }, (_, h) => ({
    start: new Date(y, m, day, h).getTime(),
    end: h === 23 ? new Date(y, m, day + 1).getTime() : new Date(y, m, day, h + 1).getTime(),
  }));
}

/** The 7 local days, Monday to Sunday, of the week containing `now`. */
export function daysOfThisWeek(now: number): TimeBucket[] {
  const d = new Date(now);
  const sinceMonday = (d.getDay() + 6) % 7;
  const [y, m, monday] = [d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday];
  return Array.from({ length: 7 }, (_, i) => ({
    start: new Date(y, m, monday + i).getTime(),
    end: new Date(y, m, monday + i + 1).getTime(),
  }));
}

/**
 * The completed-calls chart: the provider's count for each local hour of today and each day of
 * this week. Today's day is the sum of its hours (one request fewer per id batch). A provider
 * that cannot count calls over time (Huawei CEC: CC-iSales has no calls_count) is charted from
 * the calls synced into this app by their start time, when the host gives that count
 * (`synced`); the stats then say so (`source: 'synced'`). Without either the buckets are empty.
 *
 * Hours and days still ahead of this machine's clock are asked too: a provider stamps calls by
 * its own clock, which may run ahead of ours (the embedded sandbox dials on a fast clock; a
 * server's clock may simply be fast). Asking only up to "now" left those calls out, so the
 * chart stayed at 130 while the task's counters said 3,071 dialled. A bucket ahead that holds
 * no call stays empty (null: no bar), as before.
 */
import type { CallBucket, TaskStats } from '../../../shared/tasks';
import type { Provider, TimeBucket } from '../providers/types';
import { daysOfThisWeek, hoursOfToday } from './buckets';

/** Stored calls per task that started in each bucket (the results store's count). */
export type SyncedCallCounter = (
  ids: readonly string[],
  buckets: readonly TimeBucket[],
) => Map<string, number>[];

/** Chart data for each id, in the order given. */
export async function computeStats(
  provider: Provider,
  ids: string[],
  now: number,
  synced?: SyncedCallCounter,
): Promise<TaskStats[]> {
  if (ids.length === 0) return [];
  const counter: SyncedCallCounter | null = provider.callsOverTime ? null : (synced ?? null);
  const source: TaskStats['source'] = provider.callsOverTime ? 'provider' : counter ? 'synced' : 'none';
  const hours = hoursOfToday(now);
  const days = daysOfThisWeek(now);
  const todayStart = hours[0]!.start;
  const todayEnd = hours.at(-1)!.end;
  const otherDays = days.filter((b) => b.end <= todayStart || b.start >= todayEnd);
  const count = async (buckets: TimeBucket[]): Promise<(Map<string, number> | null)[]> => {
    if (buckets.length === 0) return [];
    if (provider.callsOverTime) return provider.callsOverTime(ids, buckets);
    if (counter) return counter(ids, buckets);
    return buckets.map(() => null);
  };
  const [hourCounts, dayCounts] = await Promise.all([count(hours), count(otherDays)]);
  /** A bucket's count; null when the provider cannot count, or when it is ahead and empty. */
  const cell = (bucket: TimeBucket, counts: Map<string, number> | null | undefined, taskId: string) => {
    if (!counts) return null;
    const n = counts.get(taskId) ?? 0;
    return bucket.start > now && n === 0 ? null : n;
  };
  return ids.map((taskId) => {
    const today: CallBucket[] = hours.map((b, i) => ({ ...b, count: cell(b, hourCounts[i], taskId) }));
    const todayTotal = today.reduce((sum, b) => sum + (b.count ?? 0), 0);
    const week: CallBucket[] = days.map((b) => {
      if (b.start === todayStart) return { ...b, count: source === 'none' ? null : todayTotal };
      return { ...b, count: cell(b, dayCounts[otherDays.indexOf(b)], taskId) };
    });
    return { taskId, today, week, source };
  });
}

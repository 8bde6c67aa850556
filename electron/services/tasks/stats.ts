/**
 * The completed-calls chart: the provider's count for each local hour of today that has begun
 * and each earlier day of this week. Today's day is the sum of its hours (one request fewer per
 * id batch). A provider that cannot count calls over time gets empty buckets here.
 */
import type { CallBucket, TaskStats } from '../../../shared/tasks';
import type { Provider, TimeBucket } from '../providers/types';
import { daysOfThisWeek, hoursOfToday } from './buckets';

/** Chart data for each id, in the order given. */
export async function computeStats(provider: Provider, ids: string[], now: number): Promise<TaskStats[]> {
  if (ids.length === 0) return [];
  const hours = hoursOfToday(now);
  const days = daysOfThisWeek(now);
  const todayStart = hours[0]!.start;
  const askedHours = hours.filter((b) => b.start <= now);
  const askedDays = days.filter((b) => b.end <= todayStart);
  const count = async (buckets: TimeBucket[]) =>
    provider.callsOverTime && buckets.length > 0
      ? provider.callsOverTime(ids, buckets)
      : buckets.map(() => null);
  const [hourCounts, dayCounts] = await Promise.all([count(askedHours), count(askedDays)]);
  return ids.map((taskId) => {
    const today: CallBucket[] = hours.map((b, i) => {
      const counts = i < askedHours.length ? hourCounts[i] : undefined;
      return { ...b, count: counts ? (counts.get(taskId) ?? 0) : null };
    });
    const todayTotal = today.reduce((sum, b) => sum + (b.count ?? 0), 0);
    const week: CallBucket[] = days.map((b, i) => {
      const counts = i < askedDays.length ? dayCounts[i] : undefined;
      if (counts) return { ...b, count: counts.get(taskId) ?? 0 };
      return { ...b, count: b.start === todayStart && provider.callsOverTime ? todayTotal : null };
    });
    return { taskId, today, week };
  });
}

/**
 * The completed-calls chart: calls_count for each local hour of today that has begun and each
 * earlier day of this week. calls_count counts calls whose start lies in [begin, end] (both
 * inclusive), so each bucket asks up to `end − 1` and no call is counted twice. Today's day is
 * the sum of its hours (one request fewer per id batch). Up to 30 windows per 15 ids; the client
 * splits the ids and bounds the requests in flight.
 */
import type { CallBucket, TaskStats } from '../../../shared/tasks';
import type { SobotClient } from '../sobot/index';
import { daysOfThisWeek, hoursOfToday, type TimeBucket } from './buckets';

type Counts = Map<string, number>;

async function countIn(client: SobotClient, ids: string[], bucket: TimeBucket): Promise<Counts> {
  const entries = await client.callsCount({
    taskid: ids,
    begin_time: bucket.start,
    end_time: bucket.end - 1,
  });
  return new Map(entries.map((e) => [e.taskid, e.count]));
}

/** Chart data for each id, in the order given. */
export async function computeStats(client: SobotClient, ids: string[], now: number): Promise<TaskStats[]> {
  if (ids.length === 0) return [];
  const hours = hoursOfToday(now);
  const days = daysOfThisWeek(now);
  const started = (b: TimeBucket): boolean => b.start <= now;
  const todayStart = hours[0]!.start;
  const [hourCounts, dayCounts] = await Promise.all([
    Promise.all(hours.map((b) => (started(b) ? countIn(client, ids, b) : null))),
    Promise.all(days.map((b) => (b.end <= todayStart ? countIn(client, ids, b) : null))),
  ]);
  return ids.map((taskId) => {
    const today: CallBucket[] = hours.map((b, i) => ({
      ...b,
      count: hourCounts[i] ? (hourCounts[i].get(taskId) ?? 0) : null,
    }));
    const todayTotal = today.reduce((sum, b) => sum + (b.count ?? 0), 0);
    const week: CallBucket[] = days.map((b, i) => {
      const counts = dayCounts[i];
      if (counts) return { ...b, count: counts.get(taskId) ?? 0 };
      return { ...b, count: b.start === todayStart ? todayTotal : null };
    });
    return { taskId, today, week };
  });
}

import { describe, expect, it } from 'vitest';
import type { Provider, TimeBucket } from '../../../electron/services/providers/types';
import { computeStats } from '../../../electron/services/tasks/stats';

/** A provider whose calls were stamped by a clock `aheadMs` ahead of ours, one call a minute. */
function providerAhead(now: number, aheadMs: number, calls: number): Provider {
  const stamps = Array.from({ length: calls }, (_, i) => now + aheadMs - i * 60_000);
  return {
    callsOverTime: (ids: readonly string[], buckets: readonly TimeBucket[]) =>
      Promise.resolve(
        buckets.map(
          (b) => new Map(ids.map((id) => [id, stamps.filter((s) => s >= b.start && s < b.end).length])),
        ),
      ),
  } as unknown as Provider;
}

describe('the completed-calls chart', () => {
  it('counts calls a provider stamped ahead of this machine’s clock, so it adds up to the counters', async () => {
    // Wednesday 10:30 here; the provider's clock is 5 hours ahead and 300 calls were made.
    const now = new Date(2026, 11, 2, 10, 30).getTime();
    const [stats] = await computeStats(providerAhead(now, 5 * 3_600_000, 300), ['t'], now);
    const today = stats!.today.map((b) => b.count);
    expect(today.reduce<number>((sum, c) => sum + (c ?? 0), 0)).toBe(300);
    expect(today[15]).toBe(31); // 15:00–15:30 on the provider's clock
    // Hours ahead with no call stay empty, as do the days ahead.
    expect(today.slice(16).every((c) => c === null)).toBe(true);
    expect(stats!.week.map((b) => b.count)).toEqual([0, 0, 300, null, null, null, null]);
  });
});

describe('the chart of a provider that cannot count calls over time (Huawei CEC)', () => {
  it('counts the calls synced into this app, and says so', async () => {
    const now = new Date(2026, 11, 2, 10, 30).getTime();
    const stamps = [now - 60_000, now - 2 * 3_600_000, now - 26 * 3_600_000];
    const synced = (ids: readonly string[], buckets: readonly TimeBucket[]) =>
      buckets.map(
        (b) => new Map(ids.map((id) => [id, stamps.filter((s) => s >= b.start && s < b.end).length])),
      );
    const provider = {} as unknown as Provider;
    const [stats] = await computeStats(provider, ['t'], now, synced);
    expect(stats!.source).toBe('synced');
    const today = stats!.today.map((b) => b.count);
    expect(today[10]).toBe(1);
    expect(today[8]).toBe(1);
    expect(stats!.week.map((b) => b.count)).toEqual([0, 1, 2, null, null, null, null]);
    // Without a count of synced calls the chart stays empty.
    const [none] = await computeStats(provider, ['t'], now);
    expect(none!.source).toBe('none');
    expect(none!.week.every((b) => b.count === null)).toBe(true);
  });
});

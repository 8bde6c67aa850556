/** CEC times: UTC campaign stamps, zoneless stamps in the account's zone, 30-day windows. */
import { describe, expect, it } from 'vitest';
import {
  formatZonedStamp,
  MAX_WINDOW_DAYS,
  parseZonedStamp,
  splitDayWindows,
} from '../../../electron/services/huawei';
import { formatUtcStamp, parseUtcStamp } from '../../../electron/services/huawei/time';

const DAY = 86_400_000;

describe('CEC time', () => {
  it('writes and reads UTC stamps', () => {
    expect(formatUtcStamp(Date.UTC(2024, 2, 4, 1, 2, 3))).toBe('2024-03-04 01:02:03');
    expect(parseUtcStamp('2024-03-04 01:02:03')).toBe(Date.UTC(2024, 2, 4, 1, 2, 3));
    expect(parseUtcStamp('2024-02-30 01:02:03')).toBeNull();
    expect(parseUtcStamp('yesterday')).toBeNull();
  });

  it('reads zoneless stamps in the given zone, across daylight saving', () => {
    expect(parseZonedStamp('2020-08-30 20:00:00', 'Asia/Shanghai')).toBe(Date.UTC(2020, 7, 30, 12));
    expect(parseZonedStamp('2024-01-15 12:00:00', 'Europe/Berlin')).toBe(Date.UTC(2024, 0, 15, 11));
    expect(parseZonedStamp('2024-07-15 12:00:00', 'Europe/Berlin')).toBe(Date.UTC(2024, 6, 15, 10));
    // 02:30 does not exist on 31 March 2024 in Berlin; 02:30 on 27 October happens twice.
    expect(parseZonedStamp('2024-03-31 02:30:00', 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(parseZonedStamp('2024-10-27 02:30:00', 'Europe/Berlin')).toBe(Date.UTC(2024, 9, 27, 0, 30));
    expect(formatZonedStamp(Date.UTC(2020, 7, 30, 12), 'Asia/Shanghai')).toBe('2020-08-30 20:00:00');
  });

  it('keeps a span of at most 30 days in one window', () => {
    const from = Date.UTC(2024, 0, 1, 2); // 10:00 in Shanghai
    expect(splitDayWindows(from, from + 30 * DAY, 'Asia/Shanghai')).toEqual([
      { beginTime: '2024-01-01', endTime: '2024-01-31' },
    ]);
    expect(splitDayWindows(from, from, 'Asia/Shanghai')).toEqual([
      { beginTime: '2024-01-01', endTime: '2024-01-01' },
    ]);
  });

  it('splits longer spans into windows ≤ 30 days that share their boundary day and cover every day', () => {
    const from = Date.UTC(2024, 0, 1, 2);
    const to = from + 100 * DAY;
    const windows = splitDayWindows(from, to, 'Asia/Shanghai');
    expect(windows).toEqual([
      { beginTime: '2024-01-01', endTime: '2024-01-31' },
      { beginTime: '2024-01-31', endTime: '2024-03-01' },
      { beginTime: '2024-03-01', endTime: '2024-03-31' },
      { beginTime: '2024-03-31', endTime: '2024-04-10' },
    ]);
    for (const w of windows)
      expect((Date.parse(w.endTime) - Date.parse(w.beginTime)) / DAY).toBeLessThanOrEqual(MAX_WINDOW_DAYS);
    for (let i = 1; i < windows.length; i++) expect(windows[i]!.beginTime).toBe(windows[i - 1]!.endTime);
  });

  it('counts days in the account’s zone, not UTC', () => {
    // 23:30 UTC on 31 Jan is 1 Feb in Shanghai.
    const w = splitDayWindows(Date.UTC(2024, 0, 31, 23, 30), Date.UTC(2024, 1, 2), 'Asia/Shanghai');
    expect(w[0]!.beginTime).toBe('2024-02-01');
    expect(() => splitDayWindows(2, 1, 'Asia/Shanghai')).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../../renderer/src/i18n/formatters';

// 2026-12-02 04:10:27 local time, whatever zone the machine is in.
const AT = new Date(2026, 11, 2, 4, 10, 27).getTime();
const MIDNIGHT = new Date(2026, 11, 2, 0, 0, 0).getTime();

describe('the per-language formatters every screen uses', () => {
  it('write zh-CN moments as YYYY-MM-DD HH:mm:ss, 24-hour', () => {
    const zh = FORMATTERS['zh-CN'];
    expect(zh.dateTime(AT)).toBe('2026-12-02 04:10:27');
    expect(zh.date(AT)).toBe('2026-12-02');
    expect(zh.time(MIDNIGHT)).toBe('00:00');
    expect(zh.dateTime(null)).toBe('—');
  });

  it('keep English on 24-hour time too, never AM/PM', () => {
    const en = FORMATTERS.en;
    expect(en.dateTime(AT)).toBe('Dec 2, 2026 04:10:27');
    expect(en.time(new Date(2026, 11, 2, 16, 5).getTime())).toBe('16:05');
    expect(en.dateTime(AT)).not.toMatch(/AM|PM/);
  });

  it('pick English plurals by Intl.PluralRules and group numbers', () => {
    const en = FORMATTERS.en;
    const forms = { one: '{count} request', other: '{count} requests' };
    expect(en.plural(1, forms)).toBe('1 request');
    expect(en.plural(2, forms)).toBe('2 requests');
    expect(en.plural(0, forms)).toBe('0 requests');
    expect(en.plural(12_345, forms)).toBe('12,345 requests');
    expect(FORMATTERS['zh-CN'].plural(1, { other: '{count} 批' })).toBe('1 批');
    expect(FORMATTERS['zh-CN'].number(100_000)).toBe('100,000');
  });
});

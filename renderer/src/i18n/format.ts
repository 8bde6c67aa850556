import dayjs from 'dayjs';
import type { Locale } from '../../../shared/locale';
import { usePrefsStore } from '../app/prefsStore';

/** The text of a plural message in each form the language has (zh-CN uses `other` only). */
export interface PluralForms {
  one?: string;
  other: string;
}

/** Dates, times, numbers and plurals the way one interface language writes them. */
export interface Formatter {
  readonly locale: Locale;
  /** A moment: `2026-12-02 04:10:27` in zh-CN; 24-hour in every language. Dash for none. */
  dateTime(ms: number | null | undefined): string;
  /** A day: `2026-12-02`. */
  date(ms: number | null | undefined): string;
  /** A time of day: `04:10`. */
  time(ms: number | null | undefined): string;
  /** The dayjs pattern of `dateTime`, for antd's DatePicker/TimePicker `format`. */
  readonly dateTimePattern: string;
  readonly datePattern: string;
  readonly timePattern: string;
  /** A count or amount with the language's grouping (`12,345`). */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A share in 0..1 as a percentage. */
  percent(share: number): string;
  /** Picks the plural form for `count` (Intl.PluralRules) and fills `{count}` and `params`. */
  plural(count: number, forms: PluralForms, params?: Record<string, string | number>): string;
}

const NONE = '—';

function makeFormatter(
  locale: Locale,
  patterns: { dateTime: string; date: string; time: string },
): Formatter {
  const dayjsLocale = locale === 'zh-CN' ? 'zh-cn' : 'en';
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const rules = new Intl.PluralRules(locale);
  const at = (pattern: string) => (ms: number | null | undefined) =>
    ms === null || ms === undefined || !Number.isFinite(ms)
      ? NONE
      : dayjs(ms).locale(dayjsLocale).format(pattern);
  return {
    locale,
    dateTime: at(patterns.dateTime),
    date: at(patterns.date),
    time: at(patterns.time),
    dateTimePattern: patterns.dateTime,
    datePattern: patterns.date,
    timePattern: patterns.time,
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options) : numbers).format(value),
    percent: (share) => percents.format(share),
    plural(count, forms, params) {
      const form = rules.select(count) === 'one' && forms.one !== undefined ? forms.one : forms.other;
      const values: Record<string, string | number> = { ...params, count: numbers.format(count) };
      return form.replace(/\{(\w+)\}/g, (whole, key: string) =>
        key in values ? String(values[key]) : whole,
      );
    },
  };
}

/** One formatter per interface language; every screen formats through these. */
export const FORMATTERS: Record<Locale, Formatter> = {
  'zh-CN': makeFormatter('zh-CN', { dateTime: 'YYYY-MM-DD HH:mm:ss', date: 'YYYY-MM-DD', time: 'HH:mm' }),
  en: makeFormatter('en', { dateTime: 'MMM D, YYYY HH:mm:ss', date: 'MMM D, YYYY', time: 'HH:mm' }),
};

/** The formatter for the current interface language. */
export function useFormat(): Formatter {
  return FORMATTERS[usePrefsStore((state) => state.prefs.locale)];
}

/** The languages the app speaks. zh-CN is the default: most operators work in Chinese. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text given in every supported language. */
export type Localized = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the closest supported locale for an OS or browser language tag
 * (`zh`, `zh-Hans-CN`, `zh-TW` all read Chinese; anything else English).
 */
export function localeFromTag(tag: string | undefined | null): Locale {
  if (!tag) return DEFAULT_LOCALE;
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Fills `{name}` placeholders in a localised template. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

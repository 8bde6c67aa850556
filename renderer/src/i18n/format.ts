import { usePrefsStore } from '../app/prefsStore';
import { FORMATTERS, type Formatter } from './formatters';

export type { Formatter, PluralForms } from './formatters';
export { FORMATTERS } from './formatters';

/** The formatter for the current interface language. */
export function useFormat(): Formatter {
  return FORMATTERS[usePrefsStore((state) => state.prefs.locale)];
}

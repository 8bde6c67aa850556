import type { Locale, Localized } from '../../../../shared/locale';
import { usePrefsStore } from '../../app/prefsStore';

/** The interface language, for texts kept in shared code tables (statuses, rule messages). */
export function useLocale(): Locale {
  return usePrefsStore((state) => state.prefs.locale);
}

/** Picks a shared table's text in the interface language. */
export function useLocalized(): (text: Localized) => string {
  const locale = useLocale();
  return (text) => text[locale];
}

import { format, type Locale } from '../../../shared/locale';
import { usePrefsStore } from '../app/prefsStore';
import { en, zhCN, type MessageKey, type Messages } from './messages';

const CATALOGS: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The translate function for the current interface language. */
export function useT(): Translate {
  const locale = usePrefsStore((state) => state.prefs.locale);
  const messages = CATALOGS[locale];
  return (key, params) => format(messages[key], params);
}

/** Language names are shown in their own language, whatever the current one. */
export const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

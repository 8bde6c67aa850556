import { DEFAULT_LOCALE, type Locale } from './locale';

/** The appearance choices; `system` follows the OS light/dark setting. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** UI preferences. Never secrets: these live in electron-store or a JSON file. */
export interface Prefs {
  /** The interface language; zh-CN until the user switches. */
  locale: Locale;
  theme: Theme;
  /** Check the update feed for a newer version (off until the operator turns it on). */
  updates: boolean;
  /** The generic update feed (the folder holding latest.yml / latest-mac.yml); https. */
  updateFeedUrl: string | null;
}

/** A partial update: only the keys present change. */
export type PrefsPatch = Partial<Prefs>;

export const DEFAULT_PREFS: Prefs = {
  locale: DEFAULT_LOCALE,
  theme: 'system',
  updates: false,
  updateFeedUrl: null,
};

/** Longest update feed URL kept. */
export const MAX_FEED_URL = 2048;

import type { Prefs, PrefsPatch } from '../../../shared/prefs';
import { sanitizePrefs } from '../../../shared/schemas/prefs';
import type { SettingsFile } from '../settings/settingsFile';

/** The settings file name (electron-store `name`) that holds the preferences. */
export const PREFS_FILE_NAME = 'preferences';

/** UI preferences. Never holds secrets. */
export interface PrefsStore {
  get(): Prefs;
  /** Applies a validated patch and answers the full preferences after it. */
  set(patch: PrefsPatch): Prefs;
}

/** Preferences under the `prefs` key of a settings file; bad stored values read as defaults. */
export function createPrefsStore(file: SettingsFile): PrefsStore {
  return {
    get: () => sanitizePrefs(file.read('prefs')),
    set(patch) {
      const next = { ...sanitizePrefs(file.read('prefs')), ...patch };
      file.write('prefs', next);
      return next;
    },
  };
}

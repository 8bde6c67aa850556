import { join } from 'node:path';
import { createJsonSettingsFile } from '../settings/settingsFile';
import { createPrefsStore, PREFS_FILE_NAME, type PrefsStore } from './store';

export const PREFS_FILE = `${PREFS_FILE_NAME}.json`;

/**
 * Preferences in `<dataDir>/preferences.json`, for the CLI and the harness: the file and layout
 * electron-store writes in the desktop app (`{ "prefs": { … } }`).
 */
export function createJsonFilePrefs(dataDir: string): PrefsStore {
  return createPrefsStore(createJsonSettingsFile(join(dataDir, PREFS_FILE)));
}

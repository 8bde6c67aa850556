import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Prefs, PrefsPatch } from '../../../shared/prefs';
import { sanitizePrefs } from '../../../shared/schemas/prefs';
import { AppFailure } from '../contract/failure';
import { writeFileAtomic } from '../fsAtomic';
import type { PrefsStore } from './store';

export const PREFS_FILE = 'preferences.json';

/**
 * Preferences in `<dataDir>/preferences.json`, for the CLI and the harness. A missing or
 * corrupt file reads as defaults (the app must start); writes are atomic.
 */
export function createJsonFilePrefs(dataDir: string): PrefsStore {
  const path = join(dataDir, PREFS_FILE);
  const read = (): Prefs => {
    try {
      return sanitizePrefs(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      return sanitizePrefs(undefined);
    }
  };
  return {
    get: read,
    set(patch: PrefsPatch): Prefs {
      const next = { ...read(), ...patch };
      try {
        writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
      } catch (error) {
        throw AppFailure.of('prefs.write_failed', error instanceof Error ? error.message : undefined);
      }
      return next;
    },
  };
}

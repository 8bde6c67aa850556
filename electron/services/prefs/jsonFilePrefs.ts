import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Prefs, PrefsPatch } from '../../../shared/prefs';
import { sanitizePrefs } from '../../../shared/schemas/prefs';
import { AppFailure } from '../contract/failure';
import { writeFileAtomic } from '../fsAtomic';
import type { PrefsStore } from './store';

export const PREFS_FILE = 'preferences.json';

/**
 * Preferences in `<dataDir>/preferences.json`, for the CLI and the harness. The layout is the
 * one electron-store writes in the desktop app (`{ "prefs": { … } }`, same file name), so all
 * hosts pointed at one data folder share one set of preferences. A missing or corrupt file
 * reads as defaults (the app must start); writes are atomic and keep unknown top-level keys.
 */
export function createJsonFilePrefs(dataDir: string): PrefsStore {
  const path = join(dataDir, PREFS_FILE);
  const readFile = (): Record<string, unknown> => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  };
  const read = (): Prefs => sanitizePrefs(readFile().prefs);
  return {
    get: read,
    set(patch: PrefsPatch): Prefs {
      const file = readFile();
      const next = { ...sanitizePrefs(file.prefs), ...patch };
      try {
        writeFileAtomic(path, `${JSON.stringify({ ...file, prefs: next }, null, 2)}\n`);
      } catch (error) {
        throw AppFailure.of('prefs.write_failed', error instanceof Error ? error.message : undefined);
      }
      return next;
    },
  };
}

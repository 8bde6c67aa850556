import { readFileSync } from 'node:fs';
import { AppFailure } from '../contract/failure';
import { writeFileAtomic } from '../fsAtomic';

/**
 * A small JSON document of settings (preferences, account profiles — never secrets). The
 * desktop app backs it with electron-store; the CLI and the harness with a JSON file of the
 * same name and layout, so every host pointed at one data folder sees the same settings.
 */
export interface SettingsFile {
  read(key: string): unknown;
  write(key: string, value: unknown): void;
}

/**
 * A SettingsFile at `path`. A missing or corrupt file reads as empty (the app must start);
 * writes are atomic and keep the keys they do not touch.
 */
export function createJsonSettingsFile(path: string): SettingsFile {
  const readAll = (): Record<string, unknown> => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  };
  return {
    read: (key) => readAll()[key],
    write(key, value) {
      try {
        writeFileAtomic(path, `${JSON.stringify({ ...readAll(), [key]: value }, null, 2)}\n`);
      } catch (error) {
        throw AppFailure.of('settings.write_failed', error instanceof Error ? error.message : undefined);
      }
    },
  };
}

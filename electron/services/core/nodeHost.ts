import { join } from 'node:path';
import { createJsonSettingsFile, type SettingsFile } from '../settings/settingsFile';
import { readAppVersion } from '../version';
import { createKeyringVault } from '../vault/keyringVault';
import type { HostAdapters } from './createCore';

/**
 * The adapters of a host without Electron (the harness, the CLI): settings as JSON files in the
 * data folder, in the layout electron-store writes in the app, so every host pointed at one
 * folder shares them; the OS keychain; the version from package.json.
 */
export function nodeAdapters(
  dataDir: string,
  host: HostAdapters['host'],
  extra: Partial<HostAdapters> = {},
): HostAdapters {
  const files = new Map<string, SettingsFile>();
  return {
    dataDir,
    host,
    version: readAppVersion(),
    settingsFile: (name) => {
      let file = files.get(name);
      if (!file) files.set(name, (file = createJsonSettingsFile(join(dataDir, `${name}.json`))));
      return file;
    },
    vault: createKeyringVault(),
    ...extra,
  };
}

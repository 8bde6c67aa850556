import Store from 'electron-store';
import type { SettingsFile } from '../services/settings/settingsFile';

/** A settings file in electron-store (`<userData>/<name>.json`). Never secrets. */
export function createElectronSettingsFile(name: string): SettingsFile {
  const store = new Store<Record<string, unknown>>({ name, clearInvalidConfig: true });
  return {
    read: (key) => store.get(key),
    write: (key, value) => store.set(key, value),
  };
}

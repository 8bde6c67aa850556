import { safeStorage } from 'electron';
import { join } from 'node:path';
import { createJsonSettingsFile } from '../services/settings/settingsFile';
import type { SecretVault } from '../services/vault/vault';

/**
 * Where no OS keychain answers, Electron's safeStorage can still encrypt secrets with a key the
 * OS protects. Used only when it is real encryption (on Linux not the `basic_text` backend,
 * which is a fixed key), and Settings says plainly that it is in use.
 */
export function safeStorageUsable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function createSafeStorageVault(dataDir: string): SecretVault {
  const file = createJsonSettingsFile(join(dataDir, 'secrets.safe-storage.json'));
  const all = (): Record<string, string> => {
    const stored = file.read('entries');
    return stored && typeof stored === 'object' ? (stored as Record<string, string>) : {};
  };
  return {
    kind: 'safe-storage',
    async get(key) {
      const sealed = all()[key];
      return sealed === undefined ? null : safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    },
    async set(key, secret) {
      file.write('entries', { ...all(), [key]: safeStorage.encryptString(secret).toString('base64') });
    },
    async delete(key) {
      const { [key]: removed, ...kept } = all();
      if (removed === undefined) return false;
      file.write('entries', kept);
      return true;
    },
    check: async () => safeStorageUsable(),
  };
}

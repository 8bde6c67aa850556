import type { SettingsFile } from '../../electron/services/settings/settingsFile';
import type { SecretVault } from '../../electron/services/vault/vault';

/** Settings kept in memory, for tests that are not about files. */
export function memorySettings(): SettingsFile & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    read: (key) => structuredClone(data[key]),
    write: (key, value) => {
      data[key] = structuredClone(value);
    },
  };
}

/** A vault in memory, for tests that are not about the keychain (that one is tested for real). */
export function memoryVault(): SecretVault & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    kind: 'keychain',
    entries,
    get: async (key) => entries.get(key) ?? null,
    set: async (key, secret) => void entries.set(key, secret),
    delete: async (key) => entries.delete(key),
    check: async () => true,
  };
}

import { AsyncEntry } from '@napi-rs/keyring';
import { AppFailure } from '../contract/failure';
import type { SecretVault } from './vault';

/** The keychain "service" every entry of the app is filed under. */
export const KEYCHAIN_SERVICE = 'Campaign Desk';

/**
 * The OS keychain through @napi-rs/keyring (works in plain Node and in Electron). Keychain
 * failures become `vault.unavailable` (no keychain answers: on Linux, no Secret Service) or
 * `vault.failed` (it answered no, e.g. locked) — never a silent fallback to plain text.
 */
export function createKeyringVault(service: string = KEYCHAIN_SERVICE): SecretVault {
  const entry = (key: string): AsyncEntry => new AsyncEntry(service, key);
  const translate = (error: unknown): AppFailure => {
    const text = error instanceof Error ? error.message : String(error);
    // The binding's message names the platform failure; keep only its first line for the log.
    const detail = text.split('\n')[0];
    return /platform storage|no result found|ServiceUnknown|NoStorageAccess|not available/i.test(text)
      ? AppFailure.of('vault.unavailable', detail)
      : AppFailure.of('vault.failed', detail);
  };
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw translate(error);
    }
  };
  return {
    kind: 'keychain',
    get: (key) => guard(async () => (await entry(key).getPassword()) ?? null),
    set: (key, secret) => guard(() => entry(key).setPassword(secret)),
    delete: (key) => guard(() => entry(key).deleteCredential()),
    async check() {
      const probe = entry('campaign-desk-probe');
      try {
        await probe.setPassword('probe');
        const back = await probe.getPassword();
        await probe.deleteCredential();
        return back === 'probe';
      } catch {
        return false;
      }
    },
  };
}

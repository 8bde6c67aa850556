import { createKeyringVault } from '../../electron/services/vault/keyringVault';

/**
 * Whether a real keychain answers on this machine. `npm test` runs the unit tests inside
 * `dbus-run-session` with an unlocked gnome-keyring on Linux, so in CI it must: there a missing
 * keychain fails the tests instead of skipping them.
 */
export async function keychainStatus(): Promise<{ available: boolean; reason: string }> {
  const available = await createKeyringVault('Campaign Desk test probe').check();
  if (available) return { available, reason: '' };
  const reason =
    process.platform === 'linux'
      ? 'no Secret Service on the session bus (run through `npm test`, which starts gnome-keyring)'
      : 'the OS keychain did not answer';
  if (process.env.CI) throw new Error(`The keychain tests need a real keychain in CI: ${reason}`);
  return { available, reason };
}

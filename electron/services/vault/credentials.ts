import type { ProviderId } from '../../../shared/providers';
import type { SecretVault } from './vault';

/** An account's secret fields (provider field name → value), as one keychain entry. */
export type AccountSecrets = Record<string, string>;

const keyOf = (provider: ProviderId, accountId: string): string => `${provider}:${accountId}`;

/**
 * Each account's secrets, kept together as one keychain entry under `<provider>:<account id>`
 * (a Sobot account's `{ appid, signature }` keeps the key it always had). Read at call time by
 * main; never returned to the renderer, which learns only which are stored (and the ones its
 * provider marks revealed).
 */
export class CredentialStore {
  constructor(readonly vault: SecretVault) {}

  /** The stored secrets, or null when none are (a damaged entry reads as none: enter them again). */
  async read(provider: ProviderId, accountId: string): Promise<AccountSecrets | null> {
    const stored = await this.vault.get(keyOf(provider, accountId));
    if (stored === null) return null;
    try {
      const parsed: unknown = JSON.parse(stored);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const out: AccountSecrets = {};
        for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') out[name] = value;
        return out;
      }
    } catch {
      // fall through
    }
    return null;
  }

  /**
   * Saves the secrets given over the stored ones: a secret absent or empty keeps its stored
   * value (the form never shows secrets back).
   */
  async write(provider: ProviderId, accountId: string, given: AccountSecrets): Promise<AccountSecrets> {
    const kept = (await this.read(provider, accountId)) ?? {};
    for (const [name, value] of Object.entries(given)) if (value !== '') kept[name] = value;
    await this.vault.set(keyOf(provider, accountId), JSON.stringify(kept));
    return kept;
  }

  async remove(provider: ProviderId, accountId: string): Promise<void> {
    await this.vault.delete(keyOf(provider, accountId));
  }
}

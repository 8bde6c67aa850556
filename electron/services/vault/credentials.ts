import { AppFailure } from '../contract/failure';
import type { SecretVault } from './vault';

/** A Sobot iCall credential pair, as the vendor assigned it. */
export interface SobotCredentials {
  appid: string;
  signature: string;
}

const keyOf = (accountId: string): string => `sobot:${accountId}`;

/**
 * The appid/signature pair of each account, kept together as one keychain entry. Read at call
 * time by main; never returned to the renderer (it gets `appid` and `hasSignature` only).
 */
export class CredentialStore {
  constructor(readonly vault: SecretVault) {}

  async read(accountId: string): Promise<SobotCredentials | null> {
    const stored = await this.vault.get(keyOf(accountId));
    if (stored === null) return null;
    try {
      const parsed = JSON.parse(stored) as Partial<SobotCredentials>;
      if (typeof parsed.appid === 'string' && typeof parsed.signature === 'string') {
        return { appid: parsed.appid, signature: parsed.signature };
      }
    } catch {
      // A damaged entry reads as absent: the user is asked to enter the pair again.
    }
    return null;
  }

  /**
   * Saves the pair. `signature` may be omitted to keep the stored one (the form never shows it
   * back); saving an appid with no signature at all is refused.
   */
  async write(accountId: string, appid: string, signature: string | undefined): Promise<void> {
    const kept = signature ?? (await this.read(accountId))?.signature;
    if (!kept) throw AppFailure.of('accounts.no_credentials');
    await this.vault.set(keyOf(accountId), JSON.stringify({ appid, signature: kept }));
  }

  async remove(accountId: string): Promise<void> {
    await this.vault.delete(keyOf(accountId));
  }
}

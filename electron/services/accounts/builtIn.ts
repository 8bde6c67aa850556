/**
 * The accounts every install has: the embedded sandbox's demo tenants, one per provider it
 * simulates. Their credentials are public on purpose (see sandbox/account.ts); they are never
 * written to the keychain.
 */
import { SANDBOX_ACCOUNT_ID } from '../../../shared/accounts';
import type { ProviderId } from '../../../shared/providers';
import { SANDBOX_APPID, SANDBOX_EMAIL, SANDBOX_SIGNATURE } from '../sandbox/index';

export interface BuiltInAccount {
  id: string;
  name: string;
  provider: ProviderId;
  /** The settings, given where the sandbox serves (its base URL for this provider). */
  settings(sandboxUrl: string): Record<string, string>;
  /** What Settings shows (no address: the sandbox runs inside the app). */
  shownSettings: Record<string, string>;
  secrets: Record<string, string>;
}

export const BUILT_IN_ACCOUNTS: readonly BuiltInAccount[] = [
  {
    id: SANDBOX_ACCOUNT_ID,
    name: '沙箱 Sandbox',
    provider: 'sobot',
    settings: (url) => ({ baseUrl: url, email: SANDBOX_EMAIL }),
    shownSettings: { baseUrl: '', email: SANDBOX_EMAIL },
    secrets: { appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE },
  },
];

export function builtInAccount(id: string): BuiltInAccount | undefined {
  return BUILT_IN_ACCOUNTS.find((account) => account.id === id);
}

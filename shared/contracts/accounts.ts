import type { AccountsState, ConnectionReport } from '../accounts';
import { accountDraftSchema, accountIdSchema, optionalAccountIdSchema } from '../schemas/accounts';
import { noInput, shape } from './shape';

export const accountCalls = {
  /** Every account (the built-in sandbox first), the active one, and what keeps credentials. */
  'accounts:list': { input: noInput, output: shape<AccountsState>() },
  /**
   * Creates (no `id`) or updates an account. Its secrets go to the OS keychain and are
   * write-only: a secret absent or empty keeps the stored one.
   */
  'accounts:save': { input: accountDraftSchema, output: shape<{ id: string; state: AccountsState }>() },
  /** Removes an account and its keychain entry (not the built-in sandbox). */
  'accounts:remove': { input: accountIdSchema, output: shape<AccountsState>() },
  /** Makes an account the active one: every screen then shows its data. */
  'accounts:use': { input: accountIdSchema, output: shape<AccountsState>() },
  /** Test connection: a harmless call with the account's credentials, within 15 seconds. */
  'accounts:test': { input: optionalAccountIdSchema, output: shape<ConnectionReport>() },
} as const;

export const accountEvents = {
  /** Accounts were added, changed, removed or switched. */
  'accounts:changed': shape<AccountsState>(),
} as const;

import type { PhoneInvalidReason } from './phone';

/**
 * The do-not-call list (免打扰名单): numbers the operator has promised not to dial, kept per
 * account or for every account, normalised like list phones. Every upload plan leaves them out
 * as a problem of their own (`row.do_not_call`): never sent, counted, listed.
 */

/** Where an entry applies: one account, or every account (`null` in requests). */
export type DncScope = { kind: 'all' } | { kind: 'account'; accountId: string };

/** How an entry got onto the list. */
export type DncSource = 'manual' | 'import' | 'list' | 'call';

export interface DncEntry {
  id: number;
  /** Normalised (digits, trunk 0 kept on landlines), as list rows store it. */
  telephone: string;
  /** The account it applies to, or null for every account. */
  accountId: string | null;
  reason: string | null;
  /** Epoch ms. */
  addedAt: number;
  source: DncSource;
}

/** What an add did: numbers new to the list, numbers already on it, and numbers refused. */
export interface DncAddResult {
  added: number;
  /** Already on the list for this scope (their reason is kept). */
  already: number;
  /** Values that are not a telephone number (at most 100 listed; `invalidCount` counts all). */
  invalid: { value: string; reason: PhoneInvalidReason }[];
  invalidCount: number;
}

/** One page of the list, newest first. */
export interface DncPage {
  entries: DncEntry[];
  total: number;
}

/** Which entries to show: one account's own, every-account entries, or both (what a plan checks). */
export interface DncQuery {
  /** Default: the active account's and the every-account entries. */
  scope?: 'account' | 'all' | 'both';
  /** Digits anywhere in the number, or text in the reason. */
  search?: string;
  offset?: number;
  limit?: number;
}

/** The id of the built-in demo account served by the embedded sandbox. */
export const SANDBOX_ACCOUNT_ID = 'sandbox';

/** Defaults pre-filled when creating a task on this account. */
export interface TaskDefaults {
  templateid?: string;
  /** Caller numbers (外显号码). */
  telephone?: string[];
  /** `HH:mm-HH:mm`, several joined by commas. */
  callTimeSlot?: string;
}

/**
 * An account as the renderer sees it. The signature is never here: only whether one is
 * stored. `appid` is shown so the operator can tell accounts apart.
 */
export interface AccountView {
  id: string;
  name: string;
  provider: 'sobot';
  /** Per-account base URL; empty for the sandbox, which runs inside the app. */
  baseUrl: string;
  email: string;
  appid: string;
  hasSignature: boolean;
  builtIn: boolean;
  defaults: TaskDefaults;
}

export interface AccountsState {
  accounts: AccountView[];
  activeId: string;
  /** What keeps the credentials: shown in Settings so nothing falls back silently. */
  vault: { kind: 'keychain' | 'safe-storage'; available: boolean };
}

/**
 * What the Settings form sends. `id` absent creates an account. `signature` is write-only:
 * absent or empty keeps the stored one.
 */
export interface AccountDraft {
  id?: string;
  name: string;
  baseUrl: string;
  email?: string;
  appid: string;
  signature?: string;
  defaults?: TaskDefaults;
}

/** What "test connection" found out. */
export interface ConnectionReport {
  robotNum: number;
  /** `skipped` when the account has no login email to check. */
  login: 'passed' | 'failed' | 'skipped';
  reason?: string;
}

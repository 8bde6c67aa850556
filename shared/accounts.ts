/**
 * Accounts as the renderer sees them: one union member per provider. An account's settings are
 * the provider's non-secret fields (kept in the profile); its secrets live only in the OS
 * keychain and reach the renderer as "stored or not" — except an id the provider marks
 * `revealed` (so accounts can be told apart), never a key.
 */
import type { Localized } from './locale';
import type { ProviderId, ProviderInfo } from './providers';

/** The id of the built-in demo account served by the embedded sandbox. */
export const SANDBOX_ACCOUNT_ID = 'sandbox';
/** The id of the built-in demo Huawei CEC tenant, served by the same embedded sandbox. */
export const SANDBOX_CEC_ACCOUNT_ID = 'sandbox-cec';

/** Each provider's settings and secret field names (their specs are in `ProviderInfo`). */
export interface ProviderAccountShapes {
  sobot: { settings: { baseUrl: string; email: string }; secrets: 'appid' | 'signature' };
  'huawei-cec': {
    settings: {
      baseUrl: string;
      qcDomain: string;
      vdnId: string;
      ccId: string;
      timeZone: string;
      caPem: string;
      callerNumbers: string;
      flows: string;
    };
    secrets: 'ak' | 'sk' | 'qc_app_key' | 'qc_app_secret';
  };
}

/** Defaults pre-filled when creating a task on this account. */
export interface TaskDefaults {
  templateId?: string;
  /** Caller numbers (外显号码). */
  callerNumbers?: string[];
  /** `HH:mm-HH:mm` ranges. */
  callingHours?: string[];
}

/** What the renderer learns of one secret: whether it is stored, and its value only if revealed. */
export interface SecretState {
  stored: boolean;
  value?: string;
}

interface AccountViewOf<P extends ProviderId> {
  id: string;
  name: string;
  provider: P;
  settings: ProviderAccountShapes[P]['settings'];
  secrets: Record<ProviderAccountShapes[P]['secrets'], SecretState>;
  /** The built-in sandbox account (read-only). */
  builtIn: boolean;
  defaults: TaskDefaults;
}

/** An account of any provider; narrow on `provider`. */
export type AccountView = { [P in ProviderId]: AccountViewOf<P> }[ProviderId];

export interface AccountsState {
  accounts: AccountView[];
  activeId: string;
  /** What keeps the credentials: shown in Settings so nothing falls back silently. */
  vault: { kind: 'keychain' | 'safe-storage'; available: boolean };
  /** Every provider an account can be added for, with its fields and capabilities. */
  providers: ProviderInfo[];
}

/**
 * What the Settings form sends. `id` absent creates an account. Secrets are write-only: a
 * secret absent or empty keeps the stored one. Settings and secrets are checked in main against
 * the provider's fields.
 */
export interface AccountDraft {
  id?: string;
  provider: ProviderId;
  name: string;
  settings: Record<string, string>;
  secrets?: Record<string, string>;
  defaults?: TaskDefaults;
}

/** One thing "test connection" checked. */
export interface ConnectionCheck {
  label: Localized;
  outcome: 'passed' | 'failed' | 'skipped';
  /** What was found (a count, a name) or why it failed, in the provider's words. */
  detail?: string;
}

/** What "test connection" found out. */
export interface ConnectionReport {
  checks: ConnectionCheck[];
}

/**
 * The outbound-calling systems the app talks to, as the screens see them: an id, a label, the
 * fields an account of that system needs, and what the system can do (its capabilities). Each
 * provider declares these in main (electron/services/<provider>/); the renderer receives them
 * with the accounts and shows only what the active account's provider can do.
 */
import type { Localized } from './locale';
import type { ProviderId } from './providerIds';
import type { OutcomeCodes } from './outcomeGroups';
import type { TaskAction, TaskStatus } from './tasks';

/**
 * What one row's fields must keep to for a provider, checked by the upload plan before anything
 * is sent (null: the provider sets no such limit beyond the app's own rules).
 */
export interface RowLimits {
  /** Longest row key (outid) the provider takes, in characters. */
  maxKeyLength: number | null;
  /** The characters a number may hold, as a character class (e.g. `0-9*#`). */
  phoneCharacters: string | null;
  /** Longest number, in characters. */
  maxPhoneLength: number | null;
  /** Largest variables payload as the provider receives it, in bytes of UTF-8. */
  maxVariablesBytes: number | null;
}

export { PROVIDER_IDS, isProviderId, type ProviderId } from './providerIds';

/** A task field the provider lets an operator change after creating the task. */
export type EditableTaskField = 'name' | 'callerNumbers' | 'robots' | 'callingHours' | 'validity';

/** What a provider can do. Screens read it; main enforces it. */
export interface ProviderCapabilities {
  /** For each action, the task statuses it is allowed in (empty: the provider has no such action). */
  lifecycle: Record<TaskAction, readonly TaskStatus[]>;
  /** Fields an edit may change (empty: tasks cannot be edited). */
  editableFields: readonly EditableTaskField[];
  /** Whether a task has a robot count to choose. */
  robots: boolean;
  /**
   * Whether a task can hide the called number in results, push results to a URL (and choose
   * when: after every call or only after a transfer), and switch exporting results off.
   */
  taskOptions: {
    numberHiding: boolean;
    resultPush: boolean;
    resultPushWhen: boolean;
    exportSwitch: boolean;
  };
  /** What a task's "template" is: a call script (Sobot) or an IVR flow by access code (CEC). */
  templateKind: 'script' | 'ivr_flow';
  /** At most this many calling-hour ranges per task. */
  maxCallingHourRanges: number;
  /** Whether templates have recordings to play in the wizard. */
  templateAudio: boolean;
  /** Whether calls carry intention labels. */
  intentions: boolean;
  /** Whether the provider counts a task's completed calls over time (else the app counts synced ones). */
  callsOverTime: boolean;
  /**
   * The provider's own outcome codes, grouped (CEC's failCode groups): Results then offers the
   * groups as its outcome chips and filter, shows the raw code as a column and exports it with
   * its group and meaning. Null: chips per neutral outcome (Sobot).
   */
  outcomeCodes: OutcomeCodes | null;
  /** Uploading list rows into a task. */
  rows: {
    /** Rows per request. */
    batchRows: number;
    /** Minimum time between two requests of one account, ms. */
    minSpacingMs: number;
    /** Requests one upload may have in flight. */
    inFlight: number;
    /** Whether a row can be looked up on the task by its key (lost answers are then settled). */
    lookUp: boolean;
    /** Whether uploaded rows can be removed from a task. */
    remove: boolean;
    /** Upload as one workbook: its limits, or null when the provider has no file upload. */
    file: { maxRows: number; maxBytes: number } | null;
  } & RowLimits;
  /** Whether the provider can push each call's result to a URL the app serves. */
  resultPush: boolean;
  /** Whether a task may run without an end (validity `permanent`); else it needs a range. */
  permanentValidity: boolean;
  /** Most caller numbers one task shows (null: no bound besides the account's lines). */
  maxCallerNumbers: number | null;
  /** Longest task name the provider takes. */
  maxTaskName: number;
  /**
   * Where a call's transcript comes from: with the call itself (sync, push), or fetched on its
   * own when the call is reviewed (`Provider.fetchTranscript`), possibly still pending.
   */
  transcripts: 'with_call' | 'on_review';
  /**
   * Where a call's answer and end times (so its talk time) come from: with the call itself, or
   * looked up on their own when the call is reviewed (`Provider.callTiming`: CEC's outcomes
   * carry only the start). Until then such a call's talk time is not known and counts as 0 s in
   * the talk-time filters, which the Results screen says.
   */
  durations: 'with_call' | 'on_review';
}

/** One field of an account's settings form (not secret: kept in the profile). */
export interface AccountFieldSpec {
  name: string;
  label: Localized;
  kind: 'url' | 'text' | 'email' | 'integer' | 'pem';
  required: boolean;
  /** Pre-filled for a new account. */
  defaultValue?: string;
  hint?: Localized;
}

/** One secret an account needs (kept only in the OS keychain; the form field is write-only). */
export interface SecretFieldSpec {
  name: string;
  label: Localized;
  required: boolean;
  /**
   * Shown back to the operator so accounts can be told apart (an id the vendor assigned, not a
   * key). The others are never sent to the renderer, only whether they are stored.
   */
  revealed: boolean;
}

/** A provider as the accounts screen sees it. */
export interface ProviderInfo {
  id: ProviderId;
  label: Localized;
  fields: readonly AccountFieldSpec[];
  secrets: readonly SecretFieldSpec[];
  capabilities: ProviderCapabilities;
}

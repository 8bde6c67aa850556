import type { ProviderId } from './providerIds';
import type { CallList } from './callList';
import type { Localized } from './locale';

/**
 * Call results in the operator's words, whichever provider made the call: a call and its
 * outcome, its transcript lines (utterances), the filters of the Results screen, sync progress
 * and the review pane's recording. A provider's own fields stay in its adapter.
 */

/**
 * How a call ended, in the operator's words. Each provider maps its own codes onto these and
 * keeps the raw code (`CallResult.outcomeCode`) for display and export.
 */
export const CALL_OUTCOMES = [
  'connected',
  'no_answer',
  'busy',
  'rejected',
  'hung_up',
  'powered_off',
  'out_of_service',
  'suspended',
  'vacant',
  'not_dialled',
  'dialling',
  'platform',
  'no_resources',
  'system_error',
  'unknown',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Who spoke a transcript line: the robot, a human agent, or the called person. */
export type Speaker = 'robot' | 'agent' | 'customer';

/** One line of a call's transcript, placed on its recording. */
export interface Utterance {
  /** 0-based order in the call. */
  index: number;
  speaker: Speaker;
  text: string;
  /**
   * Where the line sits on the recording, ms from its start; null until the recording's length
   * is known (some providers place lines by it). Lines may overlap (stereo recordings).
   */
  startMs: number | null;
  endMs: number | null;
  /** A note the provider kept about the line (e.g. the robot's `匹配到:【开场白#肯定】`), or null. */
  remark: string | null;
}

/** Why a call has no transcript (yet). */
export type TranscriptState = 'ready' | 'pending' | 'failed' | 'none';

/** The call-list row a call was made for (joined through its outid or telephone). */
export interface CallRowRef {
  listId: number;
  rowId: number;
  listName: string;
  /** Values in the order of `variableNames`. */
  variables: string[];
  variableNames: string[];
}

/** One call as the Results table shows it. */
export interface CallResult {
  /** The provider's call id (unique). */
  id: string;
  /** The task the call belongs to; null for a pushed call whose task is not known yet. */
  taskId: string | null;
  outid: string | null;
  outcome: CallOutcome;
  /** The provider's own code for the outcome, as sent (shown for `unknown`, exported). */
  outcomeCode: string;
  intentions: string[];
  telephone: string;
  callerNumber: string;
  /** Epoch ms; null when not dialled. */
  startedAt: number | null;
  /** Epoch ms; null when not answered. */
  answeredAt: number | null;
  endedAt: number | null;
  /** From dialling to hang-up, ms. */
  callMs: number;
  /** From pick-up to hang-up, ms. */
  talkMs: number;
  /** Lines of its transcript as stored; 0 for one not fetched yet (see {@link linesKnown}). */
  utteranceCount: number;
  /**
   * Where its transcript stands: `pending` for one the provider has not given yet (CEC's, until
   * review fetches it from quality inspection and it is done), whose line count is not known.
   */
  transcript: TranscriptState;
  /** Whether the provider gave a recording address. */
  hasRecording: boolean;
  row: CallRowRef | null;
}

/**
 * Whether a call's durations are known: false for a call whose results carried no end and no
 * lengths (CEC's outcomes, until the review looks its times up), whose zeros mean "not known".
 */
export function durationsKnown(call: Pick<CallResult, 'endedAt' | 'callMs' | 'talkMs'>): boolean {
  return call.endedAt !== null || call.callMs > 0 || call.talkMs > 0;
}

/**
 * Whether a call's line count is known: false while its transcript is pending (a CEC call not
 * reviewed yet, or whose transcript quality inspection has not finished), whose 0 means "not
 * known". Shown as — and exported as an empty cell, as unknown durations are.
 */
export function linesKnown(call: Pick<CallResult, 'transcript'>): boolean {
  return call.transcript !== 'pending';
}

/** A call with its transcript, for the review pane. */
export interface CallReview {
  call: CallResult;
  utterances: Utterance[];
  transcript: TranscriptState;
}

/** Where the Results screen reads calls from: one task of an account, or one call list. */
export type ResultsSource = { kind: 'task'; taskId: string } | { kind: 'list'; listId: number };

/** The Results screen's filters; every one is optional. */
export interface ResultsFilter {
  outcomes?: CallOutcome[];
  /**
   * Calls in any of these groups of the provider's own codes (`ProviderCapabilities.outcomeCodes`:
   * CEC's failCode groups); ignored for a provider without groups.
   */
  outcomeGroups?: string[];
  /** Calls with any of these intention labels; `''` means calls with none. */
  intentions?: string[];
  /** Talk time bounds in seconds (inclusive). */
  minTalkSeconds?: number;
  maxTalkSeconds?: number;
  /** Start time bounds (epoch ms, inclusive from, exclusive to). */
  from?: number;
  to?: number;
  /** Text that must appear in some transcript line. */
  text?: string;
  /**
   * Finding a customer: a whole telephone number (as typed: spaces, dashes, +86 are fine), its
   * last 4 digits, or text in any of the call's list row variables (the customer's name…).
   */
  customer?: string;
}

/** `results:query` input. */
export interface ResultsQuery {
  source: ResultsSource;
  filter: ResultsFilter;
  offset: number;
  limit: number;
}

/** One page of matching calls, newest first, with the total. */
export interface ResultsPage {
  total: number;
  offset: number;
  calls: CallResult[];
}

/** Calls per outcome and per intention label for the current source and filter. */
export interface ResultsCounts {
  total: number;
  byOutcome: { outcome: CallOutcome; count: number }[];
  /**
   * Calls per group of the provider's own codes, in the provider's order (groups with calls, and
   * any chosen in the filter); absent for a provider without groups (Sobot). Counted, like
   * `byOutcome`, without the outcome and group filters.
   */
  byGroup?: { group: string; label: Localized; count: number }[];
  /** Label `''` counts calls without an intention. */
  byIntention: { label: string; count: number }[];
}

/**
 * A task's dashboard from its synced calls (beside the provider's own counters): rates over the
 * calls stored, the status and intention breakdowns, and when they were last synced.
 */
export interface TaskDashboard {
  taskId: string;
  /** Calls stored (synced or pushed). */
  calls: number;
  /** Calls the customer answered (outcome `connected`). */
  connected: number;
  /** Answered calls with at least one intention. */
  withIntention: number;
  /** connected / calls, 0…1 (0 with no calls). */
  answeredRate: number;
  /** withIntention / connected, 0…1 (0 with no answered call). */
  intentionRate: number;
  /** Mean talk time of the answered calls, ms (0 with none). */
  averageTalkMs: number;
  byOutcome: ResultsCounts['byOutcome'];
  /** Intentions of the answered calls (label `''`: none). */
  byIntention: ResultsCounts['byIntention'];
  /** When a sync of the task last finished (null: never; pushed calls only). */
  syncedAt: number | null;
}

/** A task or list the Results screen can show. */
export interface ResultsSourceOption {
  source: ResultsSource;
  name: string;
  /** Calls stored for it. */
  callCount: number;
  /** When its results were last pulled completely (tasks only; epoch ms). */
  syncedAt: number | null;
  /** Tasks only: the call list linked for joins, or null. */
  linkedListId: number | null;
}

/** `sync:progress`: how far a running sync has got. */
export interface SyncProgress {
  accountId: string;
  taskId: string;
  phase: 'running' | 'done' | 'cancelled' | 'failed';
  page: number;
  pageCount: number;
  /** Calls in the window (the provider's total). */
  totalCalls: number;
  /** Calls stored that were not stored before. */
  added: number;
  /** Calls stored before whose facts changed (a later state, a transcript, a recording). */
  updated: number;
  /** Calls answered again exactly as stored (the overlap, a re-sync): nothing written. */
  unchanged: number;
}

/** What a finished sync did. */
export interface SyncReport {
  taskId: string;
  /** The window read (epoch ms). */
  from: number;
  to: number;
  added: number;
  updated: number;
  unchanged: number;
  pages: number;
  /** False when cancelled: the next sync resumes from the saved cursor. */
  complete: boolean;
}

/** The optional result-push receiver. */
export interface PushReceiverState {
  enabled: boolean;
  port: number | null;
  /**
   * The address it listens on: `127.0.0.1` (this machine only), one of this machine's network
   * addresses, or `0.0.0.0` (every network).
   */
  host: string;
  /** The addresses it may listen on (for the choice in Settings). */
  addresses: string[];
  /** The full address to give Sobot as push_url (secret path included), when on. */
  url: string | null;
  /** The address to give each provider (each has its own path), when on. */
  urls: { provider: ProviderId; url: string }[];
  /** Pushes stored since it was started. */
  received: number;
}

/** Why a recording cannot be shown. */
export type RecordingProblem = 'none' | 'expired' | 'undecodable' | 'unavailable' | 'refused';

/** A call's recording as the review pane loads it. */
export type RecordingInfo =
  | {
      ok: true;
      /** Local URL on the app's own origin (`/media/<id>`). */
      url: string;
      /** Decoded length, ms; null when main could not decode it (the renderer then decodes). */
      durationMs: number | null;
      /** Cached waveform peaks (0–255 per bucket), or null when not computed yet. */
      peaks: Uint8Array | null;
      /** Peak buckets per second of audio. */
      peaksPerSecond: number;
      /** Key to store renderer-computed peaks under (`recordings:storePeaks`). */
      key: string;
    }
  | { ok: false; problem: RecordingProblem; detail?: string };

/** `results:toList` input: "call these again" from a task's calls. */
export interface RecallRequest {
  taskId: string;
  /** For the list's link back to its task. */
  taskName?: string;
  /** The Results screen's filter. */
  filter: ResultsFilter;
  /** Only the chosen calls (within the filter); absent: every call the filter matches. */
  callIds?: string[];
  name: string;
}

/** What "call these again" made. */
export interface RecallReport {
  list: CallList;
  /** Calls matched. */
  calls: number;
  /** Rows in the new list: one per number. */
  rows: number;
  /** Calls left out because the provider hid the number. */
  hidden: number;
  /** Calls of a number already in the list (a customer called more than once). */
  repeated: number;
}

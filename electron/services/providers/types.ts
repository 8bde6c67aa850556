/**
 * The one interface every outbound-calling provider implements (Sobot iCall, Huawei CEC, …).
 * Feature services (tasks, uploads, results) speak only this and the neutral domain in shared/;
 * everything shaped by one vendor's wire lives in that vendor's folder, which only the registry
 * imports. A third provider adds a folder with a `ProviderFactory` and one registry line.
 */
import type { ConnectionReport } from '../../../shared/accounts';
import type { Locale } from '../../../shared/locale';
import type { ProviderCapabilities, ProviderId, ProviderInfo } from '../../../shared/providers';
import type { AppError } from '../../../shared/result';
import type { CallOutcome, Speaker, TranscriptState, Utterance } from '../../../shared/results';
import type { TaskDraft, TaskEdit, TaskOptions, TaskStatus, TaskValidity } from '../../../shared/tasks';
import type { Logger } from '../log';

export type { ProviderCapabilities, ProviderId, ProviderInfo };

/** A task as the provider reports it (the tasks service adds what the app remembers). */
export interface ProviderTask {
  id: string;
  name: string;
  status: TaskStatus;
  statusCode: string;
  callerNumbers: string[];
  robots: number;
  /** Normalised `HH:mm-HH:mm` ranges. */
  callingHours: string[];
  validity: TaskValidity;
  counts: { total: number; dialled: number; connected: number; intent: number };
}

/** A row going to a task: its key (outid), number and variables (template names → values). */
export interface OutgoingRow {
  key: string;
  telephone: string;
  variables: Record<string, string>;
}

/**
 * A row the provider refused, with its code and reason. Rows refused before anything was sent
 * carry the code `provider.row_rejected` (the end figures do not count them as sent).
 */
export interface RowRefusal {
  key: string;
  code: string;
  reason: string;
}

/**
 * What happened to each row of one `sendRows` call. Every row is in exactly one list. A row
 * whose request's answer was lost is `uncertain`: it may be on the task.
 */
export interface RowBatchReport {
  accepted: string[];
  rejected: RowRefusal[];
  uncertain: string[];
  /** Not sent because the batch stopped at or before them (`stoppedBy`). */
  notSent: string[];
  /** Why the batch stopped early; absent when every row has an outcome. */
  stoppedBy?: unknown;
  /** The provider found the batch too large: send smaller ones (the rows are `notSent`). */
  batchTooLarge?: boolean;
  /** Rows the provider refused as repeats of rows it already holds (journaled `repeated`). */
  repeated?: RowRefusal[];
}

/** A file upload's per-row outcome and the provider's own counters. */
export interface RowFileReport {
  accepted: string[];
  rejected: RowRefusal[];
  /** Rows the provider counted as repeats / silently filtered (counters only, no row). */
  repeated: number;
  filtered: number;
}

/** Where a call's recording is: a plain URL the media proxy may GET, or a provider reference. */
export type RecordingRef = { kind: 'url'; url: string } | { kind: 'provider'; ref: string };

/** One transcript line as stored: the provider's own stamp or placement, not yet on the recording. */
export interface StoredUtterance {
  speaker: Speaker;
  text: string;
  /** The provider's stamp (epoch ms), for providers that place lines by it. */
  at: number | null;
  /** ms from the recording's start, for providers that say so themselves. */
  startMs: number | null;
  endMs: number | null;
  remark: string | null;
}

/** One call in the neutral shape, as sync and the push receiver store it. */
export interface ProviderCall {
  /** The provider's call id; a stable synthetic one when the provider sends none. */
  id: string;
  /** The task it belongs to, when the provider says. */
  taskId: string | null;
  /** The row key (outid) it was made for, when the provider says. */
  rowKey: string | null;
  outcome: CallOutcome;
  outcomeCode: string;
  intentions: string[];
  telephone: string;
  callerNumber: string;
  startedAt: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  callMs: number;
  talkMs: number;
  recording: RecordingRef | null;
  deleted: boolean;
  utterances: StoredUtterance[];
  transcript: TranscriptState;
}

/** The call facts placement may need, as stored. */
export interface CallTimingFacts {
  startedAt: number | null;
  answeredAt: number | null;
  callMs: number;
  talkMs: number;
}

/** A page of synced calls, with the provider's total when it has one. */
export interface ResultPage {
  calls: ProviderCall[];
  page: number;
  pageCount: number;
  totalCalls: number;
}

/** What the push receiver answers the provider, and what it stores. */
export interface PushParse {
  calls: ProviderCall[];
  answer: { status: number; contentType: string; body: string };
}

/** A time bucket for the calls chart, [start, end) epoch ms. */
export interface TimeBucket {
  start: number;
  end: number;
}

/** Per-call options. */
export interface CallControl {
  signal?: AbortSignal;
  /** Epoch ms by which the operation must be over. */
  deadline?: number;
}

/**
 * One account's connection to its provider. Credentials are read when the provider is made,
 * just before use; the object is not kept (each operation asks the account service again).
 */
export interface Provider {
  readonly id: ProviderId;
  readonly capabilities: ProviderCapabilities;

  /** Test connection: a harmless call with the credentials (and whatever else the provider checks). */
  check(control?: CallControl): Promise<ConnectionReport>;

  /** What the create-task wizard offers (templates, caller numbers, robots). */
  taskOptions(): Promise<TaskOptions>;
  /** Where a template's `index`-th recording is (the media proxy fetches it). */
  templateAudio(templateId: string, index: number): Promise<RecordingRef | null>;

  /**
   * Tasks: the provider's current (unfinished) ones plus `known` (ids the app created),
   * with counts. A known id the provider no longer has comes back with status `deleted`.
   */
  listTasks(known: readonly string[]): Promise<ProviderTask[]>;
  getTask(id: string): Promise<ProviderTask | null>;
  /** Creates a checked draft (hours normalised); never twice for one call. */
  createTask(draft: TaskDraft, callingHours: readonly string[]): Promise<{ id: string }>;
  editTask(edit: TaskEdit, callingHours: readonly string[] | undefined): Promise<void>;
  changeTask(id: string, action: 'pause' | 'resume' | 'end' | 'delete'): Promise<void>;
  /** Completed calls per bucket per task (only where `capabilities.callsOverTime`). */
  callsOverTime?(ids: readonly string[], buckets: readonly TimeBucket[]): Promise<Map<string, number>[]>;

  /** Sends one batch (at most `capabilities.rows.batchRows`). Never throws for per-row trouble. */
  sendRows(taskId: string, rows: readonly OutgoingRow[], control?: CallControl): Promise<RowBatchReport>;
  /** Sends rows as one workbook (only where `capabilities.rows.file`). */
  sendFile?(
    taskId: string,
    rows: readonly OutgoingRow[],
    variableNames: readonly string[],
  ): Promise<RowFileReport>;
  /** Tells for each key whether the task holds it (only where `capabilities.rows.lookUp`). */
  lookUpRows?(
    taskId: string,
    keys: readonly string[],
    concurrency: number,
    onAnswer: (key: string, onTask: boolean) => void,
  ): Promise<void>;
  /** Removes rows by key; answers how many the provider deleted. */
  removeRows(taskId: string, keys: readonly string[]): Promise<{ deleted: number }>;

  /** Completed calls of a task started in [from, to], page by page, oldest first. */
  results(
    taskId: string,
    window: { from: number; to: number },
    control?: CallControl & { onPage?: (page: ResultPage) => void },
  ): AsyncIterable<ResultPage>;
  /** One row's latest call, when the provider can look it up; null when it has none. */
  rowCall?(taskId: string, key: string): Promise<ProviderCall | null>;

  /** Fetches a recording the provider holds (`kind: 'provider'`), as the file's bytes. */
  fetchRecording?(ref: string, control?: CallControl): Promise<Uint8Array>;
  /**
   * A call's transcript fetched on its own (only where `capabilities.transcripts` is
   * `on_review`): ready with its lines, still pending, failed, or none (no such service).
   */
  fetchTranscript?(callId: string, control?: CallControl): Promise<FetchedTranscript>;
  /**
   * A call's answer and end times looked up on their own, where its results carry none (CEC's
   * outcomes have only the call's start): null when the provider has no such call.
   */
  callTiming?(callId: string, control?: CallControl): Promise<CallTiming | null>;
}

/** A call's times looked up on their own ({@link Provider.callTiming}), epoch ms and durations in ms. */
export interface CallTiming {
  answeredAt: number | null;
  endedAt: number | null;
  callMs: number;
  talkMs: number;
}

/** What {@link Provider.fetchTranscript} answers. */
export interface FetchedTranscript {
  state: TranscriptState;
  utterances: StoredUtterance[];
}

/** What a provider needs to be built for one account. */
export interface ProviderContext {
  settings: Record<string, string>;
  secrets: Record<string, string>;
  fetch: typeof globalThis.fetch;
  log: Logger;
}

/**
 * A provider as the registry knows it: its description, how to check an account's fields, how
 * to build it, and the pure rules that need no account (parsing a push, placing a transcript,
 * describing its errors).
 */
export interface ProviderFactory {
  readonly info: ProviderInfo;
  /**
   * Checks an account's settings and secrets (secrets only those given): answers the first
   * field that is wrong, or null. `secretsStored` tells which secrets are kept already.
   */
  checkAccount(
    settings: Record<string, string>,
    secrets: Record<string, string>,
    secretsStored: ReadonlySet<string>,
  ): { field: string; reason: string } | null;
  create(context: ProviderContext): Provider;
  /** Why the provider would refuse a row (a `row.*` code of shared/codes/uploads.ts), found before sending. */
  rowProblem(row: OutgoingRow): string | null;
  /** Whether the provider may silently drop this accepted row (checked afterwards with `lookUpRows`). */
  mayDropRow(row: Pick<OutgoingRow, 'telephone'>): boolean;
  /**
   * Parses a pushed result (the body as received) into calls, and the answer to give.
   * `settings` are those of the account it is stored under, when it is on this provider (a
   * time zone the push's times are in).
   */
  parsePush(body: string, settings?: Readonly<Record<string, string>>): PushParse;
  /** Places stored lines on a recording of `durationMs` (null: not known yet). */
  placeTranscript(
    timing: CallTimingFacts,
    lines: readonly StoredUtterance[],
    durationMs: number | null,
  ): Utterance[];
  /** Localises the errors this provider's client throws; undefined for others. */
  describeError(error: unknown, locale: Locale): AppError | undefined;
}

/**
 * Pushing a call list into a task: the domain types the upload screen and the CLI show. Pure
 * TypeScript. "Upload journal" is the per-upload record in SQLite of every row's fate, which
 * lets an interrupted upload resume without sending a row twice or skipping one.
 */
import type { RowProblemCode } from './callList';
import type { Localized } from './locale';
import type { RowLimits } from './providers';

/**
 * Rows a provider would refuse, found by the plan before anything is sent (each provider says
 * which of its limits a row breaks; labels in shared/codes/uploads.ts).
 */
export const PROVIDER_ROW_PROBLEMS = [
  'row.key_invalid',
  'row.key_too_long',
  'row.phone_rejected',
  'row.variable_unencodable',
  'row.variables_too_large',
] as const;
export type ProviderRowProblem = (typeof PROVIDER_ROW_PROBLEMS)[number];

/**
 * Rows the plan leaves out for the campaign's sake, not a provider's: numbers on the do-not-call
 * list (never sent), and numbers already in the task from another upload or already dialled in
 * it (left out unless the operator chooses to send them anyway).
 */
export const PLAN_ROW_PROBLEMS = ['row.do_not_call', 'row.number_on_task'] as const;
export type PlanRowProblem = (typeof PLAN_ROW_PROBLEMS)[number];

/** Every code a plan counts excluded rows under. */
export type ExcludedProblem = RowProblemCode | ProviderRowProblem | PlanRowProblem;

/** A row the plan flags for the campaign's sake, for the list under the plan. */
export interface PlanFlaggedRow {
  rowId: number;
  /** 0-based position in the list (the grid's row number − 1). */
  position: number;
  telephone: string;
  code: PlanRowProblem;
  /**
   * For `row.number_on_task`: `uploaded` (another upload put the number into the task, with the
   * list it came from) or `dialled` (the task's synced calls hold it). For `row.do_not_call`:
   * the entry's reason.
   */
  why: { kind: 'uploaded'; listName: string } | { kind: 'dialled' } | { kind: 'dnc'; reason: string | null };
}

/** How rows reach the provider: row batches, or one workbook (where the provider takes files). */
export type UploadVia = 'data' | 'file';

/**
 * An upload's life: `running` → `paused` ⇄ `running` → `done`; `failed` (stopped by an error,
 * resumable), `cancelled` (stopped for good; rows already accepted stay on the task).
 */
export type UploadState = 'running' | 'paused' | 'cancelled' | 'done' | 'failed';

/**
 * One row's fate in the journal.
 * - `pending`: not sent yet.
 * - `sending`: in a request whose answer has not been recorded (the process may have died).
 * - `uncertain`: the request's answer was lost; resolved by asking the provider before resending.
 * - `accepted`: the provider took it. `filtered`: answered OK, but the provider silently dropped it.
 * - `rejected`: refused, with a code and a reason. `repeated`: the task already holds its outid.
 * - `removed`: accepted, then deleted from the task.
 */
export type UploadRowState = (typeof UPLOAD_ROW_STATES)[number];

/** Every row state, in life-cycle order. */
export const UPLOAD_ROW_STATES = [
  'pending',
  'sending',
  'uncertain',
  'accepted',
  'filtered',
  'rejected',
  'repeated',
  'removed',
] as const;

/** List variable → template variable (`null`: not sent). Unlisted list variables keep their name. */
export type VariableMapping = Record<string, string | null>;

/** What to upload where. */
export interface UploadRequest {
  listId: number;
  taskId: string;
  /** Default: the active account. */
  accountId?: string;
  /** Default `data`. */
  via?: UploadVia;
  /** Only these list rows (still never the ones with a blocking problem); default: every valid row. */
  rowIds?: number[];
  variables?: VariableMapping;
  /**
   * Send rows whose number is already in the task (another upload, or dialled) anyway. Numbers
   * on the do-not-call list are never sent.
   */
  sendNumbersOnTask?: boolean;
}

/** Rows left out of an upload because of a blocking problem. */
export interface ExcludedRows {
  /** Rows left out (a row with two problems counts once here). */
  rows: number;
  /** Rows per problem (a row with two problems counts under both). */
  byProblem: Partial<Record<ExcludedProblem, number>>;
}

/** What an upload would do, shown before the operator starts it. */
export interface UploadPlan {
  accountId: string;
  taskId: string;
  listId: number;
  listName: string;
  via: UploadVia;
  /** Rows considered: the list's rows, or the explicit row ids found. */
  consideredRows: number;
  /** Explicit row ids that are not in the list (deleted meanwhile). */
  missingRowIds: number;
  excluded: ExcludedRows;
  /** Rows whose outid earlier uploads already put on this task: skipped, reported as repeated. */
  alreadyOnTask: number;
  /**
   * Rows whose number is already in the task: put there by another upload (of any list), or
   * already dialled. Left out (counted under `row.number_on_task`) unless the request says to
   * send them anyway.
   */
  numberOnTask: { rows: number; uploaded: number; dialled: number; sendAnyway: boolean };
  /** Rows on the do-not-call list: never sent (also counted under `row.do_not_call`). */
  doNotCall: number;
  /** The rows behind `numberOnTask` and `doNotCall`, in list order (at most {@link MAX_FLAGGED_ROWS}). */
  flagged: PlanFlaggedRow[];
  /** Rows that will be sent. */
  toSend: number;
  /**
   * Rows whose number the app accepts but the provider may silently drop (400/800 service
   * numbers: the documented rule is only "not a phone format"). Checked after the upload.
   */
  mayBeFiltered: number;
  /** The variable columns as they will be sent: list name → template name (null = dropped). */
  variables: { list: string; template: string | null }[];
  /** The target provider's limits every row was checked against (named in the plan). */
  rowLimits: RowLimits;
  /** Rows per request. */
  batchRows: number;
  /** Least time between two requests (the provider's pace), ms. */
  minSpacingMs: number;
  /** Requests (data) or workbooks (file) needed. */
  requests: number;
  /** Whether the file way is possible (≤ 100,000 rows; the 5 MB bound is checked on writing). */
  fileAllowed: boolean;
  /** An unfinished (running, paused or failed) upload of this list to this task: resume it instead. */
  unfinishedUploadId: number | null;
}

/** Flagged rows a plan lists (the counts cover all). */
export const MAX_FLAGGED_ROWS = 500;

/** Row counts of one upload, by journal state. */
export type UploadRowCounts = Record<UploadRowState, number> & { total: number };

/**
 * The figures shown at the end. For `data` uploads `filtered` counts rows found missing by
 * asking the provider about the suspect ones (see `UploadPlan.mayBeFiltered`); for `file`
 * uploads `repeated` and `filtered` add the provider's own counts.
 */
export interface UploadOutcome {
  /** Rows in a request the provider answered. */
  sent: number;
  /** Rows the provider kept (including rows later removed). */
  accepted: number;
  repeated: number;
  filtered: number;
  /** Rows refused (per-row code and reason in the journal). */
  failed: number;
}

/** A stopped upload's error, in the form that crosses IPC. */
export interface UploadError {
  /** `<provider>.<code>`, `net.*`, `uploads.*` or `app.unexpected`. */
  code: string;
  /** The message in every language (the host picks the operator's). */
  message: Localized;
  detail?: string;
}

/** One upload as the journal holds it. */
export interface UploadSummary {
  id: number;
  accountId: string;
  taskId: string;
  listId: number;
  listName: string;
  via: UploadVia;
  state: UploadState;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** Requests answered so far (add_task_data batches or workbooks). */
  batchesDone: number;
  excluded: ExcludedRows;
  rows: UploadRowCounts;
  outcome: UploadOutcome;
  error: UploadError | null;
}

/** Progress while an upload runs (sent after every answered request and on state changes). */
export interface UploadProgress {
  uploadId: number;
  state: UploadState;
  via: UploadVia;
  /** Rows in the journal (excluded rows are not). */
  total: number;
  /** Rows with an answer: accepted, filtered, rejected, repeated, removed. */
  done: number;
  accepted: number;
  rejected: number;
  pending: number;
  batchesDone: number;
  /** Requests still to go at the current batch size. */
  batchesLeft: number;
  /** Rows answered per second since this run started (0 until the first answer). */
  rowsPerSecond: number;
  /** Milliseconds since this run (start or resume) began. */
  elapsedMs: number;
  /** What the runner is doing: sending, checking lost answers, or checking filtered rows. */
  phase: 'sending' | 'reconciling' | 'verifying' | 'idle';
}

/** One row of the journal, for the per-row report. */
export interface UploadRowEntry {
  rowId: number;
  outid: string;
  telephone: string;
  state: UploadRowState;
  code: string | null;
  reason: string | null;
}

/** Removing uploaded rows from a task. */
export interface RemoveRowsRequest {
  listId: number;
  taskId: string;
  accountId?: string;
  /** List rows to remove; rows the journal does not show as accepted on the task are skipped. */
  rowIds: number[];
}

/** What a removal did. */
export interface RemoveRowsResult {
  /** Rows asked for. */
  requested: number;
  /** Rows the journal showed on the task, now marked removed. */
  removed: number;
  /** Rows skipped: not (or no longer) on the task according to the journal. */
  notOnTask: number;
  /** The provider's own del_counts, summed (rows it deleted or flagged deleted). */
  providerDeleted: number;
}

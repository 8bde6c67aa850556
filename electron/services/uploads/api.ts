/**
 * The upload service's public contract: what the host passes in, the handle of a running upload
 * and the method table. Kept apart from service.ts so readers see the API without the wiring.
 */
import type { Database } from 'better-sqlite3';
import type {
  RemoveRowsRequest,
  RemoveRowsResult,
  UploadPlan,
  UploadProgress,
  UploadRequest,
  UploadRowEntry,
  UploadRowState,
  UploadSummary,
  UploadVia,
} from '../../../shared/uploads';
import type { AccountSession } from '../accounts/service';
import type { CallListStore } from '../lists/store';
import type { Logger } from '../log';
import type { ProviderFactory } from '../providers/types';
import type { CampaignLookups, UploadsOffMain } from './offMain';

export type { CampaignLookups } from './offMain';

/** What the host provides. */
export interface UploadServiceDeps {
  /** Do-not-call and dialled numbers (default: none; the core passes the real ones). */
  campaign?: CampaignLookups;
  /**
   * The upload's long statements (row selection, the journal's creation, per-batch row writes)
   * on another thread over the same database (the core's database worker); default: here.
   */
  offMain?: UploadsOffMain;
  /** The app database, migrated with APP_MIGRATIONS (which include the upload journal). */
  db: Database;
  lists: CallListStore;
  /** The account's provider (default: the active account), credentials read now. */
  sessionFor: (accountId?: string) => Promise<AccountSession>;
  /** The account's provider rules and capabilities, without reading credentials. */
  factoryFor: (accountId?: string) => ProviderFactory;
  /** The active account's id. */
  activeId: () => string;
  now?: () => number;
  log?: Logger;
  /** Every progress of every upload (the host broadcasts it as `uploads:progress`). */
  onProgress?: (progress: UploadProgress) => void;
  /** Rows per request; default: the provider's `capabilities.rows.batchRows`. */
  batchRows?: number;
  /** Row look-ups in flight while reconciling or verifying; default 8. */
  concurrency?: number;
  /** Accepted rows looked up afterwards to find filtered ones: `suspect` (default), `all`, `none`. */
  verify?: 'suspect' | 'all' | 'none';
  /** How long a lost answer's rows stay unseen before "not on the task" is believed (default 30 s). */
  settleMs?: number;
  /** Waits `ms` between look-ups of unsettled rows (tests pass a faster one). */
  sleep?: (ms: number) => Promise<void>;
}

/** Per-run options. */
export interface RunOptions {
  /** This run's progress only (in addition to the service-wide listener). */
  onProgress?: (progress: UploadProgress) => void;
}

/** A running upload. */
export interface UploadHandle {
  readonly uploadId: number;
  /** Resolves when this run ends (done, paused, cancelled or failed: see `summary.state`); never rejects. */
  readonly done: Promise<UploadSummary>;
  /** Finishes the request in flight, then stops in state `paused`. */
  pause(): void;
  /** Finishes the request in flight, then stops in state `cancelled` (accepted rows stay on the task). */
  cancel(): void;
}

/** See {@link createUploadService}. */
export interface UploadService {
  /**
   * What `start` would do: rows to send, rows excluded (per problem), repeats, requests. Gives
   * the event loop back while it reads a large list.
   */
  plan(request: UploadRequest): Promise<UploadPlan>;
  /**
   * Journals the rows and starts sending; resolves once the journal exists.
   * @throws AppFailure `uploads.unfinished` (resume that one), `uploads.nothing_to_send`,
   *   `uploads.file_too_many_rows`, `uploads.bad_variables`, `uploads.bad_request`, `lists.not_found`
   */
  start(request: UploadRequest, options?: RunOptions): Promise<UploadHandle>;
  /**
   * Continues a paused or failed upload, or one a crashed process left `running`: rows whose
   * answer was never recorded are looked up on the task first. `via` switches the way. A
   * resume (or resend) of an upload already running or on its way in this service answers that
   * run's handle: one runner per upload.
   * @throws AppFailure `uploads.not_found`, `uploads.not_resumable`, `uploads.busy`
   */
  resume(uploadId: number, options?: RunOptions & { via?: UploadVia }): Promise<UploadHandle>;
  /** Asks the upload to stop after its request in flight (also when another process runs it). */
  pause(uploadId: number): UploadSummary;
  /**
   * Stops the upload for good (after the request in flight); accepted rows stay on the task. An
   * upload whose runner is gone has its rows left `sending` made `uncertain` (see uncertain.ts).
   */
  cancel(uploadId: number): UploadSummary;
  status(uploadId: number): UploadSummary;
  /**
   * `status`, `forList`, `forTask`, `pause`, `cancel` and `skipUncertain` answering summaries
   * whose rows are counted where the upload's long statements run (the host's database
   * worker): what the contract answers.
   */
  read: {
    status(uploadId: number): Promise<UploadSummary>;
    pause(uploadId: number): Promise<UploadSummary>;
    cancel(uploadId: number): Promise<UploadSummary>;
    skipUncertain(uploadId: number): Promise<UploadSummary>;
    forList(listId: number): Promise<UploadSummary[]>;
    forTask(taskId: string, accountId?: string): Promise<UploadSummary[]>;
  };
  /** Journal rows of an upload, in sending order, optionally only some states. */
  rows(
    uploadId: number,
    query?: { states?: UploadRowState[]; offset?: number; limit?: number },
  ): UploadRowEntry[];
  /** Uploads of a list, newest first. */
  forList(listId: number): UploadSummary[];
  /** Uploads into a task (default: of the active account), newest first. */
  forTask(taskId: string, accountId?: string): UploadSummary[];
  /** Deletes list rows the journal shows accepted on the task (100 per request). */
  removeRows(request: RemoveRowsRequest): Promise<RemoveRowsResult>;
  /**
   * Sends the upload's uncertain rows again (see uncertain.ts) and resumes it.
   * @throws AppFailure `uploads.no_uncertain`, `uploads.not_found`, `uploads.busy` (also while a
   *   resume of it is on its way: that run would not send them), `uploads.not_resumable` (cancelled)
   */
  resendUncertain(uploadId: number, options?: RunOptions): Promise<UploadHandle>;
  /** Closes the upload's uncertain rows without sending them. @throws AppFailure `uploads.no_uncertain` */
  skipUncertain(uploadId: number): UploadSummary;
  /** Ids of uploads this service is running now. */
  running(): number[];
  /**
   * Pauses every upload this service runs and waits for them to stop, also those a start or
   * resume on its way brings up meanwhile (stopped before they send): nothing runs once it resolves.
   */
  close(): Promise<void>;
}

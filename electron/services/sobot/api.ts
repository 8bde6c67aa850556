/**
 * The client's public contract: construction options, limits and the method table. Kept apart
 * from client.ts so readers see the API without the wiring.
 */
import type { Logger } from '../log';
import type { AddTaskDataProgress, AddTaskDataReport } from './batching';
import type { PageWalkOptions, TimeTaskDataPages } from './paging';
import type { RetryOptions } from '../http/retry';
import type * as T from './types';

/** Default base URL of the production service (a per-account setting). */
export const DEFAULT_SOBOT_BASE_URL = 'https://icall.sobot.com/api/icall/5/task/';
/** Per-attempt timeout; the vendor demo uses 30 s for connect and read alike. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Requests in flight per client. 8: enough to hide a ~200 ms round-trip when paging results
 * (≈ 40 pages/s ≈ 600 calls/s), close to what browsers allow per host (6), and modest towards
 * a shared SaaS that answers overload with 329999 rather than 429.
 */
export const DEFAULT_MAX_CONCURRENCY = 8;
/** ids per query_task_info / calls_count request (document 2.15, 2.18). */
export const MAX_TASK_IDS_PER_CALL = 15;
/** outids per delete_task_data request (document 2.17). */
export const MAX_OUTIDS_PER_CALL = 100;

/** How to build a client. `appid` and `signature` come from the keychain, never from prefs. */
export interface SobotClientOptions {
  /** Per-account base URL, with or without the trailing slash. */
  baseUrl: string;
  appid: string;
  signature: string;
  /** Injected for tests and for hosts with their own HTTP stack; default global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in ms (default 30 s). */
  timeoutMs?: number;
  /** Requests in flight across all calls of this client (default 8). */
  maxConcurrency?: number;
  /** Wrapped so the signature is redacted from everything logged. */
  log?: Logger;
  /** Backoff tuning, or `false` for no retries at all. */
  retry?: RetryOptions | false;
  /** `form` (default, as the vendor demo) or `json` bodies for the POST endpoints. */
  bodyFormat?: 'form' | 'json';
  /** Rows per add_task_data request (default 500). */
  addTaskDataBatchRows?: number;
}

/** Options of addTaskData. */
export interface AddTaskDataOptions extends T.CallOptions {
  onProgress?: (progress: AddTaskDataProgress) => void;
}

/** The client: one method per endpoint. See each type in ./types for fields. */
export interface SobotClient {
  /** 2.1 Checks that a login email belongs to this appid (check_result 1). */
  checkLoginName(p: T.CheckLoginNameParams, o?: T.CallOptions): Promise<T.CheckLoginNameResult>;
  /** 2.2 Templates usable for new tasks. */
  queryTemplate(p?: Record<string, never>, o?: T.CallOptions): Promise<T.Template[]>;
  /** 2.3 Robots available to new tasks. */
  queryRobotNum(p?: Record<string, never>, o?: T.CallOptions): Promise<T.RobotNumResult>;
  /** 2.4 Caller numbers and their concurrency. */
  queryNumber(p?: Record<string, never>, o?: T.CallOptions): Promise<T.QueryNumberResult>;
  /** 2.5 Creates a task; never sent twice — a lost answer is reconciled via query_task. */
  addTask(p: T.AddTaskParams, o?: T.CallOptions): Promise<T.AddTaskResult>;
  /** 2.7 Adds rows in batches; reports per-row outcomes instead of failing everything. */
  addTaskData(p: T.AddTaskDataParams, o?: AddTaskDataOptions): Promise<AddTaskDataReport>;
  /** 2.8 Uploads a workbook (≤ 5 MB, ≤ 100,000 rows) as multipart `data_file`. */
  addTaskFileData(p: T.AddTaskFileDataParams, o?: T.CallOptions): Promise<T.AddTaskFileDataResult>;
  /** 2.9 One row's latest call detail and transcript; null when the task has no such outid. */
  queryTaskData(p: T.QueryTaskDataParams, o?: T.CallOptions): Promise<T.CallData | null>;
  /** 2.10 Unfinished tasks. */
  queryTask(p?: Record<string, never>, o?: T.CallOptions): Promise<T.TaskSummary[]>;
  /** 2.11 Edits a task (sent as GET, as declared). */
  editorTask(p: T.EditorTaskParams, o?: T.CallOptions): Promise<T.MutationResult>;
  /** 2.12 Pauses a running / outside-hours / queued task. */
  pauseTask(p: T.TaskIdParams, o?: T.CallOptions): Promise<T.MutationResult>;
  /** 2.13 Resumes a paused task (else 320024). */
  resumeTask(p: T.TaskIdParams, o?: T.CallOptions): Promise<T.MutationResult>;
  /** 2.14 Ends a task. */
  endTask(p: T.TaskIdParams, o?: T.CallOptions): Promise<T.MutationResult>;
  /** 2.15 Task details for any number of ids (15 per request), in the order asked. */
  queryTaskInfo(p: T.QueryTaskInfoParams, o?: T.CallOptions): Promise<T.TaskInfo[]>;
  /** 2.16 Deletes a task. */
  deleteTask(p: T.TaskIdParams, o?: T.CallOptions): Promise<T.MutationResult>;
  /** 2.17 Deletes rows by outid (100 per request); del_counts summed. */
  deleteTaskData(p: T.DeleteTaskDataParams, o?: T.CallOptions): Promise<T.DeleteTaskDataResult>;
  /** 2.18 Completed-call counts for any number of ids (15 per request), in order. */
  callsCount(p: T.CallsCountParams, o?: T.CallOptions): Promise<T.CallsCountEntry[]>;
  /** 2.19 All pages of completed calls in a time window, as an ordered async iterable. */
  queryTimeTaskData(p: T.QueryTimeTaskDataParams, o?: PageWalkOptions): TimeTaskDataPages;
  /** 2.19 One page of completed calls. */
  queryTimeTaskDataPage(p: T.QueryTimeTaskDataPageParams, o?: T.CallOptions): Promise<T.TimeTaskDataPage>;
}

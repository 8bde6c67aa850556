/**
 * Sobot iCall (智能外呼) V1 client — the public surface. Import from here, not from the
 * individual modules: transport, tolerant JSON, normalisers, paging and batching are internals.
 */
export { createSobotClient } from './client';
export {
  DEFAULT_SOBOT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_CONCURRENCY,
  MAX_TASK_IDS_PER_CALL,
  MAX_OUTIDS_PER_CALL,
  type SobotClient,
  type SobotClientOptions,
  type AddTaskDataOptions,
} from './api';
export {
  SobotError,
  SobotValidationError,
  SobotAddTaskUncertainError,
  toAppError,
  type SobotClientError,
} from './errors';
export { TransportError, isAbortError, type SentState } from '../http/errors';
export {
  ADD_TASK_DATA_BATCH_ROWS,
  ADD_TASK_DATA_BATCH_BYTES,
  type AddTaskDataProgress,
  type AddTaskDataReport,
  type RowRejection,
} from './batching';
export type { PageProgress, PageWalkOptions, TimeTaskDataPages, TimeTaskDataAll } from './paging';
export { encodeVariables, normalizeCallTimeSlot, MAX_PAGE_SIZE } from './params';
export { parsePushPayload } from './push';
export {
  parseTolerantJson,
  JsonNumber,
  JsonSyntaxError,
  type JsonValue,
  type JsonObject,
} from '../http/tolerantJson';
export { DEFAULT_RETRY, type RetryOptions } from '../http/retry';
export type * from './types';
export { describeSobotError } from './describe';

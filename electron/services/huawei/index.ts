/**
 * Huawei Cloud CEC client — the public surface. Import from here, not from the modules:
 * signer, transport, paging and batching are internals.
 */
export { createHuaweiCecClient, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_CONCURRENCY } from './client';
export type { HuaweiCecClient, HuaweiClientOptions } from './client';
export {
  CecError,
  CecAuthError,
  CecRecordingError,
  CecValidationError,
  isCecAbort,
  isAuthRefused,
  toAppError,
  type CecClientError,
  type CecService,
} from './errors';
export { TransportError, type SentState } from '../http/errors';
export { CampaignCreateUncertainError } from './campaigns';
export { createCampaignBody, MAX_CAMPAIGN_NAME, MAX_DESCRIPTION, MAX_SLOTS } from './campaignBody';
export {
  checkNumberRow,
  checkNumberRows,
  countFates,
  acceptedDataIds,
  MAX_ROWS_PER_REQUEST,
  MAX_SESSION_ID_CHARS,
  MAX_CALLED_CHARS,
  MAX_CUSTOM_FIELD_CHARS,
  MAX_CALL_DATA_BYTES,
  type AddNumbersProgress,
  type AddNumbersReport,
  type AddNumbersOptions,
  type RowProblem,
} from './numbers';
export { createPacer, pacerFor, MIN_ADD_SPACING_MS, type Pacer } from './pacer';
export {
  MAX_RESULT_PAGE_SIZE,
  type CallResultQuery,
  type CallResultPages,
  type ResultProgress,
} from './results';
export { parseOutcomeCallback, CALLBACK_SUCCESS_BODY, type CallbackResult } from './callback';
export { derivedCallId, readCallOutcome, DERIVED_ID_PREFIX } from './outcomes';
export {
  recordingSource,
  DEFAULT_MAX_RECORDING_BYTES,
  type RecordingFetch,
  type RecordingOptions,
} from './recordings';
export { toQcTranscript, type TranscriptOptions } from './transcript';
export { MAX_TOKEN_SECONDS, type QcCredentials } from './qc';
export {
  DEFAULT_TIME_ZONE,
  MAX_WINDOW_DAYS,
  isValidTimeZone,
  parseZonedStamp,
  formatZonedStamp,
  splitDayWindows,
  type DayWindow,
} from './time';
export {
  signAuthV2,
  parseAuthV2,
  expectedSignature,
  canonicalRequest,
  encodeRfc3986,
  JSON_CONTENT_TYPE,
} from './signer';
export { pemCertificates } from './tls';
export type * from './types';
export { DEVICE_TYPE_IVR } from './types';

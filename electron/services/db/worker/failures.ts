/**
 * Errors across the database worker's thread boundary, as data: the worker sends a failure's
 * code, detail and text placeholders (never a stack), main rebuilds the failure the feature
 * would have thrown on main, so the contract shows the same localised message either way.
 */
import { AppFailure } from '../../contract/failure';
import { LIST_ERRORS, listFailure, type ListErrorCode } from '../../lists/errors';
import { isUploadErrorCode, uploadFailure, UploadFailure } from '../../uploads/errors';
import type { FailureData } from './protocol';

/** What the worker sends for an error a statement threw. */
export function failureData(error: unknown): FailureData {
  if (error instanceof UploadFailure)
    return error.params === undefined
      ? { code: error.code, detail: error.detail }
      : { code: error.code, detail: error.detail, params: error.params };
  if (error instanceof AppFailure) return { code: error.code, detail: error.detail };
  return { code: 'unexpected', detail: String(error) };
}

/**
 * The error main rejects with: a list or upload failure rebuilt from its code (its text in every
 * language, filled again from its params), anything else a plain Error that names the worker
 * (the contract reports it as unexpected, without its words).
 */
export function rebuildFailure(data: FailureData): Error {
  if (Object.hasOwn(LIST_ERRORS, data.code)) return listFailure(data.code as ListErrorCode, data.detail);
  if (isUploadErrorCode(data.code)) return uploadFailure(data.code, data.detail, data.params);
  return new Error(`database worker: ${data.detail ?? data.code}`);
}

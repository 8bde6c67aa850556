/**
 * The errors the CEC client rejects with (besides the shared http/ TransportError for network,
 * HTTP, redirect, size and certificate failures), and their translation into the IPC
 * `AppError`. Built from our own words and redacted excerpts only: no URL, body, header or raw
 * fetch error is kept, so AK/SK cannot leak through them.
 */
import type { Locale, Localized } from '../../../shared/locale';
import type { AppError } from '../../../shared/result';
import { CEC_CLIENT_MESSAGES, cecCodeMeaning } from '../../../shared/codes/huaweiCec';
import { NET_MESSAGES } from '../../../shared/codes/net';
import { TransportError } from '../http/errors';

/** Which CEC service answered. */
export type CecService = 'isales' | 'ccfs' | 'qc';

/** The server answered with a result code other than success (`0200000`, or a CC-FS `03000xx`). */
export class CecError extends Error {
  override readonly name = 'CecError';
  readonly meaning: Localized;
  /**
   * @param code the result code as sent, e.g. `0200022`
   * @param operation what was called, e.g. `addNumbers`
   * @param serverMessage the server's description (resultDesc), redacted; for the log only
   */
  constructor(
    readonly code: string,
    readonly operation: string,
    readonly serverMessage?: string,
  ) {
    const meaning = cecCodeMeaning(code);
    super(`CEC ${operation} answered ${code}: ${meaning.en}`);
    this.meaning = meaning;
  }
}

/**
 * HTTP 401: CC-iSales/CC-FS refused the signature (a wrong AK/SK, or this machine's clock more
 * than ~15 minutes off), or the QC service refused the app key or token.
 */
export class CecAuthError extends Error {
  override readonly name = 'CecAuthError';
  readonly sent = 'yes' as const;
  readonly status = 401;
  /** @param code which refusal @param operation what was called */
  constructor(
    readonly code: 'huawei.auth_refused' | 'huawei.qc_auth_refused',
    readonly operation: string,
  ) {
    super(
      `CEC ${operation}: ${code} (HTTP 401${code === 'huawei.auth_refused' ? ', signature refused or clock off' : ''})`,
    );
  }
}

/** A recording download answered something that is not a WAV (nor a zip holding one). */
export class CecRecordingError extends Error {
  override readonly name = 'CecRecordingError';
  readonly code = 'huawei.not_wav';
  /** @param reason a short English reason, for the log and the AppError detail */
  constructor(readonly reason: string) {
    super(`CEC recording: ${reason}`);
  }
}

/** A parameter was refused before anything was sent. */
export class CecValidationError extends Error {
  override readonly name = 'CecValidationError';
  readonly code = 'huawei.invalid_param';
  /** @param field the wire field @param reason a short English reason (the AppError detail) */
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid ${field}: ${reason}`);
  }
}

/** Anything this client deliberately rejects with. */
export type CecClientError =
  CecError | CecAuthError | CecRecordingError | CecValidationError | TransportError;

/** True for the caller's own abort. */
export function isCecAbort(err: unknown): boolean {
  return err instanceof TransportError && err.code === 'net.aborted';
}

/** True for a refused signature or token (HTTP 401). */
export function isAuthRefused(err: unknown): boolean {
  return err instanceof CecAuthError;
}

/**
 * Converts anything the client threw into the IPC error shape, localised. Server codes become
 * `huawei.<code>`; transport codes stay `net.*`; anything else `huawei.unexpected`.
 */
export function toAppError(err: unknown, locale: Locale): AppError {
  if (err instanceof CecError)
    return { code: `huawei.${err.code}`, message: err.meaning[locale], detail: err.operation };
  if (err instanceof CecAuthError)
    return { code: err.code, message: CEC_CLIENT_MESSAGES[err.code][locale], detail: 'HTTP 401' };
  if (err instanceof TransportError) {
    const message = NET_MESSAGES[err.code][locale];
    return err.status !== undefined
      ? { code: err.code, message, detail: `HTTP ${err.status}` }
      : { code: err.code, message };
  }
  if (err instanceof CecRecordingError)
    return { code: err.code, message: CEC_CLIENT_MESSAGES['huawei.not_wav'][locale], detail: err.reason };
  if (err instanceof CecValidationError)
    return {
      code: err.code,
      message: CEC_CLIENT_MESSAGES['huawei.invalid_param'][locale],
      detail: `${err.field}: ${err.reason}`,
    };
  if (err instanceof Error && (err as { code?: unknown }).code === 'huawei.create_uncertain')
    return {
      code: 'huawei.create_uncertain',
      message: CEC_CLIENT_MESSAGES['huawei.create_uncertain'][locale],
    };
  return { code: 'huawei.unexpected', message: CEC_CLIENT_MESSAGES['huawei.unexpected'][locale] };
}

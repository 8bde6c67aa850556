/**
 * The errors the CEC client rejects with (besides the shared http/ TransportError for network,
 * HTTP, redirect, size and certificate failures), and their translation into the IPC
 * `AppError`. Built from our own words and redacted excerpts only: no URL, body, header or raw
 * fetch error is kept, so AK/SK cannot leak through them.
 */
import type { Locale, Localized } from '../../../shared/locale';
import type { AppError } from '../../../shared/result';
import { CEC_CLIENT_MESSAGES, cecClockSkewMessage, cecCodeMeaning } from '../../../shared/codes/huaweiCec';
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
 * HTTP 401: CC-iSales/CC-FS refused the signature, or the QC service refused the app key or
 * token. `huawei.clock_skew` when the answer's `Date` shows this machine's clock more than
 * {@link CLOCK_SKEW_SUSPECT_MS} off the server's (the platform refuses a stamp ~15 minutes off);
 * `huawei.auth_refused` otherwise (a wrong AK/SK, or a clock the answer could not show).
 */
export class CecAuthError extends Error {
  override readonly name = 'CecAuthError';
  readonly sent = 'yes' as const;
  readonly status = 401;
  /**
   * @param code which refusal
   * @param operation what was called
   * @param clockSkewMs for `huawei.clock_skew`: this machine's signing time minus the server's
   *   (positive: this clock is ahead)
   */
  constructor(
    readonly code: 'huawei.auth_refused' | 'huawei.clock_skew' | 'huawei.qc_auth_refused',
    readonly operation: string,
    readonly clockSkewMs?: number,
  ) {
    super(
      `CEC ${operation}: ${code} (HTTP 401${
        code === 'huawei.auth_refused'
          ? ', signature refused or clock off'
          : code === 'huawei.clock_skew'
            ? `, clock ${Math.round((clockSkewMs ?? 0) / 1000)} s off the server's`
            : ''
      })`,
    );
  }
}

/**
 * How far this machine's clock may be from the server's `Date` before a 401 is put down to the
 * clock rather than the AK/SK. Below the platform's ~15 minutes so a clock near the edge is named
 * too; well above the second-resolution of `Date` and any network delay.
 */
export const CLOCK_SKEW_SUSPECT_MS = 10 * 60_000;

/**
 * The refusal a signed HTTP 401 stands for: the clock when the server's `Date` header is more
 * than {@link CLOCK_SKEW_SUSPECT_MS} from the signing time, else the AK/SK.
 * @param signedAt the stamp the request was signed with (epoch ms)
 * @param serverDate the answer's `Date` header, if any
 */
export function signatureRefusal(
  operation: string,
  signedAt: number,
  serverDate: string | null,
): CecAuthError {
  const served = serverDate ? Date.parse(serverDate) : NaN;
  const skew = signedAt - served;
  return Number.isFinite(skew) && Math.abs(skew) > CLOCK_SKEW_SUSPECT_MS
    ? new CecAuthError('huawei.clock_skew', operation, skew)
    : new CecAuthError('huawei.auth_refused', operation);
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
    return {
      code: err.code,
      message:
        err.code === 'huawei.clock_skew'
          ? cecClockSkewMessage(err.clockSkewMs ?? 0)[locale]
          : CEC_CLIENT_MESSAGES[err.code][locale],
      detail: 'HTTP 401',
    };
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

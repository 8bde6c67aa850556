/**
 * The errors the CEC client rejects with, and their translation into the IPC `AppError`.
 * Built from our own words and redacted excerpts only: no URL, body, header or raw fetch error
 * (whose cause chain may carry a signed header) is kept, so AK/SK cannot leak through them.
 */
import type { Locale, Localized } from '../../../shared/locale';
import type { AppError } from '../../../shared/result';
import { CEC_CLIENT_MESSAGES, cecCodeMeaning, type CecClientCode } from '../../../shared/codes/huaweiCec';
import { NET_MESSAGES, type NetErrorCode } from '../../../shared/codes/net';

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

/** Whether a failed request reached the server (see the Sobot client's SentState). */
export type SentState = 'no' | 'maybe' | 'yes';

/** No usable answer: network, HTTP, TLS or body problem. */
export class CecTransportError extends Error {
  override readonly name = 'CecTransportError';
  readonly code: NetErrorCode | CecClientCode;
  readonly operation: string;
  readonly sent: SentState;
  readonly status: number | undefined;
  readonly causeCode: string | undefined;
  /** ≤ 200 redacted characters of the body, for the log only. */
  readonly excerpt: string | undefined;

  /** @param init the facts; `excerpt` must already be redacted */
  constructor(init: {
    code: NetErrorCode | CecClientCode;
    operation: string;
    sent: SentState;
    status?: number;
    causeCode?: string;
    excerpt?: string;
    reason?: string;
  }) {
    const bits = [init.reason, init.status !== undefined ? `HTTP ${init.status}` : undefined, init.causeCode];
    const why = bits.filter(Boolean).join(', ');
    super(`CEC ${init.operation}: ${init.code}${why ? ` (${why})` : ''}`);
    this.code = init.code;
    this.operation = init.operation;
    this.sent = init.sent;
    this.status = init.status;
    this.causeCode = init.causeCode;
    this.excerpt = init.excerpt;
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
export type CecClientError = CecError | CecTransportError | CecValidationError;

/** True for the caller's own abort. */
export function isCecAbort(err: unknown): boolean {
  return err instanceof CecTransportError && err.code === 'net.aborted';
}

/** True for a refused signature or token (HTTP 401). */
export function isAuthRefused(err: unknown): boolean {
  return (
    err instanceof CecTransportError &&
    (err.code === 'huawei.auth_refused' || err.code === 'huawei.qc_auth_refused')
  );
}

/**
 * Converts anything the client threw into the IPC error shape, localised. Server codes become
 * `huawei.<code>`; transport codes stay `net.*` or `huawei.*`; anything else `huawei.unexpected`.
 */
export function toAppError(err: unknown, locale: Locale): AppError {
  if (err instanceof CecError)
    return { code: `huawei.${err.code}`, message: err.meaning[locale], detail: err.operation };
  if (err instanceof CecTransportError) {
    const table = err.code.startsWith('net.')
      ? NET_MESSAGES[err.code as NetErrorCode]
      : CEC_CLIENT_MESSAGES[err.code as CecClientCode];
    const message = table[locale];
    return err.status !== undefined
      ? { code: err.code, message, detail: `HTTP ${err.status}` }
      : { code: err.code, message };
  }
  if (err instanceof CecValidationError)
    return {
      code: err.code,
      message: CEC_CLIENT_MESSAGES['huawei.invalid_param'][locale],
      detail: `${err.field}: ${err.reason}`,
    };
  return { code: 'huawei.unexpected', message: CEC_CLIENT_MESSAGES['huawei.unexpected'][locale] };
}

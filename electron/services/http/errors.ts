/**
 * The transport's failure, whichever provider was being called: the request did not produce a
 * readable answer (network, HTTP status, redirect, oversized or unreadable body).
 *
 * Built from our own words plus already-redacted excerpts only: it never keeps the request URL,
 * body or the raw `fetch` error (whose `cause` chain could carry the URL), so a credential cannot
 * leak through `message`, `cause`, `stack` or `util.inspect`.
 */
import type { NetErrorCode } from '../../../shared/codes/net';

/**
 * Whether a failed request reached the server: `no` (refused, DNS: nothing was sent, so any
 * request may be repeated), `maybe` (timeout or reset after sending: a mutation may have
 * happened), `yes` (the server answered, e.g. an HTTP error or an unreadable body).
 */
export type SentState = 'no' | 'maybe' | 'yes';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  /** Stable code, e.g. `net.timeout`. */
  readonly code: NetErrorCode;
  /** The operation's name (an endpoint such as `pause_task`, or `push` for a pushed payload). */
  readonly endpoint: string;
  /** Whether the request reached the server (drives retry and reconciliation). */
  readonly sent: SentState;
  /** HTTP status, when there was a response. */
  readonly status: number | undefined;
  /** ≤ 200 characters of the body or low-level reason, redacted: for the log only. */
  readonly excerpt: string | undefined;
  /** Low-level error code such as `ECONNREFUSED`, when known. */
  readonly causeCode: string | undefined;

  /** @param init the facts; `excerpt` must already be redacted */
  constructor(init: {
    code: NetErrorCode;
    endpoint: string;
    sent: SentState;
    status?: number;
    excerpt?: string;
    causeCode?: string;
    reason?: string;
  }) {
    const bits = [init.reason, init.status !== undefined ? `HTTP ${init.status}` : undefined, init.causeCode];
    const why = bits.filter(Boolean).join(', ');
    super(`${init.endpoint}: ${init.code}${why ? ` (${why})` : ''}`);
    this.code = init.code;
    this.endpoint = init.endpoint;
    this.sent = init.sent;
    this.status = init.status;
    this.excerpt = init.excerpt;
    this.causeCode = init.causeCode;
  }
}

/** True for the abort of a caller's signal, so loops can stop without classifying it. */
export function isAbortError(err: unknown): boolean {
  return err instanceof TransportError && err.code === 'net.aborted';
}

/** The error a cancelled request rejects with. */
export function abortedError(endpoint: string, sent: SentState = 'no'): TransportError {
  return new TransportError({ code: 'net.aborted', endpoint, sent });
}

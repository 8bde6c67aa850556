/**
 * When a failed request may be repeated, and how long to wait first — for every provider.
 *
 * Policy:
 * - Nothing was sent (connection refused, DNS failure): any request may be repeated.
 * - Idempotent reads: also on timeouts, resets and HTTP 5xx/429, and on whatever answer the
 *   provider itself calls transient (its `providerRetryable`, e.g. Sobot's 329999).
 * - Mutations: never after the request may have reached the server. A provider that must know
 *   (Sobot's add_task, row uploads) reconciles instead.
 * - Never after a redirect or an oversized answer: the same server would answer the same.
 */
import { TransportError } from './errors';

/** Retry tuning; every field optional. `retries: 0` disables retrying. */
export interface RetryOptions {
  /** Extra attempts after the first (default 3). */
  retries?: number;
  /** First backoff step in ms (default 250). */
  baseDelayMs?: number;
  /** Upper bound of one wait in ms (default 4000). */
  maxDelayMs?: number;
  /** Source of randomness in [0,1) for jitter (tests pass a fixed one). */
  random?: () => number;
}

/** {@link RetryOptions} with defaults filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** Defaults: 3 retries, 250 ms doubling, capped at 4 s (worst case ≈ 0.25+0.5+1 s of waiting). */
export const DEFAULT_RETRY: RetryPolicy = {
  retries: 3,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  random: Math.random,
};

/** Fills defaults; `false` means no retry at all. */
export function resolveRetry(opt: RetryOptions | false | undefined): RetryPolicy {
  if (opt === false) return { ...DEFAULT_RETRY, retries: 0 };
  return { ...DEFAULT_RETRY, ...opt };
}

/**
 * Backoff before retry number `attempt` (1-based): "equal jitter", i.e. half the exponential
 * step plus a random half. Never zero (the server gets a breather), never above `maxDelayMs`,
 * and different clients spread out instead of retrying in lock-step.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return step / 2 + policy.random() * (step / 2);
}

/**
 * Whether an error may be retried for a request of the given safety class.
 * @param providerRetryable the provider's own transient answers (checked for idempotent calls only)
 */
export function isRetryable(
  err: unknown,
  idempotent: boolean,
  providerRetryable: (err: unknown) => boolean = () => false,
): boolean {
  if (err instanceof TransportError) {
    if (err.code === 'net.aborted' || err.code === 'net.redirected' || err.code === 'net.too_large')
      return false;
    if (err.causeCode === 'ERR_INVALID_URL') return false; // a bad base URL stays bad
    if (err.sent === 'no') return true;
    if (!idempotent) return false;
    if (err.code === 'net.timeout' || err.code === 'net.unreachable' || err.code === 'net.offline')
      return true;
    if (err.code === 'net.http_status')
      return err.status !== undefined && (err.status >= 500 || err.status === 429);
    return false;
  }
  return idempotent && providerRetryable(err);
}

/**
 * Waits `ms`, rejecting early with `onAbort()` when the signal fires (so cancelling a sync
 * does not sit out a backoff).
 */
export function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  if (signal?.aborted) return Promise.reject(onAbort());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = (): void => {
      clearTimeout(timer);
      reject(onAbort());
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

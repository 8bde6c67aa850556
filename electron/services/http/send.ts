/**
 * One HTTP exchange that trusts no server, for every provider: a slot from the client's
 * limiter, a per-attempt timeout bounded by the operation's deadline, the caller's AbortSignal,
 * no redirects followed (a redirect could carry credentials to another origin: it is refused as
 * `net.redirected`), and a body read under a cap after decompression (`net.too_large`).
 * `withRetries` repeats an attempt only where retry.ts says it is safe, within the deadline.
 */
import type { Logger } from '../log';
import { BodyTooLargeError, declaredTooLarge, readCapped } from './body';
import { classifyThrown, type AttemptState } from './classify';
import { TransportError, abortedError } from './errors';
import type { Limiter } from './limiter';
import { backoffDelay, isRetryable, sleep, type RetryPolicy } from './retry';

/** Answers larger than this are refused unless a call says otherwise (JSON answers are small). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** How a client sends: built once per client. */
export interface HttpConfig {
  fetch: typeof globalThis.fetch;
  /** Per-attempt timeout, ms. */
  timeoutMs: number;
  limiter: Limiter;
  /** Decoded body cap, bytes; default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
}

/** One attempt's request. */
export interface HttpRequest {
  url: string;
  init: RequestInit;
  /** The operation's name, for errors and the log (never the URL: it may hold credentials). */
  endpoint: string;
  signal?: AbortSignal | undefined;
  /** Epoch ms after which no attempt may still run (see `withRetries`). */
  deadline?: number | undefined;
  /** Overrides the config's body cap (recordings are larger than JSON answers). */
  maxBodyBytes?: number;
  /** Called just before the request leaves (after the limiter's slot): a pacer counts from here. */
  onDispatch?: (() => void) | undefined;
}

/** A complete answer (any status): the caller interprets it. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/**
 * Sends once and reads the whole answer.
 * @throws TransportError for every network, redirect, size or timeout failure
 */
export async function sendOnce(cfg: HttpConfig, request: HttpRequest): Promise<HttpAnswer> {
  const { endpoint, signal } = request;
  const release = await cfg.limiter.acquire(signal, () => abortedError(endpoint));
  const remaining = request.deadline === undefined ? Infinity : request.deadline - Date.now();
  if (remaining <= 0) {
    release();
    throw new TransportError({ code: 'net.timeout', endpoint, sent: 'no', reason: 'deadline passed' });
  }
  const controller = new AbortController();
  const state: AttemptState = { timedOut: false, userAborted: false, responded: false };
  const timer = setTimeout(
    () => {
      state.timedOut = true;
      controller.abort();
    },
    Math.min(cfg.timeoutMs, remaining),
  );
  const onUserAbort = (): void => {
    state.userAborted = true;
    controller.abort();
  };
  if (signal?.aborted) onUserAbort();
  else signal?.addEventListener('abort', onUserAbort, { once: true });
  const maxBytes = request.maxBodyBytes ?? cfg.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  try {
    let response: Response;
    try {
      request.onDispatch?.();
      response = await cfg.fetch(request.url, {
        ...request.init,
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (err) {
      throw classifyThrown(err, endpoint, state);
    }
    state.responded = true;
    const discard = (): void => void response.body?.cancel().catch(() => undefined);
    if (response.status >= 300 && response.status < 400) {
      discard();
      throw new TransportError({
        code: 'net.redirected',
        endpoint,
        sent: 'yes',
        status: response.status,
        reason: 'redirect refused',
      });
    }
    if (declaredTooLarge(response.headers, maxBytes)) {
      discard();
      throw new TransportError({
        code: 'net.too_large',
        endpoint,
        sent: 'yes',
        reason: `over ${maxBytes} bytes`,
      });
    }
    let body: Uint8Array;
    try {
      body = await readBody(response, controller.signal, maxBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError)
        throw new TransportError({ code: 'net.too_large', endpoint, sent: 'yes', reason: err.message });
      throw classifyThrown(err, endpoint, state);
    }
    return { status: response.status, headers: response.headers, body };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onUserAbort);
    release();
  }
}

/**
 * Reads the body, giving up when the signal fires even if an injected fetch does not tie the
 * body stream to the signal (undici does; a host's own fetch may not).
 */
function readBody(res: Response, signal: AbortSignal, maxBytes: number): Promise<Uint8Array> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise((resolve, reject) => {
    const stop = (): void => {
      res.body?.cancel().catch(() => undefined);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', stop, { once: true });
    readCapped(res.body, maxBytes)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', stop));
  });
}

/** What `withRetries` needs to know about the call. */
export interface RetryContext {
  endpoint: string;
  idempotent: boolean;
  policy: RetryPolicy;
  log: Logger;
  signal?: AbortSignal | undefined;
  deadline?: number | undefined;
  /** The provider's own transient answers (e.g. Sobot's 329999). */
  providerRetryable?: (err: unknown) => boolean;
}

/** Runs `attempt` until it succeeds, or fails in a way retry.ts will not repeat, or time is up. */
export async function withRetries<T>(context: RetryContext, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n > context.policy.retries || !isRetryable(err, context.idempotent, context.providerRetryable))
        throw err;
      const delay = backoffDelay(n, context.policy);
      if (context.deadline !== undefined && Date.now() + delay >= context.deadline) throw err;
      context.log.warn('http retry', {
        endpoint: context.endpoint,
        attempt: n,
        delayMs: Math.round(delay),
        error: err instanceof Error ? err.message : String(err),
      });
      await sleep(delay, context.signal, () => abortedError(context.endpoint));
    }
  }
}

/**
 * The wire: builds one iCall request (query string, form, JSON or multipart), runs it under the
 * shared concurrency limiter with a per-attempt timeout and the caller's AbortSignal, turns
 * every failure into a stable error, and retries only what retry.ts says is safe.
 *
 * Credentials are added here and nowhere else; URLs and bodies are never logged or kept.
 */
import { redact, type Logger } from '../log';
import { SobotError, SobotTransportError } from './errors';
import { isJsonObject, JsonNumber, JsonSyntaxError, parseTolerantJson, type JsonObject } from './json';
import type { Limiter } from './limiter';
import { backoffDelay, isRetryable, sleep, type RetryPolicy } from './retry';
import type { NetErrorCode } from '../../../shared/codes/net';
import { SOBOT_SUCCESS } from '../../../shared/codes/sobot';

/** Request parameters as wire strings (undefined = omitted), credentials excluded. */
export type WireParams = Record<string, string | undefined>;

/** A file for multipart upload: bytes or a Blob, with the name the server will see. */
export interface FilePart {
  data: Uint8Array | Blob;
  filename: string;
  /** Defaults to the xlsx MIME type. */
  contentType?: string;
}

/** One logical call; the transport may send it several times (see retry.ts). */
export interface RequestSpec {
  endpoint: string;
  /** `query`: GET with a query string; `form`: POST form (or JSON, per client option); `multipart`. */
  encoding: 'query' | 'form' | 'multipart';
  params: WireParams;
  /** Replacement values for JSON bodies (e.g. `data` as an array instead of a JSON string). */
  jsonOverrides?: Record<string, unknown>;
  file?: { field: string; part: FilePart };
  /** Safe to repeat after the server may have seen it. */
  idempotent: boolean;
  signal?: AbortSignal | undefined;
}

/** What a transport needs; built once per client. */
export interface TransportConfig {
  baseUrl: string;
  appid: string;
  signature: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  limiter: Limiter;
  log: Logger;
  retry: RetryPolicy;
  bodyFormat: 'form' | 'json';
}

/** Sends a request and resolves with the successful answer's top-level object. */
export type Transport = (spec: RequestSpec) => Promise<JsonObject>;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXCERPT_MAX = 200;

/** Accepts a base URL with or without its trailing slash. */
export function normalizeBaseUrl(baseUrl: string): string {
  const trimmed = baseUrl.trim();
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** `a=1&b=%E4%B8%AD`: every reserved character (`,` `|` `^` spaces, CJK) percent-encoded. */
export function encodeQuery(params: WireParams): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

/** Form body exactly like the vendor demo's `URLEncoder` (spaces as `+`). */
export function encodeForm(params: WireParams): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) form.append(key, value);
  return form.toString();
}

/** A redacted, single-line excerpt of at most 200 characters, for the log. */
export function makeExcerpt(text: string, secrets: string[]): string {
  // Redact before cutting, so a signature straddling the cut cannot leave a prefix behind.
  const head = text.slice(0, EXCERPT_MAX + 2 * Math.max(0, ...secrets.map((s) => s.length)));
  return redact(head, secrets).replace(/\s+/g, ' ').slice(0, EXCERPT_MAX);
}

/** Finds a Node/undici error code (`ECONNREFUSED`, …) anywhere in a cause chain. */
function findErrorCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 5) return undefined;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code)) return e.code;
  const inner = findErrorCode(e.cause, depth + 1);
  if (inner) return inner;
  if (Array.isArray(e.errors))
    for (const sub of e.errors) {
      const c = findErrorCode(sub, depth + 1);
      if (c) return c;
    }
  return undefined;
}

/** Whether a fetch error says the URL itself cannot be used (message text, no code). */
function isUnusableUrl(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 3) return false;
  if (/bad port|unknown scheme|invalid url|failed to parse url/i.test(err.message)) return true;
  return isUnusableUrl(err.cause, depth + 1);
}

/** Error codes raised before a single byte of the request left this machine. */
const NOT_SENT: Record<string, NetErrorCode> = {
  ECONNREFUSED: 'net.unreachable',
  EHOSTUNREACH: 'net.unreachable',
  ENETUNREACH: 'net.offline',
  ENOTFOUND: 'net.offline',
  EAI_AGAIN: 'net.offline',
  EAI_FAIL: 'net.offline',
  UND_ERR_CONNECT_TIMEOUT: 'net.timeout',
  ERR_INVALID_URL: 'net.unreachable',
};

/** Classifies an exception from `fetch()` or from reading the body. */
function classifyThrown(
  err: unknown,
  endpoint: string,
  state: { timedOut: boolean; userAborted: boolean; responded: boolean },
): SobotTransportError {
  if (state.userAborted) return new SobotTransportError({ code: 'net.aborted', endpoint, sent: 'maybe' });
  if (state.timedOut)
    return new SobotTransportError({
      code: 'net.timeout',
      endpoint,
      sent: state.responded ? 'yes' : 'maybe',
    });
  // undici refuses some URLs before connecting ("bad port", "unknown scheme"): nothing was
  // sent, and repeating cannot help (retry.ts checks ERR_INVALID_URL).
  const causeCode = findErrorCode(err) ?? (isUnusableUrl(err) ? 'ERR_INVALID_URL' : undefined);
  const notSent = causeCode ? NOT_SENT[causeCode] : undefined;
  if (notSent) return new SobotTransportError({ code: notSent, endpoint, sent: 'no', causeCode });
  // Resets and unknown socket failures: the request may have been processed.
  return new SobotTransportError({
    code: 'net.unreachable',
    endpoint,
    sent: state.responded ? 'yes' : 'maybe',
    ...(causeCode ? { causeCode } : {}),
    reason: state.responded ? 'body interrupted' : 'connection failed',
  });
}

/** Interprets a complete HTTP answer: success object, SobotError, or transport error. */
function interpret(status: number, text: string, endpoint: string, secrets: string[]): JsonObject {
  const okStatus = status >= 200 && status < 300;
  const fail = (reason: string): never => {
    throw new SobotTransportError({
      code: okStatus ? 'net.bad_response' : 'net.http_status',
      endpoint,
      sent: 'yes',
      ...(okStatus ? {} : { status }),
      excerpt: makeExcerpt(text, secrets),
      reason,
    });
  };
  const body = text.trim();
  if (body === '') return fail('empty body');
  if (body.startsWith('<')) return fail('HTML instead of JSON');
  let parsed;
  try {
    parsed = parseTolerantJson(body);
  } catch (e) {
    return fail(e instanceof JsonSyntaxError && e.truncated ? 'truncated JSON' : 'invalid JSON');
  }
  if (!isJsonObject(parsed)) return fail('JSON is not an object');
  const rc = parsed['ret_code'];
  const code = typeof rc === 'string' ? rc.trim() : rc instanceof JsonNumber ? rc.raw : undefined;
  if (code === undefined) return fail('no ret_code');
  if (code !== SOBOT_SUCCESS) {
    const msg = parsed['ret_msg'];
    throw new SobotError(code, endpoint, typeof msg === 'string' ? redact(msg, secrets) : undefined);
  }
  return parsed;
}

/**
 * Reads the body, giving up when the signal fires even if an injected fetch does not tie the
 * body stream to the signal (undici does; a host's own fetch may not).
 */
function readBody(res: Response, signal: AbortSignal): Promise<string> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise((resolve, reject) => {
    const stop = (): void => {
      res.body?.cancel().catch(() => undefined);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', stop, { once: true });
    res
      .text()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', stop));
  });
}

/** Builds the transport function for one client. */
export function createTransport(cfg: TransportConfig): Transport {
  const base = normalizeBaseUrl(cfg.baseUrl);
  const secrets = [cfg.signature];
  const aborted = (endpoint: string) => () =>
    new SobotTransportError({ code: 'net.aborted', endpoint, sent: 'no' });

  const buildInit = (spec: RequestSpec): { url: string; init: RequestInit } => {
    const auth: WireParams = { appid: cfg.appid, signature: cfg.signature };
    const all: WireParams = { ...auth, ...spec.params };
    const headers: Record<string, string> = { Accept: 'application/json, text/plain, */*' };
    const url = `${base}${spec.endpoint}`;
    if (spec.encoding === 'query')
      return { url: `${url}?${encodeQuery(all)}`, init: { method: 'GET', headers } };
    if (spec.encoding === 'multipart') {
      const form = new FormData();
      for (const [k, v] of Object.entries(all)) if (v !== undefined) form.append(k, v);
      if (spec.file) {
        const { data, filename, contentType } = spec.file.part;
        const blob =
          data instanceof Blob ? data : new Blob([new Uint8Array(data)], { type: contentType ?? XLSX_MIME });
        form.append(spec.file.field, blob, filename);
      }
      // No Content-Type header: fetch writes it with the multipart boundary.
      return { url, init: { method: 'POST', headers, body: form } };
    }
    if (cfg.bodyFormat === 'json') {
      const json: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(all)) if (v !== undefined) json[k] = v;
      Object.assign(json, spec.jsonOverrides);
      headers['Content-Type'] = 'application/json;charset=UTF-8';
      return { url, init: { method: 'POST', headers, body: JSON.stringify(json) } };
    }
    headers['Content-Type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    return { url, init: { method: 'POST', headers, body: encodeForm(all) } };
  };

  const once = async (spec: RequestSpec, attempt: number): Promise<JsonObject> => {
    const release = await cfg.limiter.acquire(spec.signal, aborted(spec.endpoint));
    const ctrl = new AbortController();
    const state = { timedOut: false, userAborted: false, responded: false };
    const timer = setTimeout(() => {
      state.timedOut = true;
      ctrl.abort();
    }, cfg.timeoutMs);
    const onUserAbort = (): void => {
      state.userAborted = true;
      ctrl.abort();
    };
    if (spec.signal?.aborted) onUserAbort();
    else spec.signal?.addEventListener('abort', onUserAbort, { once: true });
    const started = Date.now();
    try {
      const { url, init } = buildInit(spec);
      let status: number;
      let text: string;
      try {
        const res = await cfg.fetch(url, { ...init, signal: ctrl.signal });
        state.responded = true;
        status = res.status;
        text = await readBody(res, ctrl.signal);
      } catch (err) {
        throw classifyThrown(err, spec.endpoint, state);
      }
      // A timeout that fired while the last bytes arrived still counts as an answer.
      cfg.log.debug('sobot response', { endpoint: spec.endpoint, attempt, status, ms: Date.now() - started });
      return interpret(status, text, spec.endpoint, secrets);
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onUserAbort);
      release();
    }
  };

  return async (spec) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(spec, attempt);
      } catch (err) {
        if (attempt > cfg.retry.retries || !isRetryable(err, spec.idempotent)) throw err;
        const delay = backoffDelay(attempt, cfg.retry);
        cfg.log.warn('sobot retry', {
          endpoint: spec.endpoint,
          attempt,
          delayMs: Math.round(delay),
          error: err instanceof Error ? err.message : String(err),
        });
        await sleep(delay, spec.signal, aborted(spec.endpoint));
      }
    }
  };
}

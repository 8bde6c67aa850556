/**
 * The CEC wire: one signed request (auth-v2 for CC-iSales and CC-FS), run under the client's
 * concurrency limiter with a per-attempt timeout and the caller's signal, its answer read with
 * a size cap, and every failure turned into a stable error. Retries only what is safe.
 *
 * - The JSON body is serialised once and that exact text is both signed and sent.
 * - `host` is signed as `new URL(base).host`, which is what fetch puts on the wire.
 * - Redirects are never followed (a 3xx is an error): a signed request must not be replayed to
 *   another host, and CEC endpoints do not redirect.
 * - HTTP 401 (no body) is the platform refusing the signature, usually a wrong SK or a clock
 *   more than ~15 minutes off: `huawei.auth_refused`.
 * - TLS is verified always; a private-CA tenant gives its CA certificate (tls.ts).
 */
import { redact, type Logger } from '../log';
import { createLimiter, type Limiter } from '../sobot/limiter';
import { backoffDelay, resolveRetry, sleep, type RetryOptions, type RetryPolicy } from '../sobot/retry';
import { CEC_ISALES_SUCCESS } from '../../../shared/codes/huaweiCec';
import { CecError, CecTransportError } from './errors';
import { isJsonObject, JsonNumber, JsonSyntaxError, parseTolerantJson, type JsonObject } from './json';
import { encodeRfc3986, JSON_CONTENT_TYPE, signAuthV2, wireQuery, type QueryItems } from './signer';
import { classifyThrown } from './netErrors';
import type { HttpFetch } from './tls';

/** One logical request; the transport may send it more than once (see {@link isRetryableCec}). */
export interface CecRequest {
  /** The client operation, for errors and the log (`addNumbers`). */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path as sent, its segments already encoded (see {@link pathOf}). */
  path: string;
  query?: QueryItems;
  /** The JSON body, serialised once by the transport; undefined for none. */
  json?: unknown;
  /** Safe to repeat after the server may have seen it. */
  idempotent: boolean;
  signal?: AbortSignal | undefined;
  /** Unsigned requests only (QC): headers sent instead of the auth-v2 Authorization. */
  headers?: Record<string, string>;
}

/** What a binary request (a recording) answered: the bytes, or the JSON that came instead. */
export type BinaryAnswer =
  { kind: 'bytes'; bytes: Uint8Array; contentType: string } | { kind: 'json'; body: JsonObject };

/** What a transport needs; built once per client. */
export interface TransportConfig {
  baseUrl: string;
  ak: string;
  sk: string;
  fetch: HttpFetch;
  /** Extra fetch init (the TLS dispatcher). */
  init?: Record<string, unknown>;
  now: () => number;
  timeoutMs: number;
  limiter: Limiter;
  log: Logger;
  retry: RetryPolicy;
  /** Largest JSON answer read (default 8 MB). */
  maxJsonBytes: number;
}

/** The signed transport of one client. */
export interface CecTransport {
  /** A JSON request to CC-iSales; resolves with the success object (returnCode/resultCode 0200000). */
  json(req: CecRequest): Promise<JsonObject>;
  /** A request answered with bytes (CC-FS); `maxBytes` caps the body. */
  binary(req: CecRequest, maxBytes: number): Promise<BinaryAnswer>;
  /**
   * An unsigned JSON request with the caller's headers (the QC service, which takes a Bearer
   * token): resolves with the answer object whatever its fields; HTTP 401 is
   * `huawei.qc_auth_refused`.
   */
  plain(req: CecRequest): Promise<JsonObject>;
}

const EXCERPT_MAX = 200;

/** `/a/b/{x}` from raw segments, each encoded like the signer encodes. */
export function pathOf(...segments: (string | number)[]): string {
  return segments
    .map((s) => String(s))
    .flatMap((s) => s.split('/'))
    .filter((s) => s !== '')
    .map((s) => encodeRfc3986(s))
    .reduce((path, s) => `${path}/${s}`, '');
}

/** The base URL without a trailing slash; its path (if any) prefixes every request path. */
export function normalizeBase(baseUrl: string): URL {
  const url = new URL(baseUrl.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError('the CEC base URL must be http(s)');
  url.pathname = url.pathname.replace(/\/+$/, '');
  url.search = '';
  url.hash = '';
  return url;
}

/** Whether an error may be retried for a request of the given safety class. */
export function isRetryableCec(err: unknown, idempotent: boolean): boolean {
  if (!(err instanceof CecTransportError)) return false;
  if (err.code === 'net.aborted' || err.causeCode === 'ERR_INVALID_URL') return false;
  if (err.code.startsWith('huawei.')) return false; // 401, TLS, redirect, size: repeating cannot help
  if (err.sent === 'no') return true;
  if (!idempotent) return false;
  if (err.code === 'net.http_status')
    return err.status !== undefined && (err.status >= 500 || err.status === 429);
  return err.code === 'net.timeout' || err.code === 'net.unreachable' || err.code === 'net.offline';
}

/** Reads at most `max` bytes; past that the body is cancelled and `huawei.too_large` raised. */
async function readCapped(
  res: Response,
  max: number,
  operation: string,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new CecTransportError({ code: 'huawei.too_large', operation, sent: 'yes', status: res.status });
  }
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stop = (): void => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        await reader.cancel().catch(() => undefined);
        throw new CecTransportError({ code: 'huawei.too_large', operation, sent: 'yes', status: res.status });
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (signal.aborted) throw new Error('aborted');
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The result code of a CEC answer: returnCode, else resultCode (text as sent). */
export function resultCodeOf(body: JsonObject): string | undefined {
  for (const key of ['returnCode', 'resultCode']) {
    const v = body[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (v instanceof JsonNumber) return v.raw;
  }
  return undefined;
}

/** Builds the transport of one client. */
export function createTransport(cfg: TransportConfig): CecTransport {
  const base = normalizeBase(cfg.baseUrl);
  const host = base.host;
  // A base without a path has pathname "/": the request paths bring their own leading slash.
  const basePath = base.pathname.replace(/\/+$/, '');
  const secrets = [cfg.sk, cfg.ak];
  const excerpt = (text: string): string =>
    redact(text.slice(0, EXCERPT_MAX * 2), secrets)
      .replace(/\s+/g, ' ')
      .slice(0, EXCERPT_MAX);
  const aborted = (operation: string) => (): CecTransportError =>
    new CecTransportError({ code: 'net.aborted', operation, sent: 'no' });

  /** One attempt: resolves with the HTTP status, content type and capped body bytes. */
  const once = async (req: CecRequest, maxBytes: number, signed: boolean) => {
    const release = await cfg.limiter.acquire(req.signal, aborted(req.operation));
    const ctrl = new AbortController();
    const state = { timedOut: false, userAborted: false, responded: false };
    const timer = setTimeout(() => {
      state.timedOut = true;
      ctrl.abort();
    }, cfg.timeoutMs);
    const onAbort = (): void => {
      state.userAborted = true;
      ctrl.abort();
    };
    if (req.signal?.aborted) onAbort();
    else req.signal?.addEventListener('abort', onAbort, { once: true });
    const started = Date.now();
    try {
      const body = req.json === undefined ? '' : JSON.stringify(req.json);
      const path = `${basePath}${req.path}`;
      const query = req.query ?? [];
      const headers: Record<string, string> = {
        'Content-Type': JSON_CONTENT_TYPE,
        Accept: 'application/json, application/octet-stream, */*',
      };
      if (signed)
        headers['Authorization'] = signAuthV2(
          { ak: cfg.ak, sk: cfg.sk },
          { method: req.method, path, query, headers: { 'content-type': JSON_CONTENT_TYPE, host }, body },
          cfg.now(),
        );
      else Object.assign(headers, req.headers);
      const url = `${base.origin}${path}${query.length > 0 ? `?${wireQuery(query)}` : ''}`;
      let res: Response;
      let bytes: Uint8Array;
      try {
        res = await cfg.fetch(url, {
          ...cfg.init,
          method: req.method,
          headers,
          ...(req.method === 'GET' || req.method === 'DELETE' ? {} : { body }),
          redirect: 'manual',
          signal: ctrl.signal,
        });
        state.responded = true;
        if (res.status >= 300 && res.status < 400) {
          await res.body?.cancel().catch(() => undefined);
          throw new CecTransportError({
            code: 'huawei.redirect',
            operation: req.operation,
            sent: 'yes',
            status: res.status,
          });
        }
        bytes = await readCapped(res, maxBytes, req.operation, ctrl.signal);
      } catch (err) {
        if (err instanceof CecTransportError) throw err;
        throw classifyThrown(err, req.operation, state);
      }
      cfg.log.debug('cec response', {
        operation: req.operation,
        status: res.status,
        ms: Date.now() - started,
      });
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', bytes };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      release();
    }
  };

  const withRetry = async <T>(req: CecRequest, attempt: () => Promise<T>): Promise<T> => {
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (err) {
        if (n > cfg.retry.retries || !isRetryableCec(err, req.idempotent)) throw err;
        const delay = backoffDelay(n, cfg.retry);
        cfg.log.warn('cec retry', {
          operation: req.operation,
          attempt: n,
          delayMs: Math.round(delay),
          error: String(err),
        });
        await sleep(delay, req.signal, aborted(req.operation));
      }
    }
  };

  /** HTTP-level checks shared by both kinds of answer. */
  const checkStatus = (req: CecRequest, status: number, text: () => string, signed = true): void => {
    if (status === 401)
      throw new CecTransportError({
        code: signed ? 'huawei.auth_refused' : 'huawei.qc_auth_refused',
        operation: req.operation,
        sent: 'yes',
        status,
        reason: signed ? 'signature refused or clock off' : 'token refused',
      });
    if (status < 200 || status >= 300)
      throw new CecTransportError({
        code: 'net.http_status',
        operation: req.operation,
        sent: 'yes',
        status,
        excerpt: excerpt(text()),
      });
  };

  const parseJson = (req: CecRequest, text: string, status: number): JsonObject => {
    const fail = (reason: string): never => {
      throw new CecTransportError({
        code: 'net.bad_response',
        operation: req.operation,
        sent: 'yes',
        status,
        excerpt: excerpt(text),
        reason,
      });
    };
    const trimmed = text.trim();
    if (trimmed === '') return fail('empty body');
    if (trimmed.startsWith('<')) return fail('HTML instead of JSON');
    try {
      const parsed = parseTolerantJson(trimmed);
      return isJsonObject(parsed) ? parsed : fail('JSON is not an object');
    } catch (e) {
      return fail(e instanceof JsonSyntaxError && e.truncated ? 'truncated JSON' : 'invalid JSON');
    }
  };

  const serverError = (req: CecRequest, body: JsonObject, code: string): CecError => {
    const desc = body['resultDesc'] ?? body['returnDesc'];
    return new CecError(code, req.operation, typeof desc === 'string' ? redact(desc, secrets) : undefined);
  };

  return {
    json: (req) =>
      withRetry(req, async () => {
        const answer = await once(req, cfg.maxJsonBytes, true);
        const text = new TextDecoder().decode(answer.bytes);
        checkStatus(req, answer.status, () => text);
        const body = parseJson(req, text, answer.status);
        const code = resultCodeOf(body);
        if (code === undefined)
          throw new CecTransportError({
            code: 'net.bad_response',
            operation: req.operation,
            sent: 'yes',
            excerpt: excerpt(text),
            reason: 'no result code',
          });
        if (code !== CEC_ISALES_SUCCESS) throw serverError(req, body, code);
        return body;
      }),
    binary: (req, maxBytes) =>
      withRetry(req, async () => {
        const answer = await once(req, maxBytes, true);
        const text = (): string => new TextDecoder().decode(answer.bytes.subarray(0, 4096));
        checkStatus(req, answer.status, text);
        // CC-FS fails with HTTP 200 and a JSON body instead of the file.
        const head = answer.bytes.subarray(0, 64);
        const looksJson = /json/i.test(answer.contentType) || /^\s*\{/.test(new TextDecoder().decode(head));
        if (looksJson && answer.bytes.length <= cfg.maxJsonBytes) {
          const body = parseJson(req, new TextDecoder().decode(answer.bytes), answer.status);
          const code = resultCodeOf(body);
          if (code !== undefined && code !== CEC_ISALES_SUCCESS) throw serverError(req, body, code);
          return { kind: 'json', body };
        }
        return { kind: 'bytes', bytes: answer.bytes, contentType: answer.contentType };
      }),
    plain: (req) =>
      withRetry(req, async () => {
        const answer = await once(req, cfg.maxJsonBytes, false);
        const text = new TextDecoder().decode(answer.bytes);
        checkStatus(req, answer.status, () => text, false);
        return parseJson(req, text, answer.status);
      }),
  };
}

/** Fills a transport config's defaults. */
export function transportDefaults(opts: { retry?: RetryOptions | false; maxConcurrency?: number }): {
  retry: RetryPolicy;
  limiter: Limiter;
} {
  return { retry: resolveRetry(opts.retry), limiter: createLimiter(opts.maxConcurrency ?? 10) };
}

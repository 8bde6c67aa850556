/**
 * The CEC wire: builds one request — auth-v2 signed for CC-iSales and CC-FS, or with the
 * caller's Bearer headers for QC — and reads the answer. Sending (limiter, timeouts, deadline,
 * no redirects, capped bodies, retries only where safe) is the shared http/ layer's.
 *
 * - The JSON body is serialised once and that exact text is both signed and sent.
 * - `host` is signed as `new URL(base).host`, which is what fetch puts on the wire.
 * - HTTP 401 (no body) is the platform refusing the signature, usually a wrong SK or a clock
 *   more than ~15 minutes off: {@link CecAuthError}, which tells the two apart by the answer's
 *   `Date` header.
 * - TLS is verified always; a private-CA tenant gives its CA certificate (tls.ts).
 */
import { CEC_ISALES_SUCCESS } from '../../../shared/codes/huaweiCec';
import { TransportError } from '../http/errors';
import type { Limiter } from '../http/limiter';
import type { RetryPolicy } from '../http/retry';
import { sendOnce, withRetries, type HttpAnswer } from '../http/send';
import { redact, type Logger } from '../log';
import { CecAuthError, CecError, signatureRefusal } from './errors';
import { isJsonObject, JsonNumber, JsonSyntaxError, parseTolerantJson, type JsonObject } from './json';
import { encodeRfc3986, JSON_CONTENT_TYPE, signAuthV2, wireQuery, type QueryItems } from './signer';
import type { HttpFetch } from './tls';

/** One logical request; it may be sent more than once (see http/retry.ts). */
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
  /** Called just before each attempt leaves (see `HttpRequest.onDispatch`). */
  onDispatch?: () => void;
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
  /** Largest JSON answer read. */
  maxJsonBytes: number;
}

/** The transport of one client. */
export interface CecTransport {
  /** A signed JSON request to CC-iSales; resolves with the success object (0200000). */
  json(req: CecRequest): Promise<JsonObject>;
  /** A signed request answered with bytes (CC-FS); `maxBytes` caps the body. */
  binary(req: CecRequest, maxBytes: number): Promise<BinaryAnswer>;
  /**
   * An unsigned JSON request with the caller's headers (the QC service, which takes a Bearer
   * token): resolves with the answer object; HTTP 401 is `huawei.qc_auth_refused`.
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
    .map((s) => `/${encodeRfc3986(s)}`)
    .join('');
}

/** The base URL checked: http(s), no query or fragment; its path (if any) prefixes requests. */
export function normalizeBase(baseUrl: string): URL {
  const url = new URL(baseUrl.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError('the CEC base URL must be http(s)');
  url.search = '';
  url.hash = '';
  return url;
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

const looksLikeJson = (answer: HttpAnswer): boolean =>
  /json/i.test(answer.headers.get('content-type') ?? '') ||
  /^\s*\{/.test(new TextDecoder().decode(answer.body.subarray(0, 64)));

/** Builds the transport of one client. */
export function createTransport(cfg: TransportConfig): CecTransport {
  const base = normalizeBase(cfg.baseUrl);
  const host = base.host;
  // A base without a path has pathname "/": the request paths bring their own leading slash.
  const basePath = base.pathname.replace(/\/+$/, '');
  const secrets = [cfg.sk, cfg.ak];
  const excerpt = (bytes: Uint8Array): string =>
    redact(new TextDecoder().decode(bytes.subarray(0, EXCERPT_MAX * 4)), secrets)
      .replace(/\s+/g, ' ')
      .slice(0, EXCERPT_MAX);
  const http = {
    fetch: cfg.fetch as typeof globalThis.fetch,
    timeoutMs: cfg.timeoutMs,
    limiter: cfg.limiter,
  };

  /** Sends (with retries) and checks the HTTP status; resolves with the answer. */
  const exchange = (req: CecRequest, signed: boolean, maxBytes: number): Promise<HttpAnswer> =>
    withRetries(
      {
        endpoint: req.operation,
        idempotent: req.idempotent,
        policy: cfg.retry,
        log: cfg.log,
        signal: req.signal,
      },
      async () => {
        const body = req.json === undefined ? '' : JSON.stringify(req.json);
        const path = `${basePath}${req.path}`;
        const query = req.query ?? [];
        const headers: Record<string, string> = {
          'Content-Type': JSON_CONTENT_TYPE,
          Accept: 'application/json, application/octet-stream, */*',
        };
        const signedAt = cfg.now();
        if (signed)
          headers['Authorization'] = signAuthV2(
            { ak: cfg.ak, sk: cfg.sk },
            { method: req.method, path, query, headers: { 'content-type': JSON_CONTENT_TYPE, host }, body },
            signedAt,
          );
        else Object.assign(headers, req.headers);
        const started = Date.now();
        const answer = await sendOnce(http, {
          url: `${base.origin}${path}${query.length > 0 ? `?${wireQuery(query)}` : ''}`,
          init: {
            ...cfg.init,
            method: req.method,
            headers,
            ...(req.method === 'GET' || req.method === 'DELETE' ? {} : { body }),
          } as RequestInit,
          endpoint: req.operation,
          signal: req.signal,
          maxBodyBytes: maxBytes,
          onDispatch: req.onDispatch,
        });
        cfg.log.debug('cec response', {
          operation: req.operation,
          status: answer.status,
          ms: Date.now() - started,
        });
        if (answer.status === 401)
          throw signed
            ? signatureRefusal(req.operation, signedAt, answer.headers.get('date'))
            : new CecAuthError('huawei.qc_auth_refused', req.operation);
        if (answer.status < 200 || answer.status >= 300)
          throw new TransportError({
            code: 'net.http_status',
            endpoint: req.operation,
            sent: 'yes',
            status: answer.status,
            excerpt: excerpt(answer.body),
          });
        return answer;
      },
    );

  const parseJson = (req: CecRequest, answer: HttpAnswer): JsonObject => {
    const text = new TextDecoder().decode(answer.body).trim();
    const fail = (reason: string): never => {
      throw new TransportError({
        code: 'net.bad_response',
        endpoint: req.operation,
        sent: 'yes',
        status: answer.status,
        excerpt: excerpt(answer.body),
        reason,
      });
    };
    if (text === '') return fail('empty body');
    if (text.startsWith('<')) return fail('HTML instead of JSON');
    try {
      const parsed = parseTolerantJson(text);
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
    async json(req) {
      const answer = await exchange(req, true, cfg.maxJsonBytes);
      const body = parseJson(req, answer);
      const code = resultCodeOf(body);
      if (code === undefined)
        throw new TransportError({
          code: 'net.bad_response',
          endpoint: req.operation,
          sent: 'yes',
          reason: 'no result code',
        });
      if (code !== CEC_ISALES_SUCCESS) throw serverError(req, body, code);
      return body;
    },
    async binary(req, maxBytes) {
      const answer = await exchange(req, true, maxBytes);
      // CC-FS fails with HTTP 200 and a JSON body instead of the file.
      if (looksLikeJson(answer) && answer.body.length <= cfg.maxJsonBytes) {
        const body = parseJson(req, answer);
        const code = resultCodeOf(body);
        if (code !== undefined && code !== CEC_ISALES_SUCCESS) throw serverError(req, body, code);
        return { kind: 'json', body };
      }
      return { kind: 'bytes', bytes: answer.body, contentType: answer.headers.get('content-type') ?? '' };
    },
    async plain(req) {
      return parseJson(req, await exchange(req, false, cfg.maxJsonBytes));
    },
  };
}

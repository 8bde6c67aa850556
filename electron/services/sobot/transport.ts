/**
 * The wire: builds one iCall request (query string, form, JSON or multipart) and reads its
 * `ret_code` envelope. Sending — limiter, timeouts, deadline, no redirects, capped bodies,
 * retries only where safe — is the shared http/ layer's.
 *
 * Credentials are added here and nowhere else; URLs and bodies are never logged or kept.
 */
import { SOBOT_SUCCESS } from '../../../shared/codes/sobot';
import { TransportError } from '../http/errors';
import type { Limiter } from '../http/limiter';
import type { RetryPolicy } from '../http/retry';
import { sendOnce, withRetries } from '../http/send';
import { redact, type Logger } from '../log';
import { SobotError } from './errors';
import {
  isJsonObject,
  JsonNumber,
  JsonSyntaxError,
  parseTolerantJson,
  type JsonObject,
} from '../http/tolerantJson';

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
  /** Epoch ms by which the whole call (every attempt) must be over. */
  deadline?: number | undefined;
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

/** Interprets a complete HTTP answer: success object, SobotError, or transport error. */
function interpret(status: number, text: string, endpoint: string, secrets: string[]): JsonObject {
  const okStatus = status >= 200 && status < 300;
  const fail = (reason: string): never => {
    throw new TransportError({
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

/** Builds the transport function for one client. */
export function createTransport(cfg: TransportConfig): Transport {
  const base = normalizeBaseUrl(cfg.baseUrl);
  const secrets = [cfg.signature];

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

  const http = { fetch: cfg.fetch, timeoutMs: cfg.timeoutMs, limiter: cfg.limiter };
  const decoder = new TextDecoder();

  const once = async (spec: RequestSpec, attempt: number): Promise<JsonObject> => {
    const started = Date.now();
    const { url, init } = buildInit(spec);
    const answer = await sendOnce(http, {
      url,
      init,
      endpoint: spec.endpoint,
      signal: spec.signal,
      deadline: spec.deadline,
    });
    cfg.log.debug('sobot response', {
      endpoint: spec.endpoint,
      attempt,
      status: answer.status,
      ms: Date.now() - started,
    });
    return interpret(answer.status, decoder.decode(answer.body), spec.endpoint, secrets);
  };

  return (spec) =>
    withRetries(
      {
        endpoint: spec.endpoint,
        idempotent: spec.idempotent,
        policy: cfg.retry,
        log: cfg.log,
        signal: spec.signal,
        deadline: spec.deadline,
        providerRetryable: isTransientAnswer,
      },
      (attempt) => once(spec, attempt),
    );
}

/** The server's "unknown error": worth repeating for a read. */
function isTransientAnswer(err: unknown): boolean {
  return err instanceof SobotError && err.code === '329999';
}

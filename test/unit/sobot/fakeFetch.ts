/**
 * A recording fake `fetch` for the Sobot client tests: records every request (method, URL,
 * headers, decoded body), tracks requests in flight, and honours AbortSignal like undici.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSobotClient, type SobotClientOptions } from '../../../electron/services/sobot';

export const SIG = 'S3cr3t-Sig+/=&ü';
export const APPID = 'app-1234';
export const BASE = 'https://icall.example.test/api/icall/5/task/';

/** One request as the fake server saw it. */
export interface Recorded {
  n: number;
  url: URL;
  endpoint: string;
  method: string;
  headers: Headers;
  /** Raw body text for string bodies. */
  bodyText?: string;
  /** Parsed form body (`application/x-www-form-urlencoded`). */
  form?: URLSearchParams;
  /** Multipart body. */
  multipart?: FormData;
  /** Parameters wherever they came from (query, form, JSON, multipart text fields). */
  params: Record<string, string>;
}

/** What a responder may return: a Response, a body object/text, or throw to simulate errors. */
export type Reply = Response | { status?: number; body: string | object; delayMs?: number };
export type Responder = (req: Recorded) => Reply | Promise<Reply>;

export function json(body: object, status = 200): Reply {
  return { status, body };
}
export function ok(extra: object = {}): Reply {
  return { body: { ret_code: '000000', ret_msg: '成功', ...extra } };
}
export function code(retCode: string): Reply {
  return { body: { ret_code: retCode, ret_msg: '错误' } };
}

/** A node-style low-level error like undici's `fetch failed` with a cause code. */
export function netError(causeCode: string): TypeError {
  const cause = Object.assign(new Error(`connect ${causeCode} 10.0.0.1:443 signature=${SIG}`), {
    code: causeCode,
  });
  return Object.assign(new TypeError('fetch failed'), { cause });
}

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/sobot/${name}`, import.meta.url)), 'utf8');
}

export function abortError(): Error {
  return new DOMException('This operation was aborted', 'AbortError');
}

/** Creates the fake. `delay` in ms before each responder answer (default 0). */
export function fakeFetch(responder: Responder) {
  const calls: Recorded[] = [];
  const state = { inFlight: 0, maxInFlight: 0 };
  const fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const rec: Recorded = {
      n: calls.length + 1,
      url,
      endpoint: url.pathname.split('/').pop() ?? '',
      method,
      headers,
      params: Object.fromEntries(url.searchParams),
    };
    const body = init?.body;
    if (typeof body === 'string') {
      rec.bodyText = body;
      if (headers.get('content-type')?.startsWith('application/x-www-form-urlencoded')) {
        rec.form = new URLSearchParams(body);
        Object.assign(rec.params, Object.fromEntries(rec.form));
      } else if (headers.get('content-type')?.startsWith('application/json')) {
        for (const [k, v] of Object.entries(JSON.parse(body) as Record<string, unknown>)) {
          rec.params[k] = typeof v === 'string' ? v : JSON.stringify(v);
        }
      }
    } else if (body instanceof FormData) {
      rec.multipart = body;
      for (const [k, v] of body) if (typeof v === 'string') rec.params[k] = v;
    }
    calls.push(rec);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw abortError();
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      const work = (async () => {
        const reply = await responder(rec);
        if (reply instanceof Response) return reply;
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        return new Response(text, {
          status: reply.status ?? 200,
          headers: { 'content-type': 'application/json' },
        });
      })();
      if (!signal) return await work;
      return await new Promise<Response>((resolve, reject) => {
        const onAbort = (): void => reject(abortError());
        signal.addEventListener('abort', onAbort, { once: true });
        work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    } finally {
      state.inFlight--;
    }
  }) as typeof globalThis.fetch;
  return { fetch, calls, state };
}

/** A client over a fake, with quick retries by default. */
export function clientFor(responder: Responder, opts: Partial<SobotClientOptions> = {}) {
  const fake = fakeFetch(responder);
  const client = createSobotClient({
    baseUrl: BASE,
    appid: APPID,
    signature: SIG,
    fetch: fake.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 4 },
    ...opts,
  });
  return { client, ...fake };
}

/** Serves fixture files by endpoint name (`<endpoint>.response.json`). */
export function fixtureServer(): Responder {
  return (req) => ({ body: fixture(`${req.endpoint}.response.json`) });
}

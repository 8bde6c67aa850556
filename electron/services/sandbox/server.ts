/**
 * The HTTP face of the sandbox: routing, body reading with size caps, injected faults and
 * latency, request accounting, and answering in the vendor's envelope. A request handler never
 * throws: whatever goes wrong answers a 329999 envelope (or, for a broken socket, nothing).
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { failure, type Reply } from './codes';
import { GATEWAY_ERROR_PAGE, type FaultKind, type FaultTable } from './faults';
import { serveMedia } from './media';
import { parseParams } from './params';
import { MEDIA_PREFIX, type RecordingCache } from './recording';
import { API_PREFIX, isEndpoint, ROUTES, runEndpoint, type SandboxEndpoint } from './router';
import type { SandboxState } from './state';
import type { RequestCounter } from './stats';
import type { CecRoutes } from './cec/http';
import { MAX_FILE_BYTES } from './workbook';

/** Form or JSON bodies above this are refused (a 5,000-row batch is well under 1 MB). */
const MAX_FORM_BODY = 16 * 1024 * 1024;
/** Multipart bodies: the 5 MB file plus room for the other parts. */
const MAX_MULTIPART_BODY = MAX_FILE_BYTES + 1024 * 1024;
/** Past this the sandbox stops draining an oversized body and drops the connection. */
const MAX_DRAINED_BODY = 64 * 1024 * 1024;

export interface ServerDeps {
  sandbox: SandboxState;
  faults: FaultTable;
  counter: RequestCounter;
  cache: RecordingCache;
  latencyMs: number;
  /** Brings the simulated clock up to date before a request is answered. */
  catchUp(): void;
  /** Waits `ms` in a way close() can cancel. */
  delay(ms: number): Promise<void>;
  /** The Huawei CEC routes mounted beside the iCall ones. */
  cec?: CecRoutes;
}

interface Body {
  bytes: Buffer;
  tooLarge: boolean;
}

/** Reads a body, keeping at most `keep` bytes (the rest is drained so the client can read our answer). */
function readBody(req: IncomingMessage, keep: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_DRAINED_BODY) {
        req.destroy();
        reject(new Error('request body far too large'));
        return;
      }
      if (total > keep) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve({ bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: string, simNow: number): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    // Not part of the vendor's API: lets a harness read the simulated clock.
    'x-sandbox-sim-time': String(simNow),
  });
  res.end(body);
}

const JSON_TYPE = 'application/json;charset=UTF-8';

/** Writes a faulted answer (all kinds but `truncated`, which is applied to the real answer). */
function sendFault(req: IncomingMessage, res: ServerResponse, kind: FaultKind, simNow: number): void {
  if (kind === 'reset') req.socket.destroy();
  else if (kind === 'html') send(res, 502, 'text/html', GATEWAY_ERROR_PAGE, simNow);
  else if (kind === 'empty') send(res, 200, JSON_TYPE, '', simNow);
  else if (kind.startsWith('code:'))
    send(res, 200, JSON_TYPE, JSON.stringify(failure(kind.slice(5))), simNow);
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  endpoint: SandboxEndpoint,
  deps: ServerDeps,
): Promise<void> {
  const { sandbox } = deps;
  const taken = deps.faults.take(endpoint);
  if (taken === 'reset') return sendFault(req, res, taken, sandbox.now);
  // A late server does the work normally, only after the client may have stopped waiting.
  const late = taken?.startsWith('late:') ? Number(taken.slice(5)) : 0;
  const fault = late > 0 ? undefined : taken;
  const route = ROUTES[endpoint];
  if (req.method !== route.method) {
    req.resume();
    await deps.delay(deps.latencyMs);
    const reply = failure('329999', `Request method '${req.method ?? ''}' not supported`);
    return send(res, 405, JSON_TYPE, JSON.stringify(reply), sandbox.now);
  }
  const contentType = req.headers['content-type'] ?? '';
  const multipart = contentType.toLowerCase().startsWith('multipart/');
  let reply: Reply;
  if (route.method === 'GET') {
    req.resume();
    deps.catchUp();
    reply =
      fault && fault !== 'truncated'
        ? {}
        : await runEndpoint(endpoint, await parseParams(url.searchParams, '', null), sandbox);
  } else {
    const body = await readBody(req, multipart ? MAX_MULTIPART_BODY : MAX_FORM_BODY);
    if (late > 0) await deps.delay(late);
    deps.catchUp();
    if (fault && fault !== 'truncated') reply = {};
    else if (body.tooLarge)
      reply = multipart ? failure('320029', '文件大小超过5MB') : failure('329999', '请求体过大');
    else {
      try {
        reply = await runEndpoint(
          endpoint,
          await parseParams(url.searchParams, contentType, body.bytes),
          sandbox,
        );
      } catch (error) {
        // parseParams throws SandboxError for unreadable bodies.
        const code = (error as { code?: unknown }).code;
        reply = failure(typeof code === 'string' ? code : '329999', (error as Error).message);
      }
    }
  }
  await deps.delay(deps.latencyMs);
  if (fault && fault !== 'truncated') return sendFault(req, res, fault, sandbox.now);
  let text = JSON.stringify(reply);
  if (fault === 'truncated') text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  send(res, 200, JSON_TYPE, text, sandbox.now);
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const path = url.pathname;
  if (deps.cec?.owns(path)) return deps.cec.handle(req, res, url);
  if (path.startsWith(API_PREFIX)) {
    const name = path.slice(API_PREFIX.length).replace(/\/+$/, '');
    if (isEndpoint(name)) {
      const done = deps.counter.begin(name, req.method ?? '', req.headers['content-type'] ?? '');
      res.once('close', done);
      return handleApi(req, res, url, name, deps);
    }
  }
  const isMedia = path.startsWith(MEDIA_PREFIX);
  const done = deps.counter.begin(isMedia ? 'media' : 'unknown', req.method ?? '', '');
  res.once('close', done);
  req.resume();
  if (isMedia) {
    const fault = deps.faults.take('media');
    if (fault) return sendFault(req, res, fault === 'truncated' ? 'reset' : fault, deps.sandbox.now);
    deps.catchUp();
    await deps.delay(deps.latencyMs);
    return serveMedia(req, res, path, deps.sandbox, deps.cache);
  }
  // What a Spring Boot server answers for a path it does not map.
  const body = {
    timestamp: deps.sandbox.now,
    status: 404,
    error: 'Not Found',
    message: 'No message available',
    path,
  };
  send(res, 404, JSON_TYPE, JSON.stringify(body), deps.sandbox.now);
}

/** How long the server keeps an idle keep-alive socket (see createSandboxServer). */
export const KEEP_ALIVE_MS = 60_000;

/** Creates the HTTP server (not yet listening). */
export function createSandboxServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      deps.sandbox.log.error('sandbox request failed', { error: String(error) });
      try {
        send(res, 500, JSON_TYPE, JSON.stringify(failure('329999')), deps.sandbox.now);
      } catch {
        res.destroy();
      }
    });
  });
  // Idle keep-alive sockets are closed by the client first. The server's timer runs in the same
  // event loop as its in-process clients (tests, the app, the CLI), which a long synchronous job
  // can block for seconds (a deep comparison of a 500 KB recording took 7 s under load): with
  // Node's 5 s, the client's next request went out on the pooled socket and the server's
  // overdue timer then closed it under the request (ECONNRESET). Clients follow the Keep-Alive
  // hint (undici: this minus a second), so only a loop blocked for a minute could still race.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.on('clientError', (_error, socket) => socket.destroy());
  return server;
}

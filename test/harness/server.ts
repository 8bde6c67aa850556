import { build } from 'esbuild';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '../../shared/contract';
import { createCore } from '../../electron/services/core/createCore';
import { nodeAdapters } from '../../electron/services/core/nodeHost';
import type { SandboxOptions } from '../../electron/services/sandbox/index';
import type { RemoteSandboxControl } from '../../electron/services/sandbox/worker/remote';
import { APP_CSP_HEADER } from '../../electron/services/security/csp';
import { contentTypeOf, resolveAsset } from '../../electron/services/security/assets';
import { isMediaPath, serveMedia } from '../../electron/services/media/serve';
import { createDownloadHost } from './downloads';
import { CLIENT_PATH, fromWire, toWire, WS_PATH, type ClientMessage, type ServerMessage } from './protocol';

export interface HarnessOptions {
  /** Where preferences (and later lists, accounts) are kept for this run. */
  dataDir: string;
  /** The built renderer (`electron-vite build` writes `out/renderer`). */
  rendererDir?: string;
  port?: number;
  /** Fixed only in tests that need to; otherwise random per run. */
  token?: string;
  /** How the embedded sandbox runs (e.g. `latencyMs` to watch slow uploads). */
  sandbox?: SandboxOptions;
}

export interface Harness {
  /** The page to open, token included. */
  url: string;
  origin: string;
  token: string;
  /** The embedded sandbox's base URL (started on first use), for tests that feed it rows. */
  sandboxUrl(): Promise<string>;
  /** The embedded sandbox's test controls (faults, clock). */
  sandboxControl(): Promise<RemoteSandboxControl>;
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function bundleClient(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./client/index.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function sameSecret(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves the built renderer and the contract over a loopback WebSocket so Playwright can drive
 * the whole app in a normal Chromium. A development and test host, not a product: it binds to
 * 127.0.0.1 only, and both the page and the socket require the random per-run token.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = options.rendererDir ?? `${ROOT}out/renderer`;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const clientScript = await bundleClient();
  const sockets = new Set<WebSocket>();
  let origin = '';

  const send = (socket: WebSocket, message: ServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(toWire(message)));
  };
  const broadcast = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const socket of sockets) send(socket, { type: 'event', event, payload });
  };
  // The allowed origin is known once the port is bound; the dispatcher reads the list per call.
  const allowedOrigins: string[] = [];
  const downloads = createDownloadHost(options.dataDir);
  const host = createCore(
    nodeAdapters(options.dataDir, 'harness', {
      allowedOrigins,
      broadcast,
      exclusive: true,
      pushReceiver: true,
      // A development host: its receiver stays on this machine unless the operator chooses.
      pushHost: '127.0.0.1',
      exportHost: downloads.host,
      ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    }),
  );

  const serveFile = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const headers = {
      'content-security-policy': APP_CSP_HEADER,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    if (url.pathname === CLIENT_PATH) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(clientScript);
      return;
    }
    const file = resolveAsset(rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404).end('Not found');
      return;
    }
    const isPage = file.endsWith('index.html');
    if (isPage && !sameSecret(url.searchParams.get('token'), token)) {
      res
        .writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Forbidden: open the URL the harness printed (it carries the token).');
      return;
    }
    try {
      let body: Buffer | string = await readFile(file);
      if (isPage) {
        body = body
          .toString('utf8')
          .replace(
            '<script type="module"',
            `<script src="${CLIENT_PATH}"></script>\n    <script type="module"`,
          );
      }
      res
        .writeHead(200, { ...headers, 'content-type': contentTypeOf(file) })
        .end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (isMediaPath(url.pathname)) {
      // Opaque, unguessable ids that only name audio main fetched: no token needed here.
      void serveMedia(host.media, url.pathname, { method: req.method, range: req.headers.range }).then(
        (reply) => res.writeHead(reply.status, reply.headers).end(reply.body ?? undefined),
      );
      return;
    }
    if (downloads.serve(url.pathname, res)) return;
    void serveFile(req, res, url);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const allowed =
      url.pathname === WS_PATH &&
      sameSecret(url.searchParams.get('token'), token) &&
      req.headers.origin === origin;
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        let message: ClientMessage;
        try {
          message = fromWire(JSON.parse(String(data))) as ClientMessage;
        } catch {
          return;
        }
        if (message.type !== 'call' || typeof message.id !== 'number') return;
        void host
          .dispatch(message.channel, message.input, { url: origin, isTopFrame: true })
          .then((result) => send(ws, { type: 'result', id: message.id, result }));
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedOrigins.push(origin);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    sandboxUrl: () => host.sandbox.url(),
    sandboxControl: () => host.sandbox.control(),
    async close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await host.close();
      downloads.close();
    },
  };
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isProviderId, type ProviderId } from '../../../shared/providers';
import { silentLogger, type Logger } from '../log';
import { DEFAULT_PUSH_LIMITS, guardServer, type PushLimits } from './pushGuard';

/** What the receiver answers a push: status, type and body, as the provider expects. */
export interface PushAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Largest push body accepted; a call with a long transcript is a few tens of kB. */
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;

export interface PushReceiverOptions {
  port: number;
  /** The secret path segment: pushes must go to `/push/<secret>`. */
  secret: string;
  /** The address to listen on (the operator's choice; loopback unless told otherwise). */
  host?: string;
  /** Connection caps, timeouts and the per-source rate (see pushGuard.ts). */
  limits?: Partial<PushLimits>;
  /**
   * Parses and stores one push for `provider`, answering what the provider expects (400 for an
   * unreadable body). Throwing answers 500, so the provider retries.
   */
  onPush: (provider: ProviderId, body: string) => PushAnswer;
  log?: Logger;
}

export interface RunningPushReceiver {
  port: number;
  /** Connections open now (for diagnostics and the flood tests). */
  connections(): Promise<number>;
  close(): Promise<void>;
}

/** A new random secret for the push path (192 bits, URL-safe). */
export function newPushSecret(): string {
  return randomBytes(24).toString('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function reply(
  res: ServerResponse,
  status: number,
  body: string,
  contentType = 'application/json; charset=utf-8',
): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * `/push/<secret>` (Sobot's, as the receiver always served it: tasks already carry that URL) or
 * `/push/<provider>/<secret>`.
 */
const PUSH_PATH = /^\/push\/(?:([a-z][a-z0-9-]*)\/)?([A-Za-z0-9_-]+)$/;

/** The push path for a provider (what Settings shows to give the provider). */
export function pushPath(provider: ProviderId, secret: string): string {
  return provider === 'sobot' ? `/push/${secret}` : `/push/${provider}/${secret}`;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PUSH_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The result-push receiver: a plain HTTP server that accepts POSTs under a secret random path
 * (one per provider), hands the body to that provider's parser, and answers as the provider
 * expects. Anything else
 * (another path, another method) is 404/405 without saying why, so the path cannot be probed.
 */
export async function startPushReceiver(options: PushReceiverOptions): Promise<RunningPushReceiver> {
  const log = options.log ?? silentLogger;
  let guard: ReturnType<typeof guardServer> | null = null;
  const limits = { ...DEFAULT_PUSH_LIMITS, ...options.limits };
  // Node checks the header and request timeouts every `connectionsCheckingInterval` (30 s by
  // default): far too slow to cut a slowloris client off at the header timeout.
  const checkEvery = Math.max(100, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 2)));
  const server: Server = createServer({ connectionsCheckingInterval: checkEvery }, (req, res) => {
    if (guard && !guard.allow(req.socket.remoteAddress)) {
      res.setHeader('retry-after', '1');
      return reply(res, 429, '{"error":"too many requests"}');
    }
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    const match = PUSH_PATH.exec(path);
    const provider = match?.[1] ?? 'sobot';
    if (!match || !isProviderId(provider) || !sameSecret(match[2]!, options.secret))
      return reply(res, 404, '{"error":"not found"}');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reply(res, 405, '{"error":"method not allowed"}');
    }
    void readBody(req).then(
      (text) => {
        if (text === null) return reply(res, 413, '{"error":"too large"}');
        let answer: PushAnswer;
        try {
          answer = options.onPush(provider, text);
        } catch (error) {
          log.error('push: could not store', { error: String(error) });
          return reply(res, 500, '{"error":"not stored"}');
        }
        reply(res, answer.status, answer.body, answer.contentType);
      },
      () => reply(res, 400, '{"error":"unreadable"}'),
    );
  });
  guard = guardServer(server, limits);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  log.info('push receiver listening', { port, host: options.host ?? '127.0.0.1' });
  return {
    port,
    connections: () => new Promise((resolve) => server.getConnections((_error, count) => resolve(count))),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

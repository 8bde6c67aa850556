import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../log';
import { parsePushPayload, type CallData } from '../sobot/index';

/** Largest push body accepted; a call with a long transcript is a few tens of kB. */
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;

export interface PushReceiverOptions {
  port: number;
  /** The secret path segment: pushes must go to `/push/<secret>`. */
  secret: string;
  /** Default 0.0.0.0: the provider's servers must reach it. Tests bind loopback. */
  host?: string;
  /** Stores one parsed push; throwing answers 500 so the provider retries. */
  onPush: (call: CallData) => void;
  log?: Logger;
}

export interface RunningPushReceiver {
  port: number;
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

function reply(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
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
 * The result-push receiver (document 2.6): a plain HTTP server that accepts POSTs under a
 * secret random path, parses them with the same tolerant parser as the API answers (the
 * vendor's own example is not valid JSON), hands the call on, and answers 200. Anything else
 * (another path, another method) is 404/405 without saying why, so the path cannot be probed.
 */
export async function startPushReceiver(options: PushReceiverOptions): Promise<RunningPushReceiver> {
  const log = options.log ?? silentLogger;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    const match = /^\/push\/([A-Za-z0-9_-]+)$/.exec(path);
    if (!match || !sameSecret(match[1]!, options.secret)) return reply(res, 404, '{"error":"not found"}');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reply(res, 405, '{"error":"method not allowed"}');
    }
    void readBody(req).then(
      (text) => {
        if (text === null) return reply(res, 413, '{"error":"too large"}');
        let call: CallData;
        try {
          call = parsePushPayload(text);
        } catch {
          log.warn('push: unreadable body', { bytes: Buffer.byteLength(text) });
          return reply(res, 400, '{"error":"unreadable"}');
        }
        try {
          options.onPush(call);
        } catch (error) {
          log.error('push: could not store', { error: String(error) });
          return reply(res, 500, '{"error":"not stored"}');
        }
        reply(res, 200, '{"ret_code":"000000","ret_msg":"ok"}');
      },
      () => reply(res, 400, '{"error":"unreadable"}'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  log.info('push receiver listening', { port });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../../electron/services/http/errors';
import { createLimiter } from '../../../electron/services/http/limiter';
import { resolveRetry } from '../../../electron/services/http/retry';
import { sendOnce, withRetries } from '../../../electron/services/http/send';
import { createSobotClient } from '../../../electron/services/sobot';
import { silentLogger } from '../../../electron/services/log';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const config = (over: { maxBodyBytes?: number; timeoutMs?: number } = {}) => ({
  fetch: globalThis.fetch,
  timeoutMs: over.timeoutMs ?? 5000,
  limiter: createLimiter(4),
  ...(over.maxBodyBytes ? { maxBodyBytes: over.maxBodyBytes } : {}),
});

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('http send: a server is not trusted', () => {
  it('says when a request leaves: after its limiter slot, just before the server sees it', async () => {
    const events: string[] = [];
    const url = await serve((_req, res) => {
      events.push('arrived');
      res.end('{}');
    });
    const limiter = createLimiter(1);
    const cfg = { fetch: globalThis.fetch, timeoutMs: 5000, limiter };
    // The only slot is taken: the request waits for it, and has not left meanwhile.
    const release = await limiter.acquire(undefined, () => new Error('aborted'));
    const sent = sendOnce(cfg, { url, init: {}, endpoint: 'x', onDispatch: () => events.push('left') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([]);
    release();
    expect((await sent).status).toBe(200);
    expect(events).toEqual(['left', 'arrived']);
  });

  it('refuses a redirect, and the other origin never sees the credentials', async () => {
    const seen: string[] = [];
    const elsewhere = await serve((req, res) => {
      seen.push(req.url ?? '');
      res.end('{"ret_code":"000000","robot_num":1}');
    });
    const base = await serve((req, res) => {
      res.writeHead(307, { location: `${elsewhere}${req.url ?? ''}` });
      res.end();
    });
    const client = createSobotClient({
      baseUrl: `${base}/api/`,
      appid: 'APP',
      signature: 'SECRET-SIGNATURE',
      retry: false,
    });
    const error = await failure(client.queryRobotNum());
    expect(error.code).toBe('net.redirected');
    expect(error.status).toBe(307);
    expect(seen).toEqual([]);
  });

  it('stops reading a huge body at the cap (declared and chunked)', async () => {
    const declared = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(64 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
      // never finishes: the declared length alone must refuse it
    });
    expect(
      (
        await failure(
          sendOnce(config({ maxBodyBytes: 1024 * 1024 }), { url: declared, init: {}, endpoint: 'x' }),
        )
      ).code,
    ).toBe('net.too_large');
    let written = 0;
    const chunked = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const pump = (): void => {
        while (written < 512 * 1024 * 1024) {
          written += 65536;
          if (!res.write(Buffer.alloc(65536, 0x20))) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    const error = await failure(
      sendOnce(config({ maxBodyBytes: 2 * 1024 * 1024 }), { url: chunked, init: {}, endpoint: 'x' }),
    );
    expect(error.code).toBe('net.too_large');
    expect(written).toBeLessThan(256 * 1024 * 1024);
  });

  it('counts a gzip bomb after decompression', async () => {
    const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end(bomb);
    });
    const before = process.memoryUsage().rss;
    const error = await failure(
      sendOnce(config({ maxBodyBytes: 4 * 1024 * 1024 }), { url, init: {}, endpoint: 'x' }),
    );
    expect(error.code).toBe('net.too_large');
    expect(process.memoryUsage().rss - before).toBeLessThan(128 * 1024 * 1024);
  });

  it('ends every attempt and every retry by the deadline', async () => {
    const url = await serve(() => undefined); // never answers
    const started = Date.now();
    const deadline = started + 600;
    const error = await failure(
      withRetries(
        {
          endpoint: 'x',
          idempotent: true,
          policy: resolveRetry({ retries: 5, baseDelayMs: 10 }),
          log: silentLogger,
          deadline,
        },
        () => sendOnce(config({ timeoutMs: 30_000 }), { url, init: {}, endpoint: 'x', deadline }),
      ),
    );
    expect(error.code).toBe('net.timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

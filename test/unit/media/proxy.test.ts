import { existsSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../../electron/services/contract/failure';
import { MediaDiskCache } from '../../../electron/services/media/diskCache';
import { createMediaProxy } from '../../../electron/services/media/proxy';
import { serveMedia } from '../../../electron/services/media/serve';

// The media proxy against a real HTTP server on loopback, with a cache in a temp folder.
const KB = 1024;
const wav = (size: number): Buffer => {
  const bytes = Buffer.alloc(size, 7);
  bytes.write('RIFF', 0, 'latin1');
  bytes.write('WAVE', 8, 'latin1');
  return bytes;
};

/** A WAV whose byte i (past the header) is i & 0xff, so any range can be checked. */
const counting = Buffer.concat([
  wav(12),
  Buffer.from(Uint8Array.from({ length: 12 * KB }, (_, i) => (i + 12) & 0xff)),
]);

const hits: Record<string, number> = {};
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits[path] = (hits[path] ?? 0) + 1;
    if (path === '/counting.wav') res.writeHead(200, { 'content-type': 'audio/wav' }).end(counting);
    else if (path.startsWith('/wav/')) res.writeHead(200, { 'content-type': 'audio/x-wav' }).end(wav(KB));
    else if (path === '/octet.wav')
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(wav(KB));
    else if (path === '/mp3') res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(Buffer.from('ID3abc'));
    else if (path === '/html')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<script>alert(1)</script>');
    else if (path === '/octet.txt')
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('hello');
    else if (path === '/big') res.writeHead(200, { 'content-type': 'audio/wav' }).end(wav(40 * KB));
    else if (path === '/big-chunked') {
      // No content-length: the cap must bite while reading.
      res.writeHead(200, { 'content-type': 'audio/wav', 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 40; i++) res.write(wav(KB));
      res.end();
    } else if (path === '/slow') {
      // Never answers: the timeout must bite.
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const proxy = (dir = mkdtempSync(join(tmpdir(), 'cd-media-')), maxCacheBytes = 1024 * KB) => ({
  dir,
  // The test server runs on loopback: trusted here, as an account's own host would be.
  proxy: createMediaProxy({
    dir,
    maxFileBytes: 16 * KB,
    maxCacheBytes,
    timeoutMs: 300,
    trustedHosts: ['127.0.0.1'],
  }),
});
const codeOf = async (promise: Promise<unknown>) =>
  describeError(await promise.catch((e: unknown) => e), 'en').code;

describe('the media proxy', () => {
  it('refuses anything that is not http(s) before fetching', async () => {
    const { proxy: p } = proxy();
    for (const url of [
      'file:///etc/passwd',
      'data:audio/wav;base64,UklGRg==',
      'ftp://x/y.wav',
      'javascript:1',
      'nope',
    ]) {
      expect(await codeOf(p.localUrl(url)), url).toBe('media.not_http');
    }
  });

  it('caps the size by the declared length and while reading', async () => {
    const { proxy: p, dir } = proxy();
    expect(await codeOf(p.localUrl(`${origin}/big`))).toBe('media.too_large');
    expect(await codeOf(p.localUrl(`${origin}/big-chunked`))).toBe('media.too_large');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('refuses what is not audio, times out, and reports HTTP failures', async () => {
    const { proxy: p } = proxy();
    expect(await codeOf(p.localUrl(`${origin}/html`))).toBe('media.bad_type');
    expect(await codeOf(p.localUrl(`${origin}/octet.txt`))).toBe('media.bad_type');
    expect(await codeOf(p.localUrl(`${origin}/slow`))).toBe('media.timeout');
    const missing = await p.localUrl(`${origin}/missing`).catch((e: unknown) => describeError(e, 'en'));
    expect(missing).toMatchObject({ code: 'media.fetch_failed', detail: 'HTTP 404' });
  });

  it('accepts generic types when the bytes are audio, and serves them with the right type', async () => {
    const { proxy: p } = proxy();
    const url = await p.localUrl(`${origin}/octet.wav`);
    const reply = await serveMedia(p, url, { method: 'GET' });
    expect(reply.headers).toMatchObject({ 'content-type': 'audio/wav', 'x-content-type-options': 'nosniff' });
    const mp3 = await serveMedia(p, await p.localUrl(`${origin}/mp3`), { method: 'GET' });
    expect(mp3.headers['content-type']).toBe('audio/mpeg');
  });

  it('downloads once, then serves from the disk cache, also after a restart', async () => {
    const { proxy: p, dir } = proxy();
    const remote = `${origin}/wav/cached`;
    const [a, b] = await Promise.all([p.localUrl(remote), p.localUrl(remote)]);
    expect(a).toBe(b);
    expect(await p.localUrl(remote)).toBe(a);
    expect(hits['/wav/cached']).toBe(1);
    const again = proxy(dir).proxy;
    const url = await again.localUrl(remote);
    expect(hits['/wav/cached']).toBe(1);
    // A new start-up key: the old id means nothing to the new proxy.
    expect(url).not.toBe(a);
    expect((await serveMedia(again, a, { method: 'GET' })).status).toBe(404);
    expect((await serveMedia(again, url, { method: 'GET' })).status).toBe(200);
  });

  it('hands over the bytes as downloaded to the call that downloads them, and to no one on a hit', async () => {
    const { proxy: p } = proxy();
    const remote = `${origin}/wav/handed`;
    const seen: Uint8Array[] = [];
    await p.localUrl(remote, { fetched: (bytes) => seen.push(bytes) });
    expect(seen.map((bytes) => Buffer.from(bytes).equals(wav(KB)))).toEqual([true]);
    await p.localUrl(remote, { fetched: (bytes) => seen.push(bytes) });
    expect(seen).toHaveLength(1);
    const provider: Uint8Array[] = [];
    await p.localUrlOf('ref-1', () => Promise.resolve(new Uint8Array(wav(KB))), {
      fetched: (bytes) => provider.push(bytes),
    });
    expect(provider).toHaveLength(1);
  });

  it('keeps the cache under its size by dropping the least recently used file, and fetches it again', async () => {
    const { proxy: p, dir } = proxy(undefined, 2 * KB + 100);
    const first = await p.localUrl(`${origin}/wav/1`);
    await p.localUrl(`${origin}/wav/2`);
    const old = new Date(Date.now() - 60_000);
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), old, old);
    await serveMedia(p, first, { method: 'HEAD' }); // touches /wav/1: now /wav/2 is the oldest
    await p.localUrl(`${origin}/wav/3`);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(hits['/wav/1']).toBe(1);
    await p.localUrl(`${origin}/wav/2`);
    expect(hits['/wav/2']).toBe(2);
  });

  it('answers only ids it issued: no path, encoding or guess reaches a file', async () => {
    const { proxy: p, dir } = proxy();
    const url = await p.localUrl(`${origin}/wav/safe`);
    const id = url.slice('/media/'.length);
    for (const path of [
      '/media/../../etc/passwd',
      '/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      `/media/${id}/../x`,
      `/media/${id.toUpperCase()}`,
      `/media/${'0'.repeat(40)}`,
      '/media/',
      `/other/${id}`,
    ]) {
      expect((await serveMedia(p, path, { method: 'GET' })).status, path).toBe(404);
    }
    expect((await serveMedia(p, url, { method: 'POST' })).status).toBe(405);
    const cache = new MediaDiskCache(dir, 1e9);
    expect(cache.find('../../etc/passwd')).toBeNull();
    expect(() => cache.put('../x', new Uint8Array(1), { ext: 'wav', contentType: 'audio/wav' })).toThrow();
  });

  it('answers byte ranges and HEAD, as audio elements ask', async () => {
    const { proxy: p } = proxy();
    const url = await p.localUrl(`${origin}/wav/range`);
    const part = await serveMedia(p, url, { method: 'GET', range: 'bytes=0-3' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-3/${KB}`);
    expect(Buffer.from(part.body!).toString('latin1')).toBe('RIFF');
    expect((await serveMedia(p, url, { method: 'GET', range: 'bytes=99999-' })).status).toBe(416);
    const head = await serveMedia(p, url, { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: null });
    expect(head.headers['content-length']).toBe(String(KB));

    // Ranges from the middle and the end of a larger file: exactly those bytes.
    const big = await p.localUrl(`${origin}/counting.wav`);
    const size = counting.length;
    const middle = await serveMedia(p, big, { method: 'GET', range: 'bytes=5000-5999' });
    expect(middle.headers).toMatchObject({
      'content-length': '1000',
      'content-range': `bytes 5000-5999/${size}`,
    });
    expect(Buffer.from(middle.body!).equals(counting.subarray(5000, 6000))).toBe(true);
    const tail = await serveMedia(p, big, { method: 'GET', range: 'bytes=-4' });
    expect(tail.headers['content-range']).toBe(`bytes ${size - 4}-${size - 1}/${size}`);
    expect(Buffer.from(tail.body!).equals(counting.subarray(size - 4))).toBe(true);
    const whole = await serveMedia(p, big, { method: 'GET' });
    expect(whole.status).toBe(200);
    expect(Buffer.from(whole.body!).equals(counting)).toBe(true);
  });
});

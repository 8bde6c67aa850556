import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../../electron/services/contract/failure';
import { isPrivateAddress } from '../../../electron/services/http/addresses';
import { destinationAllowed, guardedFetch } from '../../../electron/services/media/destination';
import { createMediaProxy } from '../../../electron/services/media/proxy';
import { PeaksCache } from '../../../electron/services/recordings/peaksCache';
import { RecordingService } from '../../../electron/services/recordings/service';
import { encodeWav, synthesize } from '../../../electron/services/sandbox/wav';

// A recording URL comes from a provider's answer or a push anyone could forge. Two servers on
// loopback stand in for what must not be reached: "admin" (a router page, a local service) and
// "sandbox" (the account's own host, which is trusted). Hits are counted: refused means 0.
const wav = (): Buffer => {
  const bytes = Buffer.alloc(2048, 7);
  bytes.write('RIFF', 0, 'latin1');
  bytes.write('WAVE', 8, 'latin1');
  return bytes;
};
const recording = encodeWav(
  synthesize(2000, [{ offsetMs: 200, durationMs: 800, kind: 'robot' }], 1),
  'pcm16',
);
const hits = { admin: 0, sandbox: 0 };
let admin: Server;
let sandbox: Server;
let adminPort = 0;
let sandboxOrigin = '';

beforeAll(async () => {
  admin = createServer((_req, res) => {
    hits.admin++;
    res.writeHead(200, { 'content-type': 'audio/wav' }).end(wav());
  });
  sandbox = createServer((req, res) => {
    hits.sandbox++;
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/go') res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    else if (url.pathname === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else res.writeHead(200, { 'content-type': 'audio/wav' }).end(recording);
  });
  await new Promise<void>((resolve) => admin.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => sandbox.listen(0, '127.0.0.1', resolve));
  adminPort = (admin.address() as AddressInfo).port;
  sandboxOrigin = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const server of [admin, sandbox]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const dir = (): string => mkdtempSync(join(tmpdir(), 'cd-dest-'));
const codeOf = async (promise: Promise<unknown>): Promise<string> =>
  describeError(await promise.catch((e: unknown) => e), 'en').code;

describe('private addresses', () => {
  it('tells this machine, the local network and reserved ranges from the public internet', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      '[::1]',
      'fe80::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:192.168.0.1',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '100.128.0.1',
      '2001:4860:4860::8888',
      '::ffff:8.8.8.8',
    ])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses a host name when any address it resolves to is private, or when it does not resolve', async () => {
    const names: Record<string, string[]> = {
      'public.example': ['93.184.216.34'],
      'mixed.example': ['93.184.216.34', '10.0.0.5'],
      'inside.example': ['192.168.0.10'],
    };
    const resolve = async (host: string): Promise<string[]> => {
      if (!names[host]) throw new Error('ENOTFOUND');
      return names[host]!;
    };
    const allowed = (url: string, trusted: string[] = []) =>
      destinationAllowed(new URL(url), trusted, resolve);
    expect(await allowed('https://public.example/a.wav')).toBe(true);
    expect(await allowed('https://mixed.example/a.wav')).toBe(false);
    expect(await allowed('https://inside.example/a.wav')).toBe(false);
    expect(await allowed('https://nowhere.example/a.wav')).toBe(false);
    expect(await allowed('http://[::1]:8080/a.wav')).toBe(false);
    // The account's own host, even on the LAN, is trusted.
    expect(await allowed('https://inside.example/a.wav', ['INSIDE.example'])).toBe(true);
    expect(await allowed('http://[::1]:8080/a.wav', ['[::1]'])).toBe(true);
  });
});

describe('the media proxy and private hosts', () => {
  it('refuses a recording on this machine unless the account lives there, without connecting', async () => {
    const proxy = createMediaProxy({ dir: dir(), timeoutMs: 2000 });
    const before = hits.admin;
    const failure = await proxy.localUrl(`http://127.0.0.1:${adminPort}/router.wav`).catch((e: unknown) => e);
    expect(describeError(failure, 'zh-CN')).toMatchObject({ code: 'media.private_host' });
    expect(describeError(failure, 'zh-CN').message).toMatch(/[\u4e00-\u9fff]/);
    expect(await codeOf(proxy.localUrl(`http://localhost:${adminPort}/router.wav`))).toBe(
      'media.private_host',
    );
    expect(await codeOf(proxy.localUrl(`http://169.254.169.254/latest/meta-data`))).toBe(
      'media.private_host',
    );
    expect(hits.admin).toBe(before);

    // The same proxy fetches it for an account whose own address is that host.
    const url = await proxy.localUrl(`http://127.0.0.1:${adminPort}/router.wav`, {
      trustedHosts: ['127.0.0.1'],
    });
    expect(url).toMatch(/^\//);
    expect(hits.admin).toBe(before + 1);
  });

  it('checks every redirect: a trusted host cannot send main to an untrusted private one', async () => {
    const proxy = createMediaProxy({ dir: dir(), timeoutMs: 2000, trustedHosts: ['127.0.0.1'] });
    const before = { ...hits };
    const to = encodeURIComponent(`http://localhost:${adminPort}/router.wav`);
    expect(await codeOf(proxy.localUrl(`${sandboxOrigin}/go?to=${to}`))).toBe('media.private_host');
    const metadata = encodeURIComponent('http://169.254.169.254/latest/meta-data');
    expect(await codeOf(proxy.localUrl(`${sandboxOrigin}/go?to=${metadata}`))).toBe('media.private_host');
    expect(
      await codeOf(proxy.localUrl(`${sandboxOrigin}/go?to=${encodeURIComponent('file:///etc/passwd')}`)),
    ).toBe('media.not_http');
    expect(hits.admin).toBe(before.admin);
    expect(hits.sandbox).toBe(before.sandbox + 3);

    // A redirect within the trusted host is followed, and a loop ends.
    const ok = await proxy.localUrl(`${sandboxOrigin}/go?to=${encodeURIComponent('/fine.wav')}`);
    expect(ok).toMatch(/^\//);
    const loop = await proxy.localUrl(`${sandboxOrigin}/loop`).catch((e: unknown) => describeError(e, 'en'));
    expect(loop).toMatchObject({ code: 'media.fetch_failed', detail: 'too many redirects' });
  });

  it('checks the address it connects to, so a name that changes its answer cannot slip through', async () => {
    // The pre-check is told `localhost` is public (a rebinding name at the check); the connection
    // still resolves it for real and refuses loopback.
    const proxy = createMediaProxy({ dir: dir(), timeoutMs: 2000, resolve: async () => ['93.184.216.34'] });
    const before = hits.admin;
    const failure = await proxy.localUrl(`http://localhost:${adminPort}/router.wav`).catch((e: unknown) => e);
    expect(describeError(failure, 'en').code).toBe('media.private_host');
    expect(hits.admin).toBe(before);

    const refused = await guardedFetch([])(`http://localhost:${adminPort}/x`).catch((e: unknown) => e);
    expect(String((refused as { cause?: { code?: string } }).cause?.code)).toBe('EPRIVATEADDRESS');
    const allowed = await guardedFetch(['localhost'])(`http://localhost:${adminPort}/x`);
    expect(allowed.status).toBe(200);
    await allowed.body?.cancel();
  });

  it('shows the review screen a refusal, not a generic failure', async () => {
    const recordings = new RecordingService({
      media: createMediaProxy({ dir: dir(), timeoutMs: 2000 }),
      peaks: new PeaksCache(dir()),
    });
    const before = hits.admin;
    expect(await recordings.open({ kind: 'url', url: `http://127.0.0.1:${adminPort}/a.wav` })).toMatchObject({
      ok: false,
      problem: 'refused',
    });
    const trusted = await recordings.open({ kind: 'url', url: `${sandboxOrigin}/a.wav` }, undefined, [
      '127.0.0.1',
    ]);
    expect(trusted).toMatchObject({ ok: true, durationMs: 2000 });
    expect(hits.admin).toBe(before);
  });
});

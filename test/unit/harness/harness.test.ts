import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../harness/server';
import { WS_PATH, type ServerMessage } from '../../harness/protocol';

let harness: Harness;
let dataDir: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'cd-harness-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="./a.js"></script></head></html>',
  );
  dataDir = join(root, 'data');
  harness = await startHarness({ dataDir, rendererDir });
});

afterAll(() => harness.close());

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { origin } });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(socket: WebSocket, id: number, channel: string, input?: unknown): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if (message.type === 'result' && message.id === id) {
        socket.off('message', onMessage);
        resolve(message);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'call', id, channel, input }));
  });
}

describe('the browser test harness', () => {
  const wsUrl = (token: string) => `${harness.origin.replace('http', 'ws')}${WS_PATH}?token=${token}`;

  it('binds to loopback only', () => {
    expect(harness.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the page only with the token, with the client injected before the app and the CSP header', async () => {
    expect((await fetch(`${harness.origin}/`)).status).toBe(403);
    const page = await fetch(harness.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toMatch(
      /<script src="\/__harness\/client.js"><\/script>\s*<script type="module"/,
    );
    expect((await fetch(`${harness.origin}/../../etc/passwd`)).status).toBe(404);
  });

  it('refuses a socket with a wrong token or from a foreign origin', async () => {
    await expect(connect(wsUrl('nope'), harness.origin)).rejects.toThrow('HTTP 403');
    await expect(connect(wsUrl(harness.token), 'http://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('answers contract calls and pushes events to every page', async () => {
    const a = await connect(wsUrl(harness.token), harness.origin);
    const b = await connect(wsUrl(harness.token), harness.origin);
    const event = new Promise<ServerMessage>((resolve) =>
      b.once('message', (d) => resolve(JSON.parse(String(d)) as ServerMessage)),
    );
    expect(await call(a, 1, 'app:info')).toMatchObject({
      type: 'result',
      id: 1,
      result: { ok: true, value: { host: 'harness', dataDir } },
    });
    expect(await call(a, 2, 'prefs:set', { locale: 'en' })).toMatchObject({
      result: { ok: true, value: { locale: 'en' } },
    });
    expect(await event).toEqual({
      type: 'event',
      event: 'prefs:changed',
      payload: { locale: 'en', theme: 'system', updates: false, updateFeedUrl: null },
    });
    expect(await call(a, 3, 'prefs:set', { locale: 'xx' })).toMatchObject({
      result: { ok: false, error: { code: 'ipc.invalid_input', message: 'The request was not valid' } },
    });
    a.close();
    b.close();
  });
});

describe('the harness wire format', () => {
  it('carries bytes through JSON unchanged, nested anywhere', async () => {
    const { toWire, fromWire } = await import('../../harness/protocol');
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    const message = {
      type: 'call',
      id: 1,
      channel: 'x',
      input: { name: '名单.xlsx', bytes, list: [bytes.subarray(0, 3)] },
    };
    const back = fromWire(JSON.parse(JSON.stringify(toWire(message)))) as typeof message;
    expect(back.input.name).toBe('名单.xlsx');
    expect(back.input.bytes).toEqual(bytes);
    expect(back.input.list[0]).toEqual(new Uint8Array([0, 7, 14]));
    expect(fromWire({ $bytes: 'AQI=', other: 1 })).toEqual({ $bytes: 'AQI=', other: 1 });
  });
});

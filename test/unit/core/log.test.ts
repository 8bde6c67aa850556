import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/contract/dispatch';
import { createCore, type Core } from '../../../electron/services/core/createCore';
import { nodeAdapters } from '../../../electron/services/core/nodeHost';
import { createFileLogger, LOG_FILE_NAME, SecretRegistry } from '../../../electron/services/logFile';
import { memoryVault } from '../../support/memory';

let core: Core | null = null;
let server: Server | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

/** Every file under a folder, recursively, as text. */
function everyFile(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, text: readFileSync(path, 'latin1') + readFileSync(path, 'utf8') };
    });
}

describe('the log file', () => {
  it('rotates by size, keeping a bounded number of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-log-'));
    const log = createFileLogger({ dir, maxBytes: 4096, keep: 2 });
    for (let i = 0; i < 500; i++) log.info('line', { i, pad: 'x'.repeat(40) });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['campaign-desk.1.log', 'campaign-desk.2.log', LOG_FILE_NAME]);
    for (const file of files) expect(statSync(join(dir, file)).size).toBeLessThanOrEqual(4096);
    const last = readFileSync(join(dir, LOG_FILE_NAME), 'utf8').trim().split('\n').at(-1)!;
    expect(JSON.parse(last)).toMatchObject({ level: 'info', msg: 'line', i: 499 });
  });

  it('hides every registered secret wherever it appears: raw, URL-encoded, inside JSON, in a stack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-log-'));
    const secrets = new SecretRegistry();
    const secret = 'sk"/+签名=&x';
    secrets.add(secret);
    const log = createFileLogger({ dir }, secrets);
    const error = new Error(`refused ${secret}`);
    log.error('failed', {
      error,
      url: `https://x/?signature=${encodeURIComponent(secret)}`,
      body: { secret },
    });
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toContain('[redacted]');
    expect(text).toContain('"stack"');
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])
      expect(text).not.toContain(form);
  });
});

describe('the core’s log', () => {
  it('gets every unexpected failure with its stack, names itself to the user, and never holds a secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-core-log-'));
    const signature = `known-signature-${Date.now()}`;
    // A server that answers an HTML error page quoting the request, signature and all.
    server = createServer((req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end(`<html>bad gateway for ${req.url}</html>`);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    core = createCore({ ...nodeAdapters(dir, 'harness'), vault: memoryVault() });
    const { id } = await core.accounts.save({
      provider: 'sobot',
      name: '日志测试',
      settings: { baseUrl, email: '' },
      secrets: { appid: 'log-appid', signature },
    });
    await expect(core.accounts.test(id)).rejects.toMatchObject({ code: 'net.http_status' });
    // Something unexpected, whose message happens to carry the secret.
    const dispatch = createDispatcher({
      handlers: {
        ...core.handlers,
        'lists:all': () => {
          throw new Error(`database said no to ${signature}`);
        },
      },
      allowedOrigins: ['http://app'],
      locale: () => 'zh-CN',
      log: core.log,
      logFile: core.logFile,
    });
    const answer = await dispatch('lists:all', undefined, { url: 'http://app', isTopFrame: true });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'app.unexpected', message: `发生了意外错误，详情已写入日志：${core.logFile}` },
    });
    const log = readFileSync(core.logFile, 'utf8');
    expect(log).toContain('ipc: lists:all failed');
    expect(log).toMatch(/"stack":"Error: database said no to \[redacted\]\\n\s+at /);
    for (const { path, text } of everyFile(dir)) expect(text, path).not.toContain(signature);
  });
});

import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runCli } from '../../../electron/cli/main';
import { createCore } from '../../../electron/services/core/createCore';
import { nodeAdapters } from '../../../electron/services/core/nodeHost';
import { startHarness } from '../../harness/server';
import { WS_PATH, type ServerMessage } from '../../harness/protocol';
import { keychainStatus } from '../../support/keychain';

const status = await keychainStatus();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every form in which a secret could sit in a file. */
function forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    encodeURIComponent(secret),
    bytes.toString('base64'),
    bytes.toString('hex'),
    JSON.stringify(secret).slice(1, -1),
  ];
}

function expectNoSecret(dir: string, secret: string): void {
  const files = filesUnder(dir);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const content = readFileSync(file).toString('latin1') + readFileSync(file, 'utf8');
    for (const form of forms(secret))
      expect(content.includes(form), `${file} holds the signature`).toBe(false);
  }
}

describe.skipIf(!status.available)(
  `no signature on disk (skipped without a keychain: ${status.reason || 'n/a'})`,
  () => {
    it('after adding an account through the CLI', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cd-secret-cli-'));
      const signature = `签名-cli-${Date.now()}-Zx9`;
      const stdin = new PassThrough();
      stdin.end(`${signature}\n`);
      const out = new PassThrough();
      let printed = '';
      out.on('data', (chunk) => (printed += String(chunk)));
      const code = await runCli(
        [
          '--data-dir',
          dir,
          '--json',
          'accounts',
          'add',
          '--name',
          'CLI 账号',
          '--appid',
          'cli-appid',
          '--base-url',
          'https://icall.sobot.com/api/icall/5/task/',
        ],
        { stdin, stdout: out, stderr: new PassThrough() },
        { LANG: 'zh_CN.UTF-8' },
      );
      expect(code).toBe(0);
      expect(JSON.parse(printed)).toMatchObject({
        name: 'CLI 账号',
        secrets: { appid: { stored: true, value: 'cli-appid' }, signature: { stored: true } },
      });
      expect(printed).not.toContain(signature);
      expectNoSecret(dir, signature);
      const core = createCore(nodeAdapters(dir, 'cli'));
      const state = await core.accounts.state();
      await core.accounts.remove(state.accounts.find((a) => !a.builtIn)!.id);
      await core.close();
    });

    it('after adding an account through the harness', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cd-secret-harness-'));
      const signature = `签名-harness-${Date.now()}-Qw7`;
      const harness = await startHarness({
        dataDir: dir,
        rendererDir: join(import.meta.dirname, 'no-renderer'),
      });
      try {
        const socket = new WebSocket(
          `${harness.origin.replace('http', 'ws')}${WS_PATH}?token=${harness.token}`,
          {
            headers: { origin: harness.origin },
          },
        );
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
        const answer = await new Promise<ServerMessage>((resolve) => {
          socket.on('message', (data) => {
            const message = JSON.parse(String(data)) as ServerMessage;
            if (message.type === 'result') resolve(message);
          });
          socket.send(
            JSON.stringify({
              type: 'call',
              id: 1,
              channel: 'accounts:save',
              input: {
                provider: 'sobot',
                name: '网页账号',
                settings: { baseUrl: 'https://icall.sobot.com/api/icall/5/task/', email: '' },
                secrets: { appid: 'web-appid', signature },
              },
            }),
          );
        });
        socket.close();
        expect(answer).toMatchObject({ result: { ok: true } });
        expect(JSON.stringify(answer)).not.toContain(signature);
        expectNoSecret(dir, signature);
        const core = createCore(nodeAdapters(dir, 'cli'));
        const state = await core.accounts.state();
        await core.accounts.remove(state.accounts.find((a) => !a.builtIn)!.id);
        await core.close();
      } finally {
        await harness.close();
      }
    });
  },
);

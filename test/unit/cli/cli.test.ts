import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseGlobalArgs } from '../../../electron/cli/args';
import { runCli } from '../../../electron/cli/main';
import { defaultDataDir } from '../../../electron/services/paths';
import pkg from '../../../package.json' with { type: 'json' };

async function cli(argv: string[], env: Record<string, string | undefined> = { LANG: 'en_US.UTF-8' }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr }, env);
  return { code, out, err };
}

describe('campaign-desk CLI', () => {
  it('prints the version from package.json', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    expect(JSON.parse((await cli(['--version', '--json'])).out)).toEqual({ version: pkg.version });
  });

  it('lists every command and the global options in --help, in the user’s language', async () => {
    const en = await cli(['--help']);
    expect(en.code).toBe(0);
    for (const text of ['info', 'prefs', '--data-dir DIR', '--json', 'Commands:'])
      expect(en.out).toContain(text);
    const zh = await cli(['--help'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.out).toContain('命令:');
    expect((await cli(['--help', '--lang', 'zh-CN'])).out).toContain('全局选项');
  });

  it('exits 2 with a clear message for an unknown command or a bad option', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown command “frobnicate”');
    const missing = await cli(['info', '--data-dir']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--data-dir needs a value');
    expect((await cli([])).code).toBe(2);
  });

  it('honours --data-dir and --json wherever they stand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-'));
    const info = await cli(['info', '--json', `--data-dir=${dir}`]);
    expect(JSON.parse(info.out)).toEqual({
      version: pkg.version,
      dataDir: dir,
      logFile: join(dir, 'logs', 'campaign-desk.log'),
      platform: process.platform,
    });
    // The app's version, not Node's (the context once took `version` from `process`).
    expect((await cli(['info', `--data-dir=${dir}`])).out.split('\n')[0]).toBe(
      `Campaign Desk ${pkg.version}`,
    );
  });

  it('reads and changes preferences in the data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-'));
    expect((await cli(['--data-dir', dir, 'prefs', 'locale=en'])).out).toBe(
      'locale=en\ntheme=system\nupdates=false\nupdateFeedUrl=\n',
    );
    expect(JSON.parse((await cli(['--data-dir', dir, '--json', 'prefs'])).out)).toEqual({
      locale: 'en',
      theme: 'system',
      updates: false,
      updateFeedUrl: null,
    });
    const feed = 'https://updates.example.com/campaign-desk/';
    expect((await cli(['--data-dir', dir, 'prefs', 'updates=on', `updateFeedUrl=${feed}`])).out).toContain(
      `updates=true\nupdateFeedUrl=${feed}\n`,
    );
    expect((await cli(['--data-dir', dir, 'prefs', 'updateFeedUrl='])).out).toContain('updateFeedUrl=\n');
    for (const refused of [
      'updates=maybe',
      'updateFeedUrl=http://updates.example.com/',
      'updateFeedUrl=ftp://x/',
    ]) {
      expect((await cli(['--data-dir', dir, 'prefs', refused])).code, refused).toBe(2);
    }
    const bad = await cli(['--data-dir', dir, '--json', 'prefs', 'locale=fr']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toMatchObject({ error: { code: 'cli.invalid_setting' } });
  });

  it('refuses options a command does not know, and values it cannot use (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-'));
    const bogus = await cli(['--data-dir', dir, 'lists', '--bogus', 'x']);
    expect(bogus).toMatchObject({ code: 2, out: '' });
    expect(bogus.err).toContain('unknown option --bogus');
    expect(bogus.err).toContain('Usage: campaign-desk lists');
    expect((await cli(['--data-dir', dir, 'export', '3'])).err).toContain('--out is missing');
    expect((await cli(['--data-dir', dir, 'export', 'three', '--out', 'x.csv'])).code).toBe(2);
    expect((await cli(['--data-dir', dir, 'upload', '1'])).code).toBe(2);
    expect((await cli(['--data-dir', dir, 'sync'])).err).toContain('TASK_ID is missing');
    expect((await cli(['--data-dir', dir, 'info', 'extra'])).err).toContain('unexpected argument “extra”');
    const json = await cli(['--data-dir', dir, '--json', 'lists', '--nope']);
    expect(JSON.parse(json.out)).toMatchObject({ error: { code: 'cli.usage' } });
  });

  it('gives every command its own --help', async () => {
    const help = await cli(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: campaign-desk import FILE');
    expect(help.out).toContain('--sheet N|NAME');
    expect(help.out).toContain('--var NAME=COLUMN');
    expect(help.out).not.toContain('Commands:');
    expect((await cli(['upload', '-h', '--lang', 'zh-CN'])).out).toContain('用法：campaign-desk upload');
  });

  it('speaks the language chosen in the app’s preferences, one language per run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-'));
    await cli(['--data-dir', dir, 'prefs', 'locale=zh-CN']);
    const zh = await cli(['--data-dir', dir, 'lists', '--bogus'], { LANG: 'en_US.UTF-8' });
    expect(zh.err).toContain('命令行有误：不认识的选项 --bogus');
    expect(zh.err).toContain('用法：campaign-desk lists');
    expect(zh.err).not.toMatch(/[A-Za-z]{4,} (option|line)/);
    const en = await cli(['--data-dir', dir, '--lang', 'en', 'lists', '--bogus']);
    expect(en.err).toContain('Invalid command line: unknown option --bogus');
    expect(en.err).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('splits global options from the command’s own', () => {
    expect(parseGlobalArgs(['--json', 'sandbox', '--port', '8080', '--data-dir', '/d'])).toMatchObject({
      json: true,
      command: 'sandbox',
      dataDir: '/d',
      rest: ['--port', '8080'],
    });
  });

  it('defaults to the folder Electron uses for the app’s data', () => {
    expect(defaultDataDir('linux', {}, '/home/op')).toBe('/home/op/.config/Campaign Desk');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/op')).toBe('/x/Campaign Desk');
    expect(defaultDataDir('darwin', {}, '/Users/op')).toBe(
      '/Users/op/Library/Application Support/Campaign Desk',
    );
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }, 'C:\\Users\\op'),
    ).toContain('Campaign Desk');
  });
});

describe('campaign-desk in a pipe', () => {
  it('ends quietly when the reader closes the pipe early (| head)', async () => {
    const { spawnSync } = await import('node:child_process');
    const child = join(import.meta.dirname, '../../support/floodChild.ts');
    const tsx = join(import.meta.dirname, '../../../node_modules/.bin/tsx');
    const run = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${tsx}" "${child}" | head -c 100 > /dev/null; echo "exit=$?"`],
      {
        encoding: 'utf8',
        env: { ...process.env, FLOOD_DIR: mkdtempSync(join(tmpdir(), 'cd-flood-')) },
        timeout: 60_000,
      },
    );
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.stdout).toContain('exit=0');
  });
});

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
    expect(JSON.parse(info.out)).toEqual({ version: pkg.version, dataDir: dir, platform: process.platform });
  });

  it('reads and changes preferences in the data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-'));
    expect((await cli(['--data-dir', dir, 'prefs', 'locale=en'])).out).toBe('locale=en\ntheme=system\n');
    expect(JSON.parse((await cli(['--data-dir', dir, '--json', 'prefs'])).out)).toEqual({
      locale: 'en',
      theme: 'system',
    });
    const bad = await cli(['--data-dir', dir, '--json', 'prefs', 'locale=fr']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ error: { code: 'cli.invalid_setting' } });
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

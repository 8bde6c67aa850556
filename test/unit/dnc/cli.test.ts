/**
 * `campaign-desk dnc …` and what an upload does with it, each command a separate run over one
 * data folder on the built-in sandbox account, as a scripting user runs them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { takeLease } from '../../../electron/services/accounts/sandboxLease';
import {
  SANDBOX_STATE_FILE_NAME,
  startSandbox,
  type SandboxHandle,
} from '../../../electron/services/sandbox';
import { capturedCliContext } from '../../support/cliContext';

const TEMPLATE = '1bf61b127bbd4921b482eb35fde5d215';
let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function cli(dir: string, ...argv: string[]) {
  const { ctx, out } = capturedCliContext(false);
  const code = await runCli(['--data-dir', dir, ...argv], ctx, { LANG: 'en_US.UTF-8' });
  return { code, ...out };
}

describe('campaign-desk dnc', () => {
  it('adds, imports, lists, exports and removes numbers, and upload leaves them out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-dnc-'));
    const stateFile = join(dir, SANDBOX_STATE_FILE_NAME);
    sandbox = await startSandbox({ stateFile, autoRun: false });
    expect(await takeLease(stateFile, sandbox.url)).toBe(true);

    const added = await cli(dir, 'dnc', 'add', '138 0000 0001', 'abc', '--reason', '投诉');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('1 numbers added, 0 already on the list, 1 not valid numbers');
    const dncCsv = join(dir, 'dnc.csv');
    writeFileSync(dncCsv, '号码,备注\n13800000003,要求不再联系\n+86 138 0000 0001,重复\n');
    const imported = await cli(
      dir,
      '--json',
      'dnc',
      'import',
      dncCsv,
      '--all',
      '--phone',
      '号码',
      '--reason',
      '备注',
    );
    expect(imported.code, imported.stderr).toBe(0);
    // 0001 again, but for every account: a second entry of its own.
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: 2, already: 0, invalidCount: 0 });
    const listed = JSON.parse((await cli(dir, '--json', 'dnc', 'list')).stdout) as {
      total: number;
      entries: { telephone: string; accountId: string | null; reason: string | null }[];
    };
    expect(listed.total).toBe(3);
    expect(listed.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ telephone: '13800000003', accountId: null, reason: '要求不再联系' }),
        expect.objectContaining({ telephone: '13800000001', accountId: 'sandbox', reason: '投诉' }),
      ]),
    );

    const csv = join(dir, '回访.csv');
    writeFileSync(csv, ['手机号码,客户姓名', ...[1, 2, 3, 4].map((n) => `1380000000${n},张${n}`)].join('\n'));
    const list = await cli(dir, '--json', 'import', csv, '--name', '回访');
    const listId = String((JSON.parse(list.stdout) as { list: { id: number } }).list.id);
    const created = await cli(
      dir,
      ...['--json', 'tasks', 'create', '--template', TEMPLATE, '--name', '免打扰测试'],
      ...['--caller', '02180344315', '--robots', '1', '--hours', '00:00-24:00'],
    );
    expect(created.code, created.stderr).toBe(0);
    const taskId = (JSON.parse(created.stdout) as { id: string }).id;
    const uploaded = await cli(dir, 'upload', listId, '--task', taskId);
    expect(uploaded.code, uploaded.stderr).toBe(0);
    expect(uploaded.stderr).toContain('2 rows to upload, 2 excluded');
    expect(uploaded.stderr).toContain('The number is on the do-not-call list: never sent: 2');
    expect(uploaded.stderr).toContain('row 1 13800000001: on the do-not-call list');
    expect(uploaded.stdout).toContain('Sent 2, accepted 2');

    const out = join(dir, 'dnc-export.csv');
    expect((await cli(dir, 'dnc', 'export', '--out', out)).code).toBe(0);
    const exported = readFileSync(out, 'utf8').split('\r\n');
    expect(exported[0]).toBe('\uFEFFTelephone,Applies to,Reason,Added,Source');
    expect(exported.filter((line) => line.startsWith('"=""13800000001"""'))).toHaveLength(2);

    const removed = await cli(dir, '--json', 'dnc', 'remove', '13800000001', '--account');
    expect(JSON.parse(removed.stdout)).toEqual({ removed: 1 });
    expect(JSON.parse((await cli(dir, '--json', 'dnc', 'list')).stdout)).toMatchObject({ total: 2 });
    expect((await cli(dir, 'dnc', 'frobnicate')).code).toBe(2);
  });
});

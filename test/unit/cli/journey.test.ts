/**
 * The CLI's own wiring, end to end, as a scripting user runs it: import → tasks create → upload
 * → sync → results → export-results, each a separate `campaign-desk` run over one data folder
 * (the built-in sandbox account, whose server a fast sandbox on the folder's lease plays). The
 * synced calls must be joined to the rows they were made for — the CLI once built its results
 * without the upload journal and joined none of them.
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

describe('the CLI’s own wiring', () => {
  it('joins synced calls to the rows it uploaded, and exports them with their outid and list columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-journey-'));
    const stateFile = join(dir, SANDBOX_STATE_FILE_NAME);
    sandbox = await startSandbox({ stateFile, speed: 5000 });
    expect(await takeLease(stateFile, sandbox.url)).toBe(true);

    const csv = join(dir, '回访.csv');
    const rows = ['13800000001', '13800000002', '13800000003', '13800000004'];
    writeFileSync(csv, ['手机号码,客户姓名', ...rows.map((phone, i) => `${phone},张${i}`)].join('\n'));
    const imported = await cli(dir, '--json', 'import', csv, '--name', '回访旅程');
    expect(imported.code, imported.stderr).toBe(0);
    const listId = String((JSON.parse(imported.stdout) as { list: { id: number } }).list.id);

    const created = await cli(
      dir,
      ...['--json', 'tasks', 'create', '--template', TEMPLATE, '--name', 'CLI 旅程'],
      ...['--caller', '02180344315', '--robots', '2', '--hours', '00:00-24:00'],
    );
    expect(created.code, created.stderr).toBe(0);
    const taskId = (JSON.parse(created.stdout) as { id: string }).id;

    const uploaded = await cli(dir, 'upload', listId, '--task', taskId);
    expect(uploaded.code, uploaded.stderr).toBe(0);
    // Run again: nothing left, which is not a failure.
    const again = await cli(dir, 'upload', listId, '--task', taskId);
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toContain('Nothing left to upload');

    let added = 0;
    for (let attempt = 0; attempt < 40 && added < rows.length; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const synced = await cli(dir, '--json', 'sync', taskId);
      expect(synced.code, synced.stderr).toBe(0);
      added += (JSON.parse(synced.stdout) as { added: number }).added;
    }
    expect(added).toBe(rows.length);

    const listed = await cli(dir, '--json', 'results', taskId);
    const { calls } = JSON.parse(listed.stdout) as {
      calls: {
        telephone: string;
        outid: string | null;
        row: { listId: number; variables: string[] } | null;
      }[];
    };
    expect(calls).toHaveLength(rows.length);
    for (const call of calls) {
      expect(call.outid, call.telephone).toMatch(/\S/);
      expect(call.row).toMatchObject({
        listId: Number(listId),
        variables: [`张${rows.indexOf(call.telephone)}`],
      });
    }

    const file = join(dir, '结果.csv');
    expect((await cli(dir, 'export-results', taskId, '--out', file)).code).toBe(0);
    const [header, ...lines] = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const columns = header!.split(',');
    expect(columns).toContain('客户姓名');
    const outidAt = columns.indexOf('Row ID (outid)');
    const nameAt = columns.indexOf('客户姓名');
    const exported = lines.filter((l) => /^\w/.test(l)).map((l) => l.split(','));
    expect(exported.length).toBeGreaterThanOrEqual(rows.length);
    for (const cells of exported.slice(0, rows.length)) {
      expect(cells[outidAt]).toMatch(/\S/);
      expect(cells[nameAt]).toMatch(/^张\d$/);
    }
  });
});

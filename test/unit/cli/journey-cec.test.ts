/**
 * The CLI on a Huawei CEC account, end to end, each step a separate `campaign-desk` run over one
 * data folder: the built-in CEC sandbox account (whose server a fast sandbox on the folder's
 * lease plays), import → tasks create (a campaign needs an end) → upload (≤ 20 rows a request,
 * ≥ 1 s apart) → sync → results → export-results, calls joined to their rows by sessionId.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { takeLease } from '../../../electron/services/accounts/sandboxLease';
import {
  CEC_CALLER_NUMBERS,
  CEC_FLOWS,
  CEC_SANDBOX_AK,
  CEC_SANDBOX_QC_APP_KEY,
  CEC_SANDBOX_QC_APP_SECRET,
  CEC_SANDBOX_SK,
  SANDBOX_STATE_FILE_NAME,
  startSandbox,
  type SandboxHandle,
} from '../../../electron/services/sandbox';
import { capturedCliContext } from '../../support/cliContext';
import { keychainStatus } from '../../support/keychain';

let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function cli(dir: string, ...argv: string[]) {
  return cliWith(dir, '', ...argv);
}

async function cliWith(dir: string, stdinText: string, ...argv: string[]) {
  const { ctx, out } = capturedCliContext(false);
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const code = await runCli(
    ['--data-dir', dir, ...argv],
    { stdin, stdout: ctx.stdout, stderr: ctx.stderr },
    { LANG: 'en_US.UTF-8' },
  );
  return { code, ...out };
}

const day = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('the CLI on the CEC sandbox account', () => {
  it('creates a campaign, uploads, syncs, lists and exports calls joined to their rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-cec-'));
    const stateFile = join(dir, SANDBOX_STATE_FILE_NAME);
    sandbox = await startSandbox({ stateFile, speed: 5000 });
    expect(await takeLease(stateFile, sandbox.url)).toBe(true);
    expect((await cli(dir, 'accounts', 'use', 'sandbox-cec')).code).toBe(0);
    const tested = await cli(dir, 'accounts', 'test');
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toContain('Signed call (campaign list): passed');

    const csv = join(dir, '回访.csv');
    const rows = Array.from({ length: 25 }, (_, i) => `1391000${String(1000 + i)}`);
    writeFileSync(csv, ['手机号码,客户姓名', ...rows.map((phone, i) => `${phone},张${i}`)].join('\n'));
    const imported = await cli(dir, '--json', 'import', csv, '--name', 'CEC 旅程');
    expect(imported.code, imported.stderr).toBe(0);
    const listId = String((JSON.parse(imported.stdout) as { list: { id: number } }).list.id);

    const create = [
      ...['--json', 'tasks', 'create', '--template', CEC_FLOWS[0]!.accessCode, '--name', 'CLI CEC 旅程'],
      ...['--caller', CEC_CALLER_NUMBERS[0]!, '--hours', '00:00-24:00'],
    ];
    // A campaign must end: permanent validity is refused before anything is sent.
    const permanent = await cli(dir, ...create);
    expect(permanent.code).toBe(1);
    expect(permanent.stdout + permanent.stderr).toMatch(/tasks\.validity_permanent/);
    const created = await cli(dir, ...create, '--until', day(Date.now() + 7 * 86_400_000));
    expect(created.code, created.stderr).toBe(0);
    const taskId = (JSON.parse(created.stdout) as { id: string }).id;
    expect((await cli(dir, 'tasks')).stdout).toContain('CLI CEC 旅程');

    const started = Date.now();
    const uploaded = await cli(dir, '--json', 'upload', listId, '--task', taskId);
    expect(uploaded.code, uploaded.stderr).toBe(0);
    // 25 rows: two requests, the second at least 1 s after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(sandbox.control.cec.campaignNumbers(taskId)).toHaveLength(rows.length);

    let added = 0;
    for (let attempt = 0; attempt < 60 && added < rows.length; attempt++) {
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
    for (const call of calls)
      expect(call.row).toMatchObject({
        listId: Number(listId),
        variables: [`张${rows.indexOf(call.telephone)}`],
      });

    const file = join(dir, '结果.csv');
    expect((await cli(dir, 'export-results', taskId, '--out', file)).code).toBe(0);
    const [header, ...lines] = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const columns = header!.split(',');
    const nameAt = columns.indexOf('客户姓名');
    const exported = lines.filter((l) => /^\S/.test(l)).map((l) => l.split(','));
    expect(exported).toHaveLength(rows.length);
    for (const cells of exported) expect(cells[nameAt]).toMatch(/^张\d+$/);

    // Transcripts come from quality inspection on their own: pending until fetched.
    type Reviewed = { id: string; outcome: string; transcript: string; utterances: { text: string }[] };
    const stored = async (...extra: string[]) =>
      (JSON.parse((await cli(dir, '--json', 'results', taskId, ...extra)).stdout) as { calls: Reviewed[] })
        .calls;
    const before = await stored();
    const connected = before.filter((c) => c.outcome === 'connected');
    expect(connected.length).toBeGreaterThan(0);
    expect(connected.every((c) => c.transcript === 'pending' && c.utterances.length === 0)).toBe(true);
    const fetched = await stored('--transcripts');
    const ready = fetched.filter((c) => c.transcript === 'ready');
    expect(ready.length).toBeGreaterThan(0);
    for (const call of ready) expect(call.utterances.length).toBeGreaterThan(0);
    expect(fetched.filter((c) => c.outcome !== 'connected').every((c) => c.transcript === 'none')).toBe(true);
    // Kept: a later sync (the calls again, without transcripts) does not wipe them.
    expect((await cli(dir, 'sync', taskId)).code).toBe(0);
    const after = await stored();
    for (const call of ready)
      expect(after.find((c) => c.id === call.id)).toMatchObject({
        transcript: 'ready',
        utterances: call.utterances,
      });
    const text = await cli(dir, 'results', taskId, '--transcripts');
    expect(text.stdout).toContain(`  [`);
  }, 60_000);
});

const keychain = await keychainStatus();

describe.skipIf(!keychain.available)(
  `accounts add --provider huawei-cec (skipped without a keychain: ${keychain.reason || 'n/a'})`,
  () => {
    it('takes the fields as options and AK/SK and the QC pair on stdin only, then tests the account', async () => {
      sandbox = await startSandbox({ autoRun: false });
      const dir = mkdtempSync(join(tmpdir(), 'cd-cli-cec-add-'));
      const name = `CEC 测试-${Date.now()}`;
      const base = sandbox.cec.baseUrl;
      const add = ['accounts', 'add', '--provider', 'huawei-cec', '--name', name, '--base-url', base];
      // A key on the command line is refused (other users see argv).
      const onArgv = await cli(dir, ...add, '--vdn-id', '1', '--ak', CEC_SANDBOX_AK);
      expect(onArgv.code).toBe(2);
      // A Sobot option is not silently dropped.
      expect((await cli(dir, ...add, '--vdn-id', '1', '--email', 'a@b.c')).code).toBe(2);
      expect((await cli(dir, ...add)).code).toBe(2);
      const noSk = await cliWith(dir, `ak=${CEC_SANDBOX_AK}\n`, ...add, '--vdn-id', '1');
      expect(noSk.code).toBe(1);
      expect(noSk.stderr).toContain('sk');
      const stdin = [
        `ak=${CEC_SANDBOX_AK}`,
        `sk=${CEC_SANDBOX_SK}`,
        `qc_app_key=${CEC_SANDBOX_QC_APP_KEY}`,
        `qc_app_secret=${CEC_SANDBOX_QC_APP_SECRET}`,
      ].join('\n');
      try {
        const added = await cliWith(
          dir,
          stdin,
          ...add,
          ...[
            '--vdn-id',
            '1',
            '--cc-id',
            '1',
            '--qc-domain',
            sandbox.cec.qcBaseUrl,
            '--time-zone',
            'Asia/Shanghai',
          ],
          ...[
            '--caller-numbers',
            CEC_CALLER_NUMBERS.join(','),
            '--flows',
            `${CEC_FLOWS[0]!.accessCode}=催收`,
          ],
        );
        expect(added.code, added.stderr).toBe(0);
        const onDisk = readdirText(dir);
        expect(onDisk).not.toContain(CEC_SANDBOX_SK);
        expect(onDisk).not.toContain(CEC_SANDBOX_AK);
        const tested = await cli(dir, 'accounts', 'test', name);
        expect(tested.code, tested.stderr).toBe(0);
        expect(tested.stdout).toContain('Signed call (campaign list): passed');
        expect(tested.stdout).toContain('Quality inspection: passed');
        // A wrong SK: the platform's 401, said clearly.
        const wrong = `${CEC_SANDBOX_SK}x`;
        const other = `${name}-wrong`;
        const bad = await cliWith(
          dir,
          `ak=${CEC_SANDBOX_AK}\nsk=${wrong}`,
          ...add.slice(0, 5),
          other,
          '--base-url',
          base,
          '--vdn-id',
          '1',
        );
        expect(bad.code, bad.stderr).toBe(0);
        const refused = await cli(dir, 'accounts', 'test', other);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('huawei.auth_refused');
        await cli(dir, 'accounts', 'remove', other);
      } finally {
        await cli(dir, 'accounts', 'remove', name);
      }
    });
  },
);

/** Every file of a data folder, as text (what a leak would be found in). */
function readdirText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'latin1'))
    .join('\n');
}

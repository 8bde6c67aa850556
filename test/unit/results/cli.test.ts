/**
 * `campaign-desk sync / results / export-results`. The commands' runners are driven over a
 * results feature whose sandbox this test seeds (a seeded task with a known history), the wrong
 * command lines and an unknown task go through `runCli` on the built-in account, and (where a
 * keychain answers) one account of the data folder points every invocation at one sandbox.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_OUTCOME_LABELS } from '../../../shared/codes/domain';
import { SOBOT_CALL_OUTCOMES, sobotCallOutcome } from '../../../shared/codes/sobot';
import type { Locale } from '../../../shared/locale';
import type { CallResult, ResultsCounts, SyncReport, Utterance } from '../../../shared/results';
import {
  runExportResults,
  runResults,
  runSync,
  type ResultsRunner,
} from '../../../electron/cli/commands/results';
import { runCli } from '../../../electron/cli/main';
import { SANDBOX_APPID, SANDBOX_SIGNATURE, startSandbox } from '../../../electron/services/sandbox/index';
import { createSobotClient } from '../../../electron/services/sobot/index';
import { capturedCliContext } from '../../support/cliContext';
import { keychainStatus } from '../../support/keychain';
import { ACCOUNT, setupResults } from './support';

type Setup = Awaited<ReturnType<typeof setupResults>>;
type Listed = { taskId: string; counts: ResultsCounts; calls: (CallResult & { utterances: Utterance[] })[] };

let current: Setup | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

/** Runs a results command over the test's feature; answers the exit code and what it printed. */
async function run(runner: ResultsRunner, args: string[], options: { json?: boolean; locale?: Locale } = {}) {
  const { ctx, out } = capturedCliContext(options.json ?? false);
  ctx.locale = options.locale ?? 'en';
  const code = await runner(current!.results, args, ctx);
  return { code, ...out };
}

/** A results feature over a stopped-clock sandbox holding a task with `completed` finished calls. */
async function seeded(completed: number, rows = completed + 10) {
  current = await setupResults({ sandbox: { seed: 11, autoRun: false } });
  const taskId = current.sandbox!.control.seedTask({ name: '十一月回访', rows, completed });
  return { s: current, taskId };
}

const storedRows = (s: Setup, taskId: string): number =>
  (
    s.services.db
      .prepare('SELECT count(*) AS n FROM result_calls WHERE account_id = ? AND task_id = ?')
      .get(ACCOUNT, taskId) as { n: number }
  ).n;

async function cli(argv: string[], stdinText = '') {
  const { ctx, out } = capturedCliContext(false);
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const code = await runCli(argv, { stdin, stdout: ctx.stdout, stderr: ctx.stderr }, { LANG: 'en_US.UTF-8' });
  return { code, ...out };
}

describe('campaign-desk sync', () => {
  it('stores a task’s calls and reports the counts, as JSON and as text in both languages', async () => {
    const { s, taskId } = await seeded(24);
    const other = s.sandbox!.control.seedTask({ name: '第二批', rows: 8, completed: 6 });

    const json = await run(runSync, [taskId], { json: true });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as SyncReport;
    expect(report).toMatchObject({ taskId, added: 24, updated: 0, complete: true });
    expect(report.pages).toBeGreaterThanOrEqual(1);
    expect(json.stderr).toBe(''); // no progress lines in JSON mode
    expect(storedRows(s, taskId)).toBe(24);

    const zh = await run(runSync, [other], { locale: 'zh-CN' });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toBe(`任务 ${other}：新增 6 通，更新 0 通（1 页）\n`);
    expect(zh.stderr).toContain('第 1/1 页');
    expect(storedRows(s, other)).toBe(6);
    expect(storedRows(s, taskId)).toBe(24);

    const en = await run(runSync, [other]);
    expect(en.stdout).toMatch(new RegExp(`^Task ${other}: 0 new, \\d+ updated \\(1 pages\\)\\n$`));
  });

  it('adds no duplicates on a second sync', async () => {
    const { s, taskId } = await seeded(30);
    expect((await run(runSync, [taskId])).code).toBe(0);
    const again = await run(runSync, [taskId], { json: true });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ taskId, added: 0, complete: true });
    expect(storedRows(s, taskId)).toBe(30);
    const distinct = s.services.db
      .prepare('SELECT count(DISTINCT callid) AS n FROM result_calls WHERE task_id = ?')
      .get(taskId) as { n: number };
    expect(distinct.n).toBe(30);
  });
});

describe('campaign-desk results', () => {
  it('lists the synced calls, newest first, with counts and transcripts', async () => {
    const { s, taskId } = await seeded(20);
    const before = await run(runResults, [taskId]);
    expect(before).toMatchObject({ code: 0, stdout: 'No synced calls for this task yet\n' });
    await run(runSync, [taskId]);

    const listed = await run(runResults, [taskId], { json: true });
    expect(listed.code).toBe(0);
    const { counts, calls, ...rest } = JSON.parse(listed.stdout) as Listed;
    expect(rest).toEqual({ taskId });
    expect(counts.total).toBe(20);
    expect(counts.byOutcome.reduce((n, b) => n + b.count, 0)).toBe(20);
    expect(calls).toHaveLength(20);
    expect(new Set(calls.map((c) => c.id)).size).toBe(20);
    const starts = calls.map((c) => c.startedAt!);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    for (const call of calls) {
      expect(call).toMatchObject({ taskId, telephone: expect.stringMatching(/^13\d{9}$/) });
      expect(Object.keys(SOBOT_CALL_OUTCOMES)).toContain(call.outcomeCode);
      expect(call.outcome).toBe(sobotCallOutcome(call.outcomeCode));
      expect(call.utterances).toHaveLength(call.utteranceCount);
    }
    const connected = calls.filter((c) => c.outcome === 'connected');
    expect(connected.length).toBeGreaterThan(0);
    for (const call of connected) expect(call.utterances[0]?.speaker).toBe('robot');
    const speakers = new Set(connected.flatMap((c) => c.utterances.map((u) => u.speaker)));
    expect(speakers).toEqual(new Set(['robot', 'customer']));

    // The same calls as the server tells them row by row (seed-1 … seed-20); query_time_task_data
    // carries no outid, so the CLI's calls are matched to the rows by call id.
    const client = createSobotClient({
      baseUrl: s.sandbox!.url,
      appid: SANDBOX_APPID,
      signature: SANDBOX_SIGNATURE,
    });
    const truth = new Map<string, string>();
    for (let i = 1; i <= 20; i++) {
      const data = await client.queryTaskData({ taskid: taskId, outid: `seed-${i}` });
      truth.set(data!.detail.callid, data!.detail.tel);
    }
    expect(new Map(calls.map((c) => [c.id, c.telephone]))).toEqual(truth);

    const text = await run(runResults, [taskId]);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    lines.forEach((line, i) => {
      const fields = line.split('\t');
      expect(fields).toHaveLength(6);
      expect(fields[0]).toBe(calls[i]!.id);
      expect(fields[2]).toBe(calls[i]!.telephone);
      expect(fields[3]).toBe(CALL_OUTCOME_LABELS[calls[i]!.outcome].en);
    });
  });
});

describe('campaign-desk export-results', () => {
  it('writes a real .xlsx and a .csv with a BOM, with the Chinese status labels', async () => {
    const { taskId } = await seeded(15);
    await run(runSync, [taskId]);
    const { calls } = JSON.parse((await run(runResults, [taskId], { json: true })).stdout) as Listed;
    const label = new Map(calls.map((c) => [c.id, CALL_OUTCOME_LABELS[c.outcome]['zh-CN']]));
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-results-'));

    const xlsxFile = join(dir, '结果.xlsx');
    const xlsx = await run(runExportResults, [taskId, '--out', xlsxFile], { locale: 'zh-CN' });
    expect(xlsx).toMatchObject({ code: 0, stdout: `已导出 15 通到 ${xlsxFile}\n` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number): string[] =>
      (sheet.getRow(row).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const header = values(1);
    expect(header.slice(0, 4)).toEqual(['通话ID', '任务ID', '数据ID', '电话号码']);
    const idAt = header.indexOf('通话ID');
    const statusAt = header.indexOf('拨打结果');
    expect(header[statusAt + 1]).toBe('结果代码');
    expect(statusAt).toBeGreaterThan(0);
    expect(sheet.actualRowCount).toBe(16);
    const exported = new Map<string, string>();
    for (let r = 2; r <= 16; r++) exported.set(values(r)[idAt]!, values(r)[statusAt]!);
    expect(exported).toEqual(label);
    expect([...exported.values()]).toContain('已接通');
    // Durations are numbers, telephones text.
    const talkAt = header.indexOf('通话时长(秒)');
    expect(typeof sheet.getRow(2).getCell(talkAt + 1).value).toBe('number');
    expect(typeof sheet.getRow(2).getCell(4).value).toBe('string');

    const csvFile = join(dir, '结果.csv');
    const csv = await run(runExportResults, [taskId, '--out', csvFile], { json: true, locale: 'zh-CN' });
    expect(JSON.parse(csv.stdout)).toEqual({ taskId, file: csvFile, rows: 15 });
    const text = readFileSync(csvFile, 'utf8');
    expect(text.startsWith('\uFEFF通话ID,任务ID,数据ID,电话号码,')).toBe(true);
    for (const [id, status] of label) {
      // Transcripts span lines inside quotes; the call's own line starts with its id.
      // Telephones as ="…" so Excel and WPS keep every digit.
      expect(text).toMatch(new RegExp(`\\r\\n${id},${taskId},,"=""13\\d{9}""","=""\\d+""",${status},\\d,`));
    }
  });

  it('refuses an extension it cannot write, in the user’s language', async () => {
    const { taskId } = await seeded(2);
    const bad = await run(runExportResults, [taskId, '--out', join(tmpdir(), 'x.txt')], { json: true });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'results.export_format' } });
  });
});

describe('wrong command lines and unknown tasks', () => {
  it('explain the usage in the user’s language, exit 2 and open nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-results-'));
    const en = await cli(['--data-dir', dir, 'sync']);
    expect(en).toMatchObject({ code: 2, stdout: '' });
    expect(en.stderr).toBe('Invalid command line: TASK_ID is missing\nUsage: campaign-desk sync TASK_ID\n');
    const zh = await cli(['--data-dir', dir, '--lang', 'zh-CN', 'results']);
    expect(zh).toMatchObject({
      code: 2,
      stderr:
        '命令行有误：缺少 TASK_ID\n用法：campaign-desk results TASK_ID [--status OUTCOME,…] [--customer TEXT] [--to-list NAME] [--transcripts]\n',
    });
    const noOut = await cli(['--data-dir', dir, '--json', 'export-results', '42']);
    expect(noOut.code).toBe(2);
    expect(JSON.parse(noOut.stdout)).toEqual({
      error: { code: 'cli.usage', message: 'Invalid command line: --out is missing' },
    });
    expect(readdirSync(dir)).toEqual([]);
    // The runner says the same when driven directly.
    const { ctx } = capturedCliContext(false);
    current = await setupResults();
    await expect(runExportResults(current.results, ['42'], ctx)).rejects.toMatchObject({
      name: 'UsageError',
      params: { name: '--out' },
    });
  });

  it('say the task id is wrong when syncing a task the server does not know', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-results-'));
    const en = await cli(['--data-dir', dir, 'sync', 'no-such-task']);
    expect(en).toMatchObject({ code: 1, stdout: '' });
    expect(en.stderr).toBe('The task id is wrong (query_time_task_data) [sobot.320022]\n');
    const zh = await cli(['--data-dir', dir, '--lang', 'zh-CN', 'sync', 'no-such-task']);
    expect(zh).toMatchObject({ code: 1, stderr: '任务 id 有误 (query_time_task_data) [sobot.320022]\n' });
    const json = await cli(['--data-dir', dir, '--json', 'sync', 'no-such-task']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'sobot.320022', message: 'The task id is wrong', detail: 'query_time_task_data' },
    });
  });
});

const keychain = await keychainStatus();

describe.skipIf(!keychain.available)(
  `through runCli with an account of the data folder (skipped without a keychain: ${keychain.reason || 'n/a'})`,
  () => {
    it('syncs, lists and exports across separate invocations', async () => {
      const sandbox = await startSandbox({ seed: 3, autoRun: false });
      const dir = mkdtempSync(join(tmpdir(), 'cd-cli-results-'));
      const at = ['--data-dir', dir];
      const name = `结果测试-${Date.now()}`;
      try {
        const taskId = sandbox.control.seedTask({ name: '跨进程', rows: 12, completed: 9 });
        const added = await cli(
          [...at, 'accounts', 'add', '--name', name, '--appid', SANDBOX_APPID, '--base-url', sandbox.url],
          SANDBOX_SIGNATURE,
        );
        expect(added.code).toBe(0);
        expect((await cli([...at, 'accounts', 'use', name])).code).toBe(0);

        const first = await cli([...at, '--json', 'sync', taskId]);
        expect(JSON.parse(first.stdout)).toMatchObject({ added: 9, complete: true });
        const second = await cli([...at, '--json', 'sync', taskId]);
        expect(JSON.parse(second.stdout)).toMatchObject({ added: 0, complete: true });
        const listed = JSON.parse((await cli([...at, '--json', 'results', taskId])).stdout) as Listed;
        expect(listed.calls).toHaveLength(9);
        const file = join(dir, 'out.csv');
        const exported = await cli([...at, '--lang', 'zh-CN', 'export-results', taskId, '--out', file]);
        expect(exported).toMatchObject({ code: 0, stdout: `已导出 9 通到 ${file}\n` });
        expect(readFileSync(file, 'utf8').split('\r\n')[0]).toMatch(/^\uFEFF通话ID,/);
      } finally {
        await cli([...at, 'accounts', 'remove', name]);
        await sandbox.close();
      }
    });
  },
);

/**
 * The sandbox's state file: a sandbox started on the file of one that was closed goes on where
 * it stopped (tasks, rows, finished calls with their transcripts and recordings, the clock, the
 * id generator), catches up the time it was not running within a cap, and a bad file is moved
 * aside instead of stopping the start. Also through the CLI: two commands on one data folder
 * see the same sandbox.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxCommand } from '../../../electron/cli/commands/sandbox';
import { runCli } from '../../../electron/cli/main';
import type { Logger } from '../../../electron/services/log';
import {
  MAX_CATCH_UP_MS,
  SANDBOX_APPID,
  SANDBOX_SIGNATURE,
  SANDBOX_STATE_FILE_NAME,
  startSandbox,
  type SandboxHandle,
  type SandboxOptions,
} from '../../../electron/services/sandbox/index';
import { createSobotClient, type CallData } from '../../../electron/services/sobot/index';
import { capturedCliContext } from '../../support/cliContext';
import { HOUR, makeRows, MINUTE, T0, TEMPLATE_MEETING } from './helpers';

const open: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
});

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'cd-sandbox-state-'));

/** A sandbox on a stopped clock at `T0` (tests move it with advance) keeping its state in `file`. */
async function start(file: string, options: SandboxOptions = {}): Promise<SandboxHandle> {
  const sb = await startSandbox({ autoRun: false, now: () => T0, seed: 7, stateFile: file, ...options });
  open.push(sb);
  return sb;
}

async function stop(sb: SandboxHandle): Promise<void> {
  open.splice(open.indexOf(sb), 1);
  await sb.close();
}

function clientOf(sb: SandboxHandle) {
  return createSobotClient({ baseUrl: sb.url, appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE });
}

type Client = ReturnType<typeof clientOf>;

async function newTask(client: Client, name: string, overrides: { robots?: number; hours?: string } = {}) {
  const { taskid } = await client.addTask({
    templateid: TEMPLATE_MEETING,
    task_name: name,
    telephone: '02180344315,01087654321',
    robot_num: overrides.robots ?? 2,
    time_type: 2,
    call_time_slot: overrides.hours ?? '00:00-24:00',
  });
  return taskid;
}

/** Rows, every third with template variables. */
function rows(count: number, prefix: string) {
  return makeRows(count, prefix).map((row, i) =>
    i % 3 === 0 ? { ...row, variable: `姓名^客户${i}|日期^3月${(i % 28) + 1}日` } : row,
  ) as { telephone: string; outid: string; variable?: string }[];
}

/** Every finished call of a task, with the origin (a new port after a restart) taken out. */
async function results(sb: SandboxHandle, taskid: string): Promise<CallData[]> {
  const all = await clientOf(sb)
    .queryTimeTaskData({ taskid, begin_time: T0 - HOUR, end_time: T0 + 1000 * HOUR })
    .fetchAll();
  return all.data.map((call) => ({
    ...call,
    detail: { ...call.detail, voice_url: call.detail.voice_url?.replace(sb.origin, 'ORIGIN') ?? null },
  }));
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    debug: () => undefined,
    info: () => undefined,
    warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields ?? {})}`),
    error: (message) => warnings.push(message),
  };
}

describe('sandbox state file', () => {
  it('brings back tasks, rows, finished calls and the clock after a restart', async () => {
    const file = join(tempDir(), SANDBOX_STATE_FILE_NAME);
    const first = await start(file);
    const client = clientOf(first);
    const running = await newTask(client, '回访');
    const paused = await newTask(client, '暂停的', { robots: 1 });
    const ended = await newTask(client, '完结的', { robots: 1, hours: '09:00-12:00' });
    await client.addTaskData({ taskid: running, data: rows(200, 'a') });
    await client.addTaskData({ taskid: paused, data: rows(60, 'p') });
    await client.addTaskData({ taskid: ended, data: rows(60, 'e') });
    first.control.advance(10 * MINUTE);
    await client.pauseTask({ taskid: paused });
    await client.endTask({ taskid: ended });
    const before = await results(first, running);
    expect(before.length).toBeGreaterThan(5);
    expect(before.length).toBeLessThan(150);
    // A dialled row deleted (its result flagged), an undialled one removed (its outid free again).
    await client.deleteTaskData({ taskid: running, outid: ['a0', 'a199'] });
    const ids = [running, paused, ended];
    const infos = await client.queryTaskInfo({ taskid: ids });
    const outids = ids.map((id) => first.control.taskOutids(id));
    const calls = await Promise.all(ids.map((id) => results(first, id)));
    const a0 = (await client.queryTaskData({ taskid: running, outid: 'a0' }))!;
    const wav = await (await fetch(a0.detail.voice_url!)).arrayBuffer();
    const clock = first.control.now();
    await stop(first);

    const second = await start(file);
    const again = clientOf(second);
    expect(second.control.now()).toBe(clock);
    expect(await again.queryTaskInfo({ taskid: ids })).toEqual(infos);
    expect(ids.map((id) => second.control.taskOutids(id))).toEqual(outids);
    expect(await Promise.all(ids.map((id) => results(second, id)))).toEqual(calls);
    expect(calls[0]!.find((c) => c.detail.callid === a0.detail.callid)?.detail.del_flag).toBe(-1);
    const a0Again = (await again.queryTaskData({ taskid: running, outid: 'a0' }))!;
    expect(a0Again.detail.voice_url).toBe(a0.detail.voice_url!.replace(first.origin, second.origin));
    expect({ ...a0Again, detail: { ...a0Again.detail, voice_url: null } }).toEqual({
      ...a0,
      detail: { ...a0.detail, voice_url: null },
    });
    const wavAgain = await (await fetch(a0Again.detail.voice_url!)).arrayBuffer();
    expect(wavAgain.byteLength).toBeGreaterThan(1_000);
    expect(Buffer.from(wavAgain).equals(Buffer.from(wav))).toBe(true);
    // The removed outid can be uploaded again; the paused and ended tasks stay so.
    await again.addTaskData({ taskid: running, data: [{ telephone: '13900000199', outid: 'a199' }] });
    await expect(again.resumeTask({ taskid: ended })).rejects.toMatchObject({ code: '320024' });
    await again.resumeTask({ taskid: paused });

    // Dialing goes on: every row ends with exactly one call, all callids distinct.
    second.control.advance(24 * HOUR);
    const after = await results(second, running);
    expect(after).toHaveLength(200);
    expect(new Set(after.map((c) => c.detail.callid)).size).toBe(200);
    expect(after.slice(0, before.length).map((c) => c.detail.callid)).toEqual(
      before.map((c) => c.detail.callid),
    );
    expect((await again.queryTaskInfo({ taskid: running }))[0]).toMatchObject({
      call_times: 200,
      task_status: 2,
    });
  });

  it('goes on with the ids it would have made next, and puts calls in progress back to be dialled', async () => {
    const file = join(tempDir(), SANDBOX_STATE_FILE_NAME);
    // The same steps on a sandbox that never restarts give the ids to expect.
    const steady = await startSandbox({ autoRun: false, now: () => T0, seed: 7 });
    open.push(steady);
    const restarted = await start(file);
    const taskids: string[] = [];
    for (const sb of [steady, restarted]) {
      const taskid = await newTask(clientOf(sb), '任务');
      await clientOf(sb).addTaskData({ taskid, data: rows(20, 'r') });
      sb.control.advance(3 * MINUTE);
      taskids.push(taskid);
    }
    const [taskid] = taskids as [string];
    expect(taskids[1]).toBe(taskid);
    const statusOf = async (sb: SandboxHandle, outid: string) =>
      (await clientOf(sb).queryTaskData({ taskid, outid }))!.detail.status;
    const outids = restarted.control.taskOutids(taskid);
    const statuses = await Promise.all(outids.map((outid) => statusOf(restarted, outid)));
    const inProgress = outids.filter((_, i) => statuses[i] === 1);
    expect(inProgress).toHaveLength(2);
    const callidsBefore = (await results(restarted, taskid)).map((c) => c.detail.callid);
    await stop(restarted);

    const resumed = await start(file);
    const [nextSteady, nextResumed] = await Promise.all(
      [steady, resumed].map((sb) => newTask(clientOf(sb), '下一个')),
    );
    expect(nextResumed).toBe(nextSteady);
    // The calls in progress were dropped: their rows wait to be dialled again, under new callids.
    for (const outid of inProgress) expect(await statusOf(resumed, outid)).toBe(0);
    resumed.control.advance(12 * HOUR);
    const all = (await results(resumed, taskid)).map((c) => c.detail.callid);
    expect(all).toHaveLength(20);
    expect(new Set(all).size).toBe(20);
    expect(all.slice(0, callidsBefore.length)).toEqual(callidsBefore);
    for (const outid of inProgress) expect(await statusOf(resumed, outid)).toBeGreaterThan(1);
  });

  it('saves shortly after a change, atomically, without credentials', async () => {
    const dir = tempDir();
    const file = join(dir, SANDBOX_STATE_FILE_NAME);
    const sb = await start(file);
    expect(existsSync(file)).toBe(false);
    const taskid = await newTask(clientOf(sb), '自动保存');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(taskid);
    expect(text).not.toContain(SANDBOX_SIGNATURE);
    expect(text).not.toContain(SANDBOX_APPID);
    expect(readdirSync(dir)).toEqual([SANDBOX_STATE_FILE_NAME]);
    await stop(sb);
    expect(readdirSync(dir)).toEqual([SANDBOX_STATE_FILE_NAME]);
  });

  it('removes a background save its process left half written, and keeps a running one’s', async () => {
    const dir = tempDir();
    const file = join(dir, SANDBOX_STATE_FILE_NAME);
    // A process that has ended: its id names no running process now.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const left = `${SANDBOX_STATE_FILE_NAME}.${gone}.1764000000000.bg.tmp`;
    const running = `${SANDBOX_STATE_FILE_NAME}.${process.ppid}.1764000000000.bg.tmp`;
    const other = `other.json.${gone}.1764000000000.bg.tmp`;
    for (const name of [left, running, other]) writeFileSync(join(dir, name), '{"half":');
    const sb = await start(file);
    expect(readdirSync(dir).sort()).toEqual([other, running].sort());
    await stop(sb);
    expect(readdirSync(dir).sort()).toEqual([SANDBOX_STATE_FILE_NAME, other, running].sort());
  });

  it('moves a corrupt, foreign or inconsistent file aside and starts empty', async () => {
    const valid = join(tempDir(), SANDBOX_STATE_FILE_NAME);
    const sb = await start(valid);
    await newTask(clientOf(sb), '好的');
    await stop(sb);
    const good = JSON.parse(readFileSync(valid, 'utf8')) as { tasks: { rows: unknown[] }[] };
    good.tasks[0]!.rows.push(['x', '13900000000', 9]);
    const samples = {
      truncated: '{"format":"campaign-desk.sandbox-state","version":1,"tasks":[{"id":"1',
      version: JSON.stringify({ format: 'campaign-desk.sandbox-state', version: 99, tasks: [] }),
      foreign: '[1,2,3]',
      // Valid JSON and version, one bad row after a good task: nothing of it may be kept.
      inconsistent: JSON.stringify(good),
    };
    for (const [kind, content] of Object.entries(samples)) {
      const dir = tempDir();
      const file = join(dir, SANDBOX_STATE_FILE_NAME);
      writeFileSync(file, content);
      const log = recordingLogger();
      const fresh = await start(file, { log });
      expect(fresh.control.stats().tasks, kind).toBe(0);
      expect(log.warnings.join('\n'), kind).toContain('moved aside');
      const aside = readdirSync(dir).filter((name) => name.startsWith(`${SANDBOX_STATE_FILE_NAME}.corrupt-`));
      expect(aside, kind).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0]!), 'utf8'), kind).toBe(content);
      await newTask(clientOf(fresh), '新的');
      await stop(fresh);
      expect((await start(file)).control.stats().tasks, kind).toBe(1);
    }
  });

  it('catches up the time it was not running: fast while there is work, capped, never behind the real clock', async () => {
    const file = join(tempDir(), SANDBOX_STATE_FILE_NAME);
    let real = T0; // Monday 09:00
    const options = { autoRun: true, speed: 60, now: () => real };
    const first = await start(file, options);
    // Half an hour of calling a day, so the catch-up is mostly waiting for the next morning.
    const taskid = await newTask(clientOf(first), '追赶', { robots: 1, hours: '09:00-09:30' });
    await clientOf(first).addTaskData({ taskid, data: rows(300, 'c') });
    await stop(first);

    // 10 real minutes with work: 10 simulated hours at 60×.
    real = T0 + 10 * MINUTE;
    const second = await start(file, options);
    expect(Math.abs(second.control.now() - (T0 + 10 * HOUR))).toBeLessThanOrEqual(MINUTE);
    const mondayCalls = (await clientOf(second).queryTaskInfo({ taskid }))[0]!.call_times;
    expect(mondayCalls).toBeGreaterThan(10);
    const saved = second.control.now();
    await stop(second);

    // Ten days later: one simulated day (Tuesday's half hour is dialled), then the clock jumps
    // to the real time without dialing the days in between.
    real = T0 + 10 * 24 * HOUR;
    const third = await start(file, options);
    expect(third.control.now()).toBe(real);
    const calls = await results(third, taskid);
    expect(calls.length).toBeGreaterThan(mondayCalls);
    const latestStart = Math.max(...calls.map((c) => c.detail.start_time ?? 0));
    expect(latestStart).toBeGreaterThan(T0 + 24 * HOUR);
    expect(latestStart).toBeLessThanOrEqual(saved + MAX_CATCH_UP_MS);
    // At the real time it is 09:00 again: dialing resumes there.
    expect((await clientOf(third).queryTaskInfo({ taskid }))[0]!.task_status).toBe(1);
  });

  it('lets idle time pass at the real pace, and without autoRun only keeps the clock from lagging', async () => {
    const file = join(tempDir(), SANDBOX_STATE_FILE_NAME);
    let real = T0;
    const idle = await start(file, { autoRun: true, now: () => real });
    await newTask(clientOf(idle), '无名单');
    idle.control.advance(2 * HOUR);
    await stop(idle);
    real = T0 + 3 * HOUR;
    const later = await start(file, { autoRun: true, now: () => real });
    expect(later.control.now()).toBe(T0 + 5 * HOUR);
    await stop(later);

    real = T0 + 7 * 24 * HOUR;
    const manual = await start(file, { autoRun: false, now: () => real });
    expect(manual.control.now()).toBe(real);
  });

  it('keeps 100,000 rows in a few MB', async () => {
    const dir = tempDir();
    const rowsOnly = join(dir, 'rows.json');
    const sb = await start(rowsOnly);
    sb.control.seedTask({ name: '十万', rows: 100_000, completed: 0 });
    await stop(sb);
    expect(statSync(rowsOnly).size).toBeLessThan(4_000_000);

    const dialled = join(dir, 'dialled.json');
    const busy = await start(dialled);
    const taskid = busy.control.seedTask({ name: '十万已拨', rows: 100_000, completed: 100_000 });
    await stop(busy);
    expect(statSync(dialled).size).toBeLessThan(10_000_000);
    const back = await start(dialled);
    expect(back.control.taskOutids(taskid)).toHaveLength(100_000);
    expect((await clientOf(back).queryTaskInfo({ taskid }))[0]).toMatchObject({ call_times: 100_000 });
  });
});

describe('the built-in sandbox account through the CLI', () => {
  async function cli(argv: string[]) {
    const { ctx, out } = capturedCliContext(false);
    const { stdin, stdout, stderr } = ctx;
    const code = await runCli(argv, { stdin, stdout, stderr }, { LANG: 'en_US.UTF-8' });
    return { code, ...out };
  }

  it('finds a task created by one command in the next ones', async () => {
    const dir = tempDir();
    const made = await cli([
      '--data-dir',
      dir,
      '--json',
      'tasks',
      'create',
      '--template',
      TEMPLATE_MEETING,
      '--name',
      '跨进程任务',
      '--caller',
      '02180344315',
      '--robots',
      '1',
      '--hours',
      '00:00-24:00',
    ]);
    expect(made.code, made.stderr).toBe(0);
    const { id } = JSON.parse(made.stdout) as { id: string };
    expect(readFileSync(join(dir, SANDBOX_STATE_FILE_NAME), 'utf8')).toContain(id);

    const csv = join(dir, 'list.csv');
    writeFileSync(
      csv,
      ['手机号码,客户姓名', ...makeRows(200).map((r, i) => `${r.telephone},客户${i}`)].join('\n'),
    );
    const imported = await cli(['--data-dir', dir, '--json', 'import', csv]);
    expect(imported.code, imported.stderr).toBe(0);
    const listId = (JSON.parse(imported.stdout) as { list: { id: number } }).list.id;
    const uploaded = await cli(['--data-dir', dir, 'upload', String(listId), '--task', id]);
    expect(uploaded.code, uploaded.stderr).toBe(0);

    const paused = await cli(['--data-dir', dir, 'tasks', 'pause', id]);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stdout).toContain(`Task ${id}: Paused`);

    const listed = await cli(['--data-dir', dir, '--json', 'tasks']);
    expect(listed.code, listed.stderr).toBe(0);
    const { tasks } = JSON.parse(listed.stdout) as {
      tasks: { id: string; status: number; counts: { total: number } }[];
    };
    expect(tasks).toEqual([
      expect.objectContaining({ id, status: 'paused', counts: expect.objectContaining({ total: 200 }) }),
    ]);
    expect(readFileSync(join(dir, SANDBOX_STATE_FILE_NAME), 'utf8')).not.toContain(SANDBOX_SIGNATURE);
  });

  it('keeps the standalone sandbox in memory unless --state names a file', async () => {
    const dir = tempDir();
    const file = join(dir, 'standalone.json');
    let interrupt = (): void => undefined;
    const { ctx, out } = capturedCliContext(true, new Promise((resolve) => (interrupt = resolve)));
    const running = sandboxCommand.run(['--state', file], ctx);
    await expect.poll(() => out.stdout.length, { timeout: 5000 }).toBeGreaterThan(0);
    const { url } = JSON.parse(out.stdout) as { url: string };
    const taskid = await newTask(
      createSobotClient({ baseUrl: url, appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE }),
      '独立沙箱',
    );
    interrupt();
    expect(await running).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(taskid);

    const missing = capturedCliContext(false);
    await expect(sandboxCommand.run(['--state'], missing.ctx)).rejects.toMatchObject({
      name: 'UsageError',
      kind: 'needsValue',
      params: { option: '--state' },
    });
  });
});

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sandboxCommand } from '../../../electron/cli/commands/sandbox';
import type { CliContext } from '../../../electron/cli/command';
import { startSandbox } from '../../../electron/services/sandbox';
import { AUTH, HOUR, makeRows, MINUTE, openApi, T0 } from './helpers';

describe('sandbox server', () => {
  it('url ends with the API path and close() is prompt even with keep-alive sockets', async () => {
    const sb = await startSandbox({ seed: 3 });
    expect(sb.url).toBe(`${sb.origin}/api/icall/5/task/`);
    expect(sb.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await Promise.all(
      Array.from({ length: 5 }, () => fetch(`${sb.url}query_robot_num?${new URLSearchParams(AUTH)}`)),
    );
    const started = Date.now();
    await sb.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(fetch(`${sb.url}query_robot_num`)).rejects.toThrow();
  });

  it('adds latency and records the most requests in flight at once', async () => {
    const api = await openApi({ latencyMs: 120 });
    try {
      const started = Date.now();
      await Promise.all(Array.from({ length: 6 }, () => api.get('query_robot_num')));
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      let stats = api.sb.control.stats();
      expect(stats.maxInFlight).toBe(6);
      expect(stats.inFlight).toBe(0);
      expect(stats.requests.query_robot_num).toBe(6);
      api.sb.control.resetStats();
      for (let i = 0; i < 3; i++) await api.get('query_robot_num');
      stats = api.sb.control.stats();
      expect(stats.maxInFlight).toBe(1);
      expect(stats.totalRequests).toBe(3);
    } finally {
      await api.close();
    }
  });

  it('counts requests by method and content type, to check a client’s wire format', async () => {
    const api = await openApi();
    try {
      const taskid = await api.createTask();
      await api.addRows(taskid, makeRows(2));
      await api.get('editor_task', { taskid, task_name: 'x' });
      const stats = api.sb.control.stats();
      expect(stats.methods['POST add_task']).toBe(1);
      expect(stats.methods['GET editor_task']).toBe(1);
      expect(stats.contentTypes['add_task_data application/x-www-form-urlencoded']).toBe(1);
    } finally {
      await api.close();
    }
  });

  it('runs the simulated clock at speed × real time while tasks have work, and at 1× when idle', async () => {
    let real = T0;
    const sb = await startSandbox({ now: () => real, speed: 60, seed: 5 });
    try {
      const get = async (endpoint: string, params: Record<string, string> = {}) =>
        (await (
          await fetch(`${sb.url}${endpoint}?${new URLSearchParams({ ...AUTH, ...params })}`)
        ).json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      real += 1000; // idle: one real second is one simulated second
      await get('query_task');
      expect(sb.control.now()).toBe(T0 + 1000);
      const form = new URLSearchParams({
        ...AUTH,
        templateid: '6a9b98410bd44470ae4660275c14792f',
        task_name: 'clock',
        telephone: '02180344315',
        robot_num: '1',
        time_type: '2',
        call_time_slot: '00:00-24:00',
      });
      const created = (await (await fetch(`${sb.url}add_task`, { method: 'POST', body: form })).json()) as {
        data: { taskid: string };
      };
      const taskid = created.data.taskid;
      await fetch(`${sb.url}add_task_data`, {
        method: 'POST',
        body: new URLSearchParams({ ...AUTH, taskid, data: JSON.stringify(makeRows(500)) }),
      });
      real += 60_000; // one real minute with work: one simulated hour
      const info = (await get('query_task_info', { taskid })).data[0];
      expect(sb.control.now()).toBe(T0 + 1000 + HOUR);
      expect(info.call_times).toBeGreaterThan(30);
    } finally {
      await sb.close();
    }
  });

  it('seedTask creates a running task whose history lies in the last hour', async () => {
    const api = await openApi();
    try {
      const taskid = api.sb.control.seedTask({ name: '种子任务', rows: 1000, completed: 400 });
      const info = await api.info(taskid);
      expect(info).toMatchObject({
        task_name: '种子任务',
        task_status: 1,
        call_total_data: 1000,
        call_times: 400,
      });
      const count = await api.get('calls_count', {
        taskid,
        begin_time: String(T0 - HOUR),
        end_time: String(T0),
      });
      expect(count.data[0].count).toBe(400);
      const firstPage = await api.get('query_time_task_data', {
        taskid,
        begin_time: String(T0 - HOUR),
        end_time: String(T0),
        page_size: '15',
        page_num: '1',
      });
      expect(firstPage.total_count).toBe(400);
      expect(firstPage.page_count).toBe(27);
      for (const r of firstPage.data) expect(Number(r.detail.end_time)).toBeLessThanOrEqual(T0);
      api.sb.control.advance(10 * MINUTE);
      expect((await api.info(taskid)).call_times).toBeGreaterThan(400);
      expect(() => api.sb.control.seedTask({ name: 'bad', rows: 1, completed: 2 })).toThrow(RangeError);
    } finally {
      await api.close();
    }
  });
});

describe('campaign-desk sandbox', () => {
  function context(json: boolean): { ctx: CliContext; out: () => string; stop: () => void } {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let text = '';
    stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    let stop: () => void = () => undefined;
    const interrupted = new Promise<void>((resolve) => (stop = resolve));
    const ctx: CliContext = {
      dataDir: '/tmp/unused',
      json,
      locale: 'en',
      version: '0.0.0-test',
      stdin: new PassThrough(),
      stdout,
      stderr,
      tty: false,
      interrupted,
      core: () => {
        throw new Error('the sandbox command builds no core');
      },
    };
    return { ctx, out: () => text, stop };
  }

  it('prints {url, appid, signature, email} with --json, serves until interrupted, then closes', async () => {
    const { ctx, out, stop } = context(true);
    const running = sandboxCommand.run(['--port', '0', '--speed', '120'], ctx);
    await expect.poll(() => out().length, { timeout: 5000 }).toBeGreaterThan(0);
    const info = JSON.parse(out()) as { url: string; appid: string; signature: string; email: string };
    expect(info).toMatchObject({
      appid: 'sandbox-demo-appid',
      signature: 'sandbox-demo-signature',
      email: 'demo@sandbox.local',
    });
    const reply = await fetch(
      `${info.url}query_robot_num?${new URLSearchParams({ appid: info.appid, signature: info.signature })}`,
    );
    expect(((await reply.json()) as { robot_num: number }).robot_num).toBe(4);
    stop();
    expect(await running).toBe(0);
    await expect(fetch(`${info.url}query_robot_num`)).rejects.toThrow();
  });

  it('refuses a bad --speed or --port as a wrong command line (exit code 2)', async () => {
    const { ctx, stop } = context(false);
    // runCli turns a UsageError into exit code 2.
    await expect(sandboxCommand.run(['--speed', '0'], ctx)).rejects.toMatchObject({ name: 'UsageError' });
    await expect(sandboxCommand.run(['--port', 'abc'], ctx)).rejects.toMatchObject({ name: 'UsageError' });
    await expect(sandboxCommand.run(['--speeed', '5'], ctx)).rejects.toMatchObject({ kind: 'unknownOption' });
    stop();
  });
});

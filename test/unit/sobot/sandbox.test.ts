/**
 * The client against the embedded sandbox over real loopback HTTP: every endpoint, the
 * documented error codes surfacing as SobotError, injected faults, and the vendor-style push.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SANDBOX_APPID,
  SANDBOX_EMAIL,
  SANDBOX_SIGNATURE,
  startSandbox,
  type SandboxHandle,
} from '../../../electron/services/sandbox';
import {
  createSobotClient,
  parsePushPayload,
  SobotError,
  type AddTaskParams,
  type SobotClient,
} from '../../../electron/services/sobot';

const TEMPLATE = '6a9b98410bd44470ae4660275c14792f';
const CALLER = '02180344315';
let sb: SandboxHandle;
let client: SobotClient;

const newTask = (over: Partial<AddTaskParams> = {}): AddTaskParams => ({
  templateid: TEMPLATE,
  task_name: `集成测试-${Math.random().toString(36).slice(2, 8)}`,
  telephone: CALLER,
  robot_num: 1,
  time_type: 2,
  call_time_slot: '0:00-24:00',
  ...over,
});
const phones = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    telephone: `1380013${String(from + i).padStart(4, '0')}`,
    outid: `o-${from + i}`,
  }));

async function workbook(rows: Array<[string, string, string]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  sheet.addRow(['手机号码', 'outid', '公司']);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  sb = await startSandbox({ autoRun: false, seed: 7 });
  client = createSobotClient({
    baseUrl: sb.url,
    appid: SANDBOX_APPID,
    signature: SANDBOX_SIGNATURE,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
});
afterAll(async () => {
  await sb?.close();
});

describe('every endpoint against the sandbox', () => {
  it('account endpoints', async () => {
    expect(await client.checkLoginName({ email: SANDBOX_EMAIL })).toMatchObject({ check_result: 1 });
    expect((await client.checkLoginName({ email: 'other@example.com' })).check_result).toBe(0);
    const templates = await client.queryTemplate();
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.find((t) => t.templateid === TEMPLATE)?.record.every((u) => u.startsWith('http'))).toBe(
      true,
    );
    expect((await client.queryRobotNum()).robot_num).toBeGreaterThan(0);
    const numbers = await client.queryNumber();
    expect(numbers.data.map((n) => n.telephone)).toContain(CALLER);
  });

  it('task life cycle: add, data, info, edit, pause, resume, end, delete', async () => {
    const params = newTask({ call_time_slot: '8:00-8:01' });
    const { taskid, reconciled } = await client.addTask(params);
    expect(reconciled).toBe(false);
    expect((await client.queryTask()).find((t) => t.taskid === taskid)).toMatchObject({
      task_status: 0,
      task_name: params.task_name,
    });

    const report = await client.addTaskData({
      taskid,
      data: phones(30).map((r, i) => (i === 0 ? { ...r, variable: { 公司: '智齿' } } : r)),
    });
    expect(report.accepted).toHaveLength(30);
    const [info] = await client.queryTaskInfo({ taskid: [taskid] });
    expect(info).toMatchObject({
      taskid,
      call_total_data: 30,
      call_time_slot: '08:00-08:01',
      robot_num: 1,
      telephone: CALLER,
    });

    const row = await client.queryTaskData({ taskid, outid: 'o-3' });
    expect(row?.detail.status).toBe(0);
    expect(await client.queryTaskData({ taskid, outid: 'no-such-row' })).toBeNull();

    await client.editorTask({
      taskid,
      robot_num: 2,
      call_time_slot: '0:00-24:00',
      task_name: `${params.task_name}-改`,
    });
    const [edited] = await client.queryTaskInfo({ taskid });
    expect(edited).toMatchObject({
      robot_num: 2,
      call_time_slot: '00:00-24:00',
      task_name: `${params.task_name}-改`,
    });
    expect([1, 3, 4]).toContain(edited?.task_status);

    await client.pauseTask({ taskid });
    expect((await client.queryTaskInfo({ taskid }))[0]?.task_status).toBe(5);
    await client.resumeTask({ taskid });
    await client.endTask({ taskid });
    expect((await client.queryTaskInfo({ taskid }))[0]?.task_status).toBe(2);
    await client.deleteTask({ taskid });
    expect((await client.queryTaskInfo({ taskid }))[0]?.task_status).toBe(-1);
  });

  it('add_task_file_data: multipart upload of a real workbook', async () => {
    const { taskid } = await client.addTask(newTask());
    const file = await workbook([
      ['13800138000', 'f-1', '智齿'],
      ['not-a-phone', 'f-2', ''],
      ['13800138001', 'f-3', ''],
    ]);
    const r = await client.addTaskFileData({ taskid, data_file: file, filename: '名单.xlsx' });
    expect(r).toMatchObject({ counts: 3, success_counts: 2, defeat_counts: 1, error_data: [3] });
  });

  it('delete_task_data: 250 outids in batches of 100 (the server refuses more)', async () => {
    const { taskid } = await client.addTask(newTask());
    await client.addTaskData({ taskid, data: phones(250) });
    const r = await client.deleteTaskData({ taskid, outid: phones(250).map((p) => p.outid) });
    expect(r.del_counts).toBe(250);
    expect(sb.control.stats().requests['delete_task_data']).toBeGreaterThanOrEqual(3);
  });

  it('query_task_info / calls_count with 20 ids (the server refuses more than 15)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push(sb.control.seedTask({ name: `批量-${i}`, rows: 3, completed: i % 3 }));
    const infos = await client.queryTaskInfo({ taskid: ids });
    expect(infos.map((t) => t.taskid)).toEqual(ids);
    const now = sb.control.now();
    const counts = await client.callsCount({ taskid: ids, begin_time: now - 7_200_000, end_time: now });
    expect(counts.map((c) => c.taskid)).toEqual(ids);
    expect(counts.map((c) => c.count)).toEqual(ids.map((_, i) => i % 3));
  });

  it('query_time_task_data: every page, normalised, in order', async () => {
    const taskid = sb.control.seedTask({ name: '分页', rows: 100, completed: 47 });
    const now = sb.control.now();
    const pages: number[] = [];
    const all = await (async () => {
      const data = [];
      for await (const page of client.queryTimeTaskData({
        taskid,
        begin_time: now - 7_200_000,
        end_time: now,
      })) {
        pages.push(page.page_num);
        data.push(...page.data);
      }
      return data;
    })();
    expect(pages).toEqual([1, 2, 3, 4]);
    expect(all).toHaveLength(47);
    expect(new Set(all.map((c) => c.detail.callid)).size).toBe(47);
    for (const call of all) {
      expect(typeof call.detail.status).toBe('number');
      expect(typeof call.detail.start_time).toBe('number');
      expect(call.detail.del_flag).toBe(1);
      expect(call.detail.caller).toBe(CALLER);
      expect(call.detail.voice_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(Array.isArray(call.detail.intention_name)).toBe(true);
    }
    const starts = all.map((c) => c.detail.start_time ?? 0);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const one = await client.queryTaskData({ taskid, outid: 'seed-1' });
    expect(one?.detail.callid).toBe(all[0]?.detail.callid);
  });
});

describe('documented error codes surface as SobotError', () => {
  const expectCode = async (p: Promise<unknown>, code: string) => {
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SobotError);
    expect((err as SobotError).code).toBe(code);
  };
  let live = '';
  beforeAll(async () => {
    live = (await client.addTask(newTask())).taskid;
  });

  it('320001 wrong credentials', async () => {
    const bad = createSobotClient({ baseUrl: sb.url, appid: SANDBOX_APPID, signature: 'wrong' });
    await expectCode(bad.queryRobotNum(), '320001');
  });
  it('320011–320017, 320019 add_task validation', async () => {
    await expectCode(client.addTask(newTask({ templateid: '' })), '320011');
    await expectCode(client.addTask(newTask({ task_name: '' })), '320012');
    await expectCode(client.addTask(newTask({ robot_num: 99 })), '320013');
    await expectCode(client.addTask(newTask({ telephone: '' })), '320014');
    await expectCode(client.addTask(newTask({ time_type: 3 })), '320015');
    await expectCode(client.addTask(newTask({ time_type: 1 })), '320016');
    await expectCode(client.addTask(newTask({ call_time_slot: '' })), '320017');
    await expectCode(client.addTask(newTask({ templateid: 'no-such-template' })), '320019');
  });
  it('320018 a batch refused as malformed is isolated to its row', async () => {
    sb.control.setFault('add_task_data', 'code:320018', 'persistent');
    try {
      const report = await client.addTaskData({ taskid: live, data: phones(3, 900) });
      expect(report.rejected.map((r) => r.code)).toEqual(['sobot.320018', 'sobot.320018', 'sobot.320018']);
    } finally {
      sb.control.setFault('add_task_data', null);
    }
  });
  it('320020–320024 life-cycle codes', async () => {
    const { taskid } = await client.addTask(newTask());
    await expectCode(client.endTask({ taskid }), '320023');
    await expectCode(client.resumeTask({ taskid }), '320024');
    await client.deleteTask({ taskid });
    await expectCode(client.pauseTask({ taskid }), '320020');
    await expectCode(client.pauseTask({ taskid: '' }), '320021');
    await expectCode(client.pauseTask({ taskid: 'no-such-task' }), '320022');
    await expectCode(client.queryTaskInfo({ taskid: [] }), '320021');
  });
  it('320025 empty email', async () => {
    await expectCode(client.checkLoginName({ email: '' }), '320025');
  });
  it('320026 / 320027 missing begin or end time', async () => {
    const half = { taskid: live } as unknown as Parameters<SobotClient['callsCount']>[0];
    await expectCode(client.callsCount({ ...half, end_time: 1579086041000 }), '320026');
    await expectCode(client.callsCount({ ...half, begin_time: 1579086041000 }), '320027');
  });
  it('320028–320031 file upload codes', async () => {
    await expectCode(
      client.addTaskFileData({
        taskid: live,
        data_file: new TextEncoder().encode('a,b\n1,2'),
        filename: 'x.csv',
      }),
      '320028',
    );
    await expectCode(
      client.addTaskFileData({
        taskid: live,
        data_file: new Uint8Array(5 * 1024 * 1024 + 10),
        filename: 'big.xlsx',
      }),
      '320029',
    );
    const noOutid = new ExcelJS.Workbook();
    noOutid.addWorksheet('s').addRow(['手机号码']);
    noOutid.getWorksheet('s')?.addRow(['13800138000']);
    await expectCode(
      client.addTaskFileData({
        taskid: live,
        data_file: new Uint8Array(await noOutid.xlsx.writeBuffer()),
        filename: 'x.xlsx',
      }),
      '320030',
    );
    await expectCode(
      client.addTaskFileData({ taskid: live, data_file: new Uint8Array(0), filename: 'empty.xlsx' }),
      '320031',
    );
  });
  it('320032 no outid', async () => {
    await expectCode(client.deleteTaskData({ taskid: live, outid: [] }), '320032');
    await expectCode(client.queryTaskData({ taskid: live, outid: '' }), '320032');
  });
  it('320033 cannot be provoked: the client splits into 100s (injected to check the mapping)', async () => {
    sb.control.setFault('delete_task_data', 'code:320033');
    await expectCode(client.deleteTaskData({ taskid: live, outid: ['a'] }), '320033');
  });
  it('329999 is retried for reads, surfaced when persistent', async () => {
    sb.control.setFault('query_robot_num', 'code:329999');
    expect((await client.queryRobotNum()).robot_num).toBeGreaterThan(0);
    sb.control.setFault('query_robot_num', 'code:329999', 'persistent');
    try {
      await expectCode(client.queryRobotNum(), '329999');
    } finally {
      sb.control.setFault('query_robot_num', null);
    }
  });
});

describe('faults over real HTTP', () => {
  it('502 HTML page → net.http_status; empty → net.bad_response; reset on a read is retried', async () => {
    const once = createSobotClient({
      baseUrl: sb.url,
      appid: SANDBOX_APPID,
      signature: SANDBOX_SIGNATURE,
      retry: false,
    });
    sb.control.setFault('query_number', 'html');
    await expect(once.queryNumber()).rejects.toMatchObject({ code: 'net.http_status', status: 502 });
    sb.control.setFault('query_number', 'empty');
    await expect(once.queryNumber()).rejects.toMatchObject({ code: 'net.bad_response' });
    sb.control.setFault('query_number', 'reset');
    expect((await client.queryNumber()).data.length).toBeGreaterThan(0);
  });

  it('a mutation whose socket resets is not repeated', async () => {
    const { taskid } = await client.addTask(newTask());
    await client.addTaskData({ taskid, data: phones(2) });
    sb.control.resetStats();
    sb.control.setFault('pause_task', 'reset');
    await expect(client.pauseTask({ taskid })).rejects.toMatchObject({
      code: 'net.unreachable',
      sent: 'maybe',
    });
    expect(sb.control.stats().requests['pause_task']).toBe(1);
  });

  it('add_task answered with truncated JSON (processed!) is reconciled, not duplicated', async () => {
    const params = newTask();
    sb.control.setFault('add_task', 'truncated');
    const r = await client.addTask(params);
    expect(r.reconciled).toBe(true);
    const same = (await client.queryTask()).filter((t) => t.task_name === params.task_name);
    expect(same.map((t) => t.taskid)).toEqual([r.taskid]);
  });

  it('connection refused → net.unreachable after retries', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const dead = createSobotClient({
      baseUrl: `http://127.0.0.1:${port}/api/icall/5/task`,
      appid: 'a',
      signature: 's',
      retry: { retries: 2, baseDelayMs: 1 },
    });
    await expect(dead.queryTask()).rejects.toMatchObject({
      code: 'net.unreachable',
      sent: 'no',
      causeCode: 'ECONNREFUSED',
    });
    // A base URL fetch refuses outright (blocked port, other scheme) is not retried.
    const unusable = createSobotClient({
      baseUrl: 'http://127.0.0.1:9/api/icall/5/task/',
      appid: 'a',
      signature: 's',
    });
    await expect(unusable.queryTask()).rejects.toMatchObject({
      code: 'net.unreachable',
      sent: 'no',
      causeCode: 'ERR_INVALID_URL',
    });
  });
});

describe('the sandbox push in the vendor format', () => {
  let receiver: Server;
  const bodies: string[] = [];
  let pushSb: SandboxHandle;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    pushSb = await startSandbox({ autoRun: false, seed: 3, pushStyle: 'vendor', pushRetryDelaysMs: [10] });
  });
  afterAll(async () => {
    await pushSb?.close();
    await new Promise((r) => receiver.close(r));
  });

  it('parses every pushed call, digit strings intact', async () => {
    const c = createSobotClient({ baseUrl: pushSb.url, appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE });
    const port = (receiver.address() as AddressInfo).port;
    const { taskid } = await c.addTask(newTask({ push_url: `http://127.0.0.1:${port}/push`, push_type: 2 }));
    const rows = [
      { telephone: '13800138000', outid: '0001234554321123666' },
      { telephone: '13800138001', outid: '1234554321123666777' },
    ];
    await c.addTaskData({ taskid, data: rows });
    for (let i = 0; i < 60 && bodies.length < 2; i++) {
      pushSb.control.advance(60_000);
      await pushSb.control.flushPushes();
    }
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    const parsed = bodies.map((b) => parsePushPayload(b));
    expect(parsed.map((p) => p.detail.outid).sort()).toEqual(rows.map((r) => r.outid).sort());
    for (const p of parsed) {
      expect(p.detail.caller).toBe(CALLER);
      expect(p.detail.voice_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(rows.map((r) => r.telephone)).toContain(p.detail.tel);
    }
  });
});

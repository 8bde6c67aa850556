import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskDraft } from '../../../shared/tasks';
import { describeError } from '../../../electron/services/contract/failure';
import { serveMedia } from '../../../electron/services/media/serve';
import { describeSobotError } from '../../../electron/services/sobot/index';
import { rows, SIM_START, tasksOverSandbox } from './setup';

// The task service against the real sandbox over loopback HTTP, with the sandbox's clock
// stopped at SIM_START (a Wednesday, 15:30 local) and moved only by control.advance().
const TEMPLATE = '6a9b98410bd44470ae4660275c14792f';

const draft = (overrides: Partial<TaskDraft> = {}): TaskDraft => ({
  templateId: TEMPLATE,
  name: '回访 3 月',
  callerNumbers: ['02180344315'],
  robots: 2,
  callingHours: ['8:00-12:00', '13:00-24:00'],
  validity: { kind: 'permanent' },
  numberHiding: 'last4',
  exportAllowed: true,
  ...overrides,
});

let env: Awaited<ReturnType<typeof tasksOverSandbox>>;
beforeEach(async () => {
  env = await tasksOverSandbox();
});
afterEach(() => env.close());

const codeOf = async (promise: Promise<unknown>, locale: 'zh-CN' | 'en' = 'en') =>
  describeError(await promise.catch((e: unknown) => e), locale, [describeSobotError]);

describe('the task service', () => {
  it('offers the account’s templates, caller numbers with concurrency and robots', async () => {
    const options = await env.tasks.options();
    expect(options.maxRobots).toBe(4);
    expect(options.callerLines).toEqual([
      { number: '02180344315', concurrency: 2 },
      { number: '01087654321', concurrency: 2 },
    ]);
    expect(options.totalConcurrency).toBe(4);
    expect(options.templates.find((t) => t.id === TEMPLATE)).toMatchObject({
      name: '满意度回访',
      audioCount: 2,
    });
    expect(options.templates.some((t) => t.audioCount === 0)).toBe(true);
  });

  it('creates a task with normalised hours, remembers it, and lists it after it finishes', async () => {
    const task = await env.tasks.create(draft());
    expect(task).toMatchObject({
      name: '回访 3 月',
      status: 'not_started',
      statusCode: '0',
      robots: 2,
      callerNumbers: ['02180344315'],
      callingHours: ['08:00-12:00', '13:00-24:00'],
      validity: { kind: 'permanent' },
      counts: { total: 0, dialled: 0, connected: 0, intent: 0 },
      createdHere: true,
      createdAt: SIM_START,
    });
    expect(env.settings.data['sandbox']).toEqual([{ id: task.id, name: '回访 3 月', createdAt: SIM_START }]);
    expect(env.changes).toEqual(['sandbox']);

    await env.client.addTaskData({ taskid: task.id, data: rows(6) });
    env.sandbox.control.advance(30 * 60_000);
    const listed = (await env.tasks.list()).tasks.find((t) => t.id === task.id)!;
    expect(listed.status).toBe('finished');
    expect(listed.counts.total).toBe(6);
    expect(listed.counts.dialled).toBe(6);
    expect(listed.counts.connected).toBeGreaterThan(0);
    // query_task no longer lists it (finished), yet the app still shows it.
    expect((await env.client.queryTask()).some((t) => t.taskid === task.id)).toBe(false);
  });

  it('lists unfinished tasks created elsewhere with their counts, and counts grow as the sandbox dials', async () => {
    const id = env.sandbox.control.seedTask({ name: '别处创建', rows: 400, completed: 10, robotNum: 4 });
    const before = (await env.tasks.list()).tasks.find((t) => t.id === id)!;
    expect(before).toMatchObject({ createdHere: false, createdAt: null, status: 'running' });
    expect(before.counts).toMatchObject({ total: 400, dialled: 10 });
    env.sandbox.control.advance(10 * 60_000);
    const after = (await env.tasks.list()).tasks.find((t) => t.id === id)!;
    expect(after.counts.dialled).toBeGreaterThan(before.counts.dialled);
    expect(after.counts.connected).toBeGreaterThan(before.counts.connected);
    expect(after.counts.intent).toBeGreaterThanOrEqual(before.counts.intent);
  });

  it('splits 20 tasks into query_task_info calls of at most 15 ids', async () => {
    for (let i = 0; i < 20; i++) env.sandbox.control.seedTask({ name: `t${i}`, rows: 5, completed: 1 });
    env.sandbox.control.resetStats();
    const list = await env.tasks.list();
    expect(list.tasks).toHaveLength(20);
    expect(env.sandbox.control.stats().requests['query_task_info']).toBe(2);
  });

  it('charts completed calls per local hour today and per day this week', async () => {
    const id = env.sandbox.control.seedTask({ name: '图表', rows: 50, completed: 30 });
    const [stats] = await env.tasks.stats([id]);
    expect(stats!.today).toHaveLength(24);
    expect(stats!.week).toHaveLength(7);
    // Seeded calls start between 14:30 and 15:25; hours after 15:00 have not begun.
    const today = stats!.today.map((b) => b.count);
    expect(today.slice(0, 14).every((c) => c === 0)).toBe(true);
    expect(today[14]! + today[15]!).toBe(30);
    expect(today.slice(16).every((c) => c === null)).toBe(true);
    // Monday and Tuesday asked, Wednesday is today's sum, Thursday on are still ahead.
    expect(stats!.week.map((b) => b.count)).toEqual([0, 0, 30, null, null, null, null]);
    expect(new Date(stats!.week[0]!.start).getDay()).toBe(1);
  });

  it('checks the draft against the account before sending anything', async () => {
    env.sandbox.control.resetStats();
    const cases: [Partial<TaskDraft>, string][] = [
      [{ templateId: '' }, 'tasks.template_required'],
      [{ name: '  ' }, 'tasks.name_required'],
      [{ callerNumbers: [] }, 'tasks.caller_required'],
      [{ callerNumbers: ['075512345678'] }, 'tasks.caller_unknown'],
      [{ robots: 5 }, 'tasks.robots_range'],
      [{ robots: 0 }, 'tasks.robots_range'],
      [{ callingHours: ['09:00-12:00', '11:00-14:00'] }, 'tasks.hours_overlap'],
      [{ callingHours: ['12:00-09:00'] }, 'tasks.hours_order'],
      [{ callingHours: ['9-12'] }, 'tasks.hours_format'],
      [{ callingHours: [] }, 'tasks.hours_required'],
      [{ validity: { kind: 'range', start: SIM_START + 10, end: SIM_START } }, 'tasks.validity_order'],
      [{ validity: { kind: 'range', start: SIM_START - 2e8, end: SIM_START - 1e8 } }, 'tasks.validity_past'],
      [{ resultPush: { url: 'ftp://example.com/x', when: 'every_call' } }, 'tasks.push_url_invalid'],
    ];
    for (const [change, code] of cases) {
      expect((await codeOf(env.tasks.create(draft(change)))).code, code).toBe(code);
    }
    expect(env.sandbox.control.stats().requests['add_task'] ?? 0).toBe(0);
    const overlap = await codeOf(
      env.tasks.create(draft({ callingHours: ['09:00-12:00', '11:00-14:00'] })),
      'zh-CN',
    );
    expect(overlap).toMatchObject({
      message: '时间段 11:00-14:00 与 09:00-12:00 重叠',
      detail: 'callingHours',
    });
  });

  it('sends validity, push, number hiding and export settings as the provider expects', async () => {
    const start = SIM_START - 3_600_000;
    const end = SIM_START + 7 * 86_400_000;
    const task = await env.tasks.create(
      draft({
        validity: { kind: 'range', start, end },
        resultPush: { url: 'https://crm.example.com/push', when: 'transfer' },
      }),
    );
    expect(task.validity).toEqual({ kind: 'range', start, end });
  });

  it('pauses, resumes and ends within the life cycle, and refuses what it does not allow', async () => {
    const task = await env.tasks.create(draft({ callingHours: ['00:00-24:00'] }));
    // Not started (no rows): nothing but edit and delete.
    expect((await codeOf(env.tasks.pause(task.id))).code).toBe('tasks.action_not_allowed');
    expect((await codeOf(env.tasks.end(task.id), 'zh-CN')).message).toBe('任务当前状态为“未开始”，不能完结');
    await env.client.addTaskData({ taskid: task.id, data: rows(500) });
    expect(await env.tasks.pause(task.id)).toEqual({ id: task.id, status: 'paused' });
    expect((await codeOf(env.tasks.pause(task.id))).code).toBe('tasks.action_not_allowed');
    expect(await env.tasks.resume(task.id)).toEqual({ id: task.id, status: 'running' });
    expect((await codeOf(env.tasks.resume(task.id))).code).toBe('tasks.action_not_allowed');
    expect(await env.tasks.end(task.id)).toEqual({ id: task.id, status: 'finished' });
    expect((await codeOf(env.tasks.end(task.id))).code).toBe('tasks.action_not_allowed');
    expect(env.changes.length).toBe(4);
  });

  it('deletes a task and forgets it; a deleted task is no longer found', async () => {
    const task = await env.tasks.create(draft());
    expect(await env.tasks.remove(task.id)).toEqual({ id: task.id, status: 'deleted' });
    expect(env.settings.data['sandbox']).toEqual([]);
    expect((await env.tasks.list()).tasks).toEqual([]);
    expect((await codeOf(env.tasks.pause(task.id))).code).toBe('tasks.not_found');
    // The provider itself answers 320020 for a deleted task.
    expect((await codeOf(env.client.pauseTask({ taskid: task.id }))).code).toBe('sobot.320020');
  });

  it('forgets remembered tasks the provider no longer knows', async () => {
    env.settings.data['sandbox'] = [{ taskid: 'gone-after-restart', task_name: 'x', created: 1 }];
    expect((await env.tasks.list()).tasks).toEqual([]);
    expect(env.settings.data['sandbox']).toEqual([]);
  });

  it('edits the editable fields and checks them like a new task', async () => {
    const task = await env.tasks.create(draft());
    const edited = await env.tasks.edit({
      id: task.id,
      name: '改名',
      robots: 3,
      callerNumbers: ['02180344315', '01087654321'],
      callingHours: ['14:00-18:00', '9:00-12:00'],
      validity: { kind: 'range', start: SIM_START, end: SIM_START + 86_400_000 },
    });
    expect(edited).toMatchObject({
      name: '改名',
      robots: 3,
      callerNumbers: ['02180344315', '01087654321'],
      callingHours: ['09:00-12:00', '14:00-18:00'],
      validity: { kind: 'range', start: SIM_START, end: SIM_START + 86_400_000 },
    });
    expect((env.settings.data['sandbox'] as { name: string }[])[0]!.name).toBe('改名');
    expect((await codeOf(env.tasks.edit({ id: task.id, robots: 9 }))).code).toBe('tasks.robots_range');
    expect((await codeOf(env.tasks.edit({ id: 'nope', name: 'x' }))).code).toBe('tasks.not_found');
  });

  it('serves a template’s recordings through the media proxy, and refuses a missing one', async () => {
    const { url } = await env.tasks.templateAudio(TEMPLATE, 1);
    expect(url).toMatch(/^\/media\/[0-9a-f]{40}$/);
    const reply = await serveMedia(env.media, url, { method: 'GET' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('audio/wav');
    expect(Buffer.from(reply.body!.subarray(0, 4)).toString('latin1')).toBe('RIFF');
    expect((await codeOf(env.tasks.templateAudio(TEMPLATE, 2))).code).toBe('tasks.audio_not_found');
    expect((await codeOf(env.tasks.templateAudio('unknown', 0))).code).toBe('tasks.audio_not_found');
  });
});

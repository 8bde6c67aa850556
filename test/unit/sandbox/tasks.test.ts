import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, makeRows, MINUTE, openApi, T0, TEMPLATE_SURVEY, type Api } from './helpers';

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(() => api.close());

const VALID = {
  templateid: TEMPLATE_SURVEY,
  task_name: '回访任务',
  line_type: '1',
  telephone: '02180344315',
  robot_num: '2',
  time_type: '2',
  call_time_slot: '09:00-20:00',
  task_status: '0',
};

function without(key: keyof typeof VALID): Record<string, string> {
  return Object.fromEntries(Object.entries(VALID).filter(([name]) => name !== key));
}

describe('add_task', () => {
  it('creates a not-started task with the vendor-shaped id', async () => {
    const reply = await api.post('add_task', VALID);
    expect(reply.ret_code).toBe('000000');
    expect(reply.ret_msg).toBe('创建任务成功');
    expect(reply.data.taskid).toMatch(/^10001[0-9a-f]{32}$/);
    const info = await api.info(reply.data.taskid);
    expect(info).toMatchObject({
      task_name: '回访任务',
      task_status: 0,
      telephone: '02180344315',
      robot_num: 2,
      call_time_slot: '09:00-20:00',
      time_type: 2,
      start_time: null,
      end_time: null,
      call_total_data: 0,
      call_times: 0,
    });
  });

  it('accepts a JSON body as well as a form body', async () => {
    const reply = await api.postJson('add_task', { ...VALID, robot_num: 3, time_type: 2 });
    expect(reply.ret_code).toBe('000000');
    expect((await api.info(reply.data.taskid)).robot_num).toBe(3);
  });

  it.each([
    ['templateid', '320011'],
    ['task_name', '320012'],
    ['robot_num', '320013'],
    ['telephone', '320014'],
    ['time_type', '320015'],
    ['call_time_slot', '320017'],
  ] as const)('answers the documented code when %s is missing', async (field, code) => {
    expect((await api.post('add_task', without(field))).ret_code).toBe(code);
  });

  it.each(['0', '5', '1.5', 'two', '-1'])('answers 320013 for robot_num %s', async (robots) => {
    expect((await api.post('add_task', { ...VALID, robot_num: robots })).ret_code).toBe('320013');
  });

  it('answers 320014 for a caller number the account does not have', async () => {
    expect((await api.post('add_task', { ...VALID, telephone: '02100000000' })).ret_code).toBe('320014');
    expect((await api.post('add_task', { ...VALID, telephone: '02180344315,01087654321' })).ret_code).toBe(
      '000000',
    );
  });

  it('answers 320015 for an unknown validity type and 320016 for a custom one without its window', async () => {
    expect((await api.post('add_task', { ...VALID, time_type: '3' })).ret_code).toBe('320015');
    expect((await api.post('add_task', { ...VALID, time_type: '1' })).ret_code).toBe('320016');
    expect((await api.post('add_task', { ...VALID, time_type: '1', start_time: String(T0) })).ret_code).toBe(
      '320016',
    );
    expect(
      (
        await api.post('add_task', {
          ...VALID,
          time_type: '1',
          start_time: String(T0),
          end_time: String(T0 - 1),
        })
      ).ret_code,
    ).toBe('320016');
    const ok = await api.post('add_task', {
      ...VALID,
      time_type: '1',
      start_time: String(T0),
      end_time: String(T0 + HOUR),
    });
    expect(ok.ret_code).toBe('000000');
    expect(await api.info(ok.data.taskid)).toMatchObject({
      time_type: 1,
      start_time: T0,
      end_time: T0 + HOUR,
    });
  });

  it('answers 320017 for malformed calling hours and normalises one-digit hours', async () => {
    for (const slot of ['9-18', '25:00-26:00', '19:00-08:00', '09:00-18:00,', 'abc']) {
      expect((await api.post('add_task', { ...VALID, call_time_slot: slot })).ret_code, slot).toBe('320017');
    }
    const ok = await api.post('add_task', { ...VALID, call_time_slot: '8:00-12:00,13:30-19:00' });
    expect((await api.info(ok.data.taskid)).call_time_slot).toBe('08:00-12:00,13:30-19:00');
  });

  it('answers 320019 for an unknown template', async () => {
    expect(
      (await api.post('add_task', { ...VALID, templateid: 'ffffffffffffffffffffffffffffffff' })).ret_code,
    ).toBe('320019');
  });
});

describe('editor_task', () => {
  it('edits the documented fields over GET and keeps the others', async () => {
    const taskid = await api.createTask();
    const reply = await api.get('editor_task', {
      taskid,
      task_name: '改名',
      robot_num: '3',
      telephone: '01087654321',
      call_time_slot: '10:00-11:00',
      time_type: '1',
      start_time: String(T0),
      end_time: String(T0 + HOUR),
    });
    expect(reply).toEqual({ ret_msg: '编辑任务成功', ret_code: '000000' });
    expect(await api.info(taskid)).toMatchObject({
      task_name: '改名',
      robot_num: 3,
      telephone: '01087654321',
      call_time_slot: '10:00-11:00',
      time_type: 1,
      start_time: T0,
      end_time: T0 + HOUR,
    });
  });

  it('validates what it edits', async () => {
    const taskid = await api.createTask();
    expect((await api.get('editor_task', { taskid, robot_num: '9' })).ret_code).toBe('320013');
    expect((await api.get('editor_task', { taskid, time_type: '1' })).ret_code).toBe('320016');
    expect((await api.get('editor_task', { taskid, call_time_slot: 'x' })).ret_code).toBe('320017');
    expect((await api.get('editor_task', { taskid, telephone: '123' })).ret_code).toBe('320014');
    expect((await api.get('editor_task', {})).ret_code).toBe('320021');
    expect((await api.get('editor_task', { taskid: 'nope' })).ret_code).toBe('320022');
  });
});

describe('task life cycle', () => {
  it('walks 0 → 1 → 5 → 1 → 2 with the documented refusals along the way', async () => {
    const taskid = await api.createTask({ robot_num: '1' });
    expect(await api.status(taskid)).toBe(0);
    // Not started: cannot be paused, resumed or ended.
    expect((await api.get('pause_task', { taskid })).ret_code).toBe('320023');
    expect((await api.get('resume_task', { taskid })).ret_code).toBe('320024');
    expect((await api.get('end_task', { taskid })).ret_code).toBe('320023');

    await api.addRows(taskid, makeRows(30));
    expect(await api.status(taskid)).toBe(1);
    expect((await api.get('resume_task', { taskid })).ret_code).toBe('320024');

    expect(await api.get('pause_task', { taskid })).toEqual({ ret_code: '000000', ret_msg: '暂停成功' });
    expect(await api.status(taskid)).toBe(5);
    expect((await api.get('pause_task', { taskid })).ret_code).toBe('320023');
    const before = (await api.info(taskid)).call_times;
    api.sb.control.advance(30 * MINUTE);
    const paused = await api.info(taskid);
    // At most the call in progress when it was paused finishes; nothing new starts.
    expect(paused.call_times - before).toBeLessThanOrEqual(1);
    expect(paused.task_status).toBe(5);

    expect(await api.get('resume_task', { taskid })).toEqual({ ret_code: '000000', ret_msg: '继续任务成功' });
    expect(await api.status(taskid)).toBe(1);
    api.sb.control.advance(5 * MINUTE);
    expect(await api.get('end_task', { taskid })).toEqual({ ret_code: '000000', ret_msg: '完结成功' });
    expect(await api.status(taskid)).toBe(2);
    expect((await api.get('end_task', { taskid })).ret_code).toBe('320023');
    expect((await api.get('pause_task', { taskid })).ret_code).toBe('320023');
    expect((await api.get('resume_task', { taskid })).ret_code).toBe('320024');
    expect((await api.addRows(taskid, makeRows(1, 'late'))).ret_code).toBe('320023');
    expect((await api.get('editor_task', { taskid, task_name: 'x' })).ret_code).toBe('320023');

    // Ended tasks stop dialling: remaining rows stay undialled.
    const ended = (await api.info(taskid)).call_times;
    api.sb.control.advance(2 * HOUR);
    const after = await api.info(taskid);
    expect(after.call_times - ended).toBeLessThanOrEqual(1);
    expect(after.call_times).toBeLessThan(30);
  });

  it('finishes by itself when every row is dialled, and reopens when rows are added', async () => {
    const taskid = await api.createTask({ robot_num: '4' });
    await api.addRows(taskid, makeRows(8));
    api.sb.control.advance(HOUR);
    expect(await api.info(taskid)).toMatchObject({ task_status: 2, call_times: 8, call_total_data: 8 });
    expect((await api.get('end_task', { taskid })).ret_code).toBe('320023');
    expect((await api.get('query_task')).data.map((t: { taskid: string }) => t.taskid)).not.toContain(taskid);
    expect((await api.addRows(taskid, makeRows(2, 'more'))).ret_code).toBe('000000');
    expect(await api.status(taskid)).toBe(1);
  });

  it('deleted tasks answer 320020 and show -1 in query_task_info', async () => {
    const taskid = await api.createTask();
    await api.addRows(taskid, makeRows(5));
    expect(await api.get('delete_task', { taskid })).toEqual({ ret_msg: '删除成功', ret_code: '000000' });
    expect(await api.status(taskid)).toBe(-1);
    for (const endpoint of [
      'pause_task',
      'resume_task',
      'end_task',
      'delete_task',
      'editor_task',
      'query_task_data',
    ]) {
      expect((await api.get(endpoint, { taskid, outid: 'r1' })).ret_code, endpoint).toBe('320020');
    }
    expect((await api.addRows(taskid, makeRows(1))).ret_code).toBe('320020');
    expect((await api.post('delete_task_data', { taskid, outid: 'r1' })).ret_code).toBe('320020');
    expect((await api.get('query_task')).data).toEqual([]);
  });

  it('missing and unknown task ids answer 320021 and 320022', async () => {
    for (const endpoint of ['pause_task', 'resume_task', 'end_task', 'delete_task', 'query_task_info']) {
      expect((await api.get(endpoint)).ret_code, endpoint).toBe('320021');
      if (endpoint !== 'query_task_info') {
        expect((await api.get(endpoint, { taskid: '10001deadbeef' })).ret_code, endpoint).toBe('320022');
      }
    }
    expect((await api.post('add_task_data', { data: '[]' })).ret_code).toBe('320021');
    expect((await api.post('add_task_data', { taskid: 'nope', data: '[]' })).ret_code).toBe('320022');
  });
});

describe('query_task and query_task_info', () => {
  it('query_task lists only unfinished tasks with their status', async () => {
    const idle = await api.createTask({ task_name: 'idle' });
    const running = await api.createTask({ task_name: 'running', robot_num: '1' });
    await api.addRows(running, makeRows(50));
    const paused = await api.createTask({ task_name: 'paused', robot_num: '1' });
    await api.addRows(paused, makeRows(50));
    await api.get('pause_task', { taskid: paused });
    const ended = await api.createTask({ task_name: 'ended' });
    await api.addRows(ended, makeRows(50));
    await api.get('end_task', { taskid: ended });
    const deleted = await api.createTask({ task_name: 'deleted' });
    await api.get('delete_task', { taskid: deleted });

    const reply = await api.get('query_task');
    expect(reply.ret_code).toBe('000000');
    expect(reply.data).toEqual([
      { task_name: 'idle', task_status: 0, taskid: idle },
      { task_name: 'running', task_status: 1, taskid: running },
      { task_name: 'paused', task_status: 5, taskid: paused },
    ]);
  });

  it('query_task_info takes up to 15 ids, skips unknown ones and refuses 16 with 320022', async () => {
    const ids = [];
    for (let i = 0; i < 16; i++) ids.push(await api.createTask({ task_name: `t${i}` }));
    const fifteen = await api.get('query_task_info', { taskid: ids.slice(0, 15).join(',') });
    expect(fifteen.ret_code).toBe('000000');
    expect(fifteen.data).toHaveLength(15);
    expect(fifteen.data.map((t: { taskid: string }) => t.taskid)).toEqual(ids.slice(0, 15));
    expect((await api.get('query_task_info', { taskid: ids.join(',') })).ret_code).toBe('320022');
    const mixed = await api.get('query_task_info', { taskid: `${ids[0]},unknown` });
    expect(mixed.data).toHaveLength(1);
  });
});

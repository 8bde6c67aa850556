import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH, openApi, type Api } from './helpers';

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(() => api.close());

const robotsUrl = (): string => `${api.sb.url}query_robot_num?${new URLSearchParams(AUTH)}`;

describe('injected faults', () => {
  it('html answers a 502 gateway page once, then the endpoint recovers', async () => {
    api.sb.control.setFault('query_robot_num', 'html');
    const bad = await fetch(robotsUrl());
    expect(bad.status).toBe(502);
    expect(bad.headers.get('content-type')).toBe('text/html');
    expect(await bad.text()).toContain('502 Bad Gateway');
    expect((await api.get('query_robot_num')).robot_num).toBe(4);
  });

  it('truncated processes the request and cuts the JSON answer', async () => {
    api.sb.control.setFault('add_task', 'truncated');
    const response = await fetch(`${api.sb.url}add_task`, {
      method: 'POST',
      body: new URLSearchParams({
        ...AUTH,
        templateid: '6a9b98410bd44470ae4660275c14792f',
        task_name: '截断',
        telephone: '02180344315',
        robot_num: '1',
        time_type: '2',
        call_time_slot: '09:00-18:00',
      }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{')).toBe(true);
    // …but the task exists.
    const tasks = (await api.get('query_task')).data as { task_name: string }[];
    expect(tasks.map((t) => t.task_name)).toEqual(['截断']);
  });

  it('empty answers 200 with no body', async () => {
    api.sb.control.setFault('query_number', 'empty');
    const response = await fetch(`${api.sb.url}query_number?${new URLSearchParams(AUTH)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('reset destroys the socket without an answer', async () => {
    api.sb.control.setFault('query_robot_num', 'reset');
    await expect(fetch(robotsUrl())).rejects.toThrow();
    expect((await api.get('query_robot_num')).robot_num).toBe(4);
  });

  it('code:329999 answers that error envelope without processing', async () => {
    api.sb.control.setFault('add_task', 'code:329999');
    const reply = await api.post('add_task', { templateid: 'x' });
    expect(reply).toEqual({ ret_code: '329999', ret_msg: '系统未知异常' });
  });

  it('persistent faults stay until cleared; * applies to every endpoint', async () => {
    api.sb.control.setFault('query_robot_num', 'code:320001', 'persistent');
    for (let i = 0; i < 3; i++) expect((await api.get('query_robot_num')).ret_code).toBe('320001');
    api.sb.control.setFault('query_robot_num', null);
    expect((await api.get('query_robot_num')).ret_code).toBe('000000');
    api.sb.control.setFault('*', 'html', 'persistent');
    expect((await fetch(robotsUrl())).status).toBe(502);
    expect((await fetch(`${api.sb.url}query_task?${new URLSearchParams(AUTH)}`)).status).toBe(502);
    api.sb.control.clearFaults();
    expect((await fetch(robotsUrl())).status).toBe(200);
  });
});

describe('robustness', () => {
  it('answers 329999 for a malformed JSON body instead of failing', async () => {
    const response = await fetch(`${api.sb.url}add_task`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"appid": ',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { ret_code: string }).ret_code).toBe('329999');
  });

  it('answers 329999 for an oversized form body and keeps serving', async () => {
    const huge = 'x'.repeat(17 * 1024 * 1024);
    const response = await fetch(`${api.sb.url}add_task_data`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `data=${huge}`,
    });
    expect(((await response.json()) as { ret_code: string }).ret_code).toBe('329999');
    expect((await api.get('query_robot_num')).ret_code).toBe('000000');
  });
});

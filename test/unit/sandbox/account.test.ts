import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_NAMES, SANDBOX_EMAIL } from '../../../electron/services/sandbox';
import { ROUTES } from '../../../electron/services/sandbox/router';
import { openApi, TEMPLATE_NO_RECORD, TEMPLATE_SURVEY, type Api } from './helpers';

let api: Api;
beforeAll(async () => {
  api = await openApi();
});
afterAll(() => api.close());

describe('sandbox account endpoints', () => {
  it('check_login_name passes the demo email and fails another with a reason', async () => {
    expect(await api.get('check_login_name', { email: SANDBOX_EMAIL })).toEqual({
      check_result: 1,
      ret_msg: '校验成功',
      ret_code: '000000',
    });
    const other = await api.get('check_login_name', { email: 'someone@else.com' });
    expect(other.ret_code).toBe('000000');
    expect(other.check_result).toBe(0);
    expect(other.reason).toMatch(/不匹配/);
  });

  it('check_login_name without email answers 320025', async () => {
    expect((await api.get('check_login_name')).ret_code).toBe('320025');
    expect((await api.get('check_login_name', { email: '  ' })).ret_code).toBe('320025');
  });

  it('query_template lists 4 templates, one with no record and one with two served WAVs', async () => {
    const reply = await api.get('query_template');
    expect(reply.ret_code).toBe('000000');
    expect(reply.ret_msg).toBe('查询成功');
    expect(reply.data).toHaveLength(4);
    for (const t of reply.data) {
      expect(t.templateid).toMatch(/^[0-9a-f]{32}$/);
      expect(typeof t.template_name).toBe('string');
      expect(t.content).not.toMatch(/\{\{/);
    }
    const empty = reply.data.find((t: { templateid: string }) => t.templateid === TEMPLATE_NO_RECORD);
    expect(empty.record).toBe('');
    const survey = reply.data.find((t: { templateid: string }) => t.templateid === TEMPLATE_SURVEY);
    const urls = (survey.record as string).split(',');
    expect(urls).toHaveLength(2);
    for (const url of urls) {
      expect(url.startsWith(`${api.sb.origin}/sandbox-media/template/`)).toBe(true);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('audio/wav');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
      expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
    }
  });

  it('query_robot_num answers the 4 robots', async () => {
    expect(await api.get('query_robot_num')).toEqual({
      robot_num: 4,
      ret_msg: '查询成功',
      ret_code: '000000',
    });
  });

  it('query_number answers both caller numbers and the total concurrency', async () => {
    const reply = await api.get('query_number');
    expect(reply.ret_code).toBe('000000');
    expect(reply.total_count).toBe(4);
    expect(reply.data).toEqual([
      { count: 2, telephone: '02180344315' },
      { count: 2, telephone: '01087654321' },
    ]);
  });
});

describe('sandbox authentication and routing', () => {
  it('answers 320001 on every endpoint for a wrong signature, before any other check', async () => {
    expect(ENDPOINT_NAMES).toHaveLength(18);
    for (const endpoint of ENDPOINT_NAMES) {
      const params = new URLSearchParams({ appid: 'sandbox-demo-appid', signature: 'wrong' });
      const method = ROUTES[endpoint].method;
      const response =
        method === 'GET'
          ? await fetch(`${api.sb.url}${endpoint}?${params}`)
          : await fetch(`${api.sb.url}${endpoint}`, { method: 'POST', body: params });
      expect(response.status, endpoint).toBe(200);
      expect(((await response.json()) as { ret_code: string }).ret_code, endpoint).toBe('320001');
    }
  });

  it('answers 320001 for a wrong appid and for missing credentials', async () => {
    expect(
      (await api.get('query_robot_num', { appid: 'x', signature: 'sandbox-demo-signature' }, false)).ret_code,
    ).toBe('320001');
    expect((await api.get('query_robot_num', {}, false)).ret_code).toBe('320001');
  });

  it('answers an unknown endpoint with a 404 JSON body', async () => {
    const response = await fetch(`${api.sb.url}no_such_endpoint`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { status: number; path: string };
    expect(body.status).toBe(404);
    expect(body.path).toBe('/api/icall/5/task/no_such_endpoint');
    expect((await fetch(`${api.sb.origin}/elsewhere`)).status).toBe(404);
  });

  it('refuses the wrong HTTP method with 405 (editor_task is GET, add_task is POST)', async () => {
    const post = await fetch(`${api.sb.url}editor_task`, {
      method: 'POST',
      body: new URLSearchParams({ appid: 'a' }),
    });
    expect(post.status).toBe(405);
    const get = await fetch(`${api.sb.url}add_task?appid=a`);
    expect(get.status).toBe(405);
    expect(((await get.json()) as { ret_code: string }).ret_code).toBe('329999');
  });
});

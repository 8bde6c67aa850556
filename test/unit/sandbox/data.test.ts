import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, makeRows, MINUTE, openApi, TEMPLATE_MEETING, type Api } from './helpers';

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(() => api.close());

describe('add_task_data', () => {
  it('stores rows sent form-encoded with data as a JSON string', async () => {
    const taskid = await api.createTask();
    const reply = await api.addRows(taskid, makeRows(20));
    expect(reply).toEqual({ ret_code: '000000', ret_msg: '提交数据成功' });
    expect((await api.info(taskid)).call_total_data).toBe(20);
  });

  it('accepts data as an array in a JSON body', async () => {
    const taskid = await api.createTask();
    const reply = await api.postJson('add_task_data', { taskid, data: makeRows(3) });
    expect(reply.ret_code).toBe('000000');
    expect((await api.info(taskid)).call_total_data).toBe(3);
  });

  it('silently filters invalid phone numbers and keeps the first of repeated outids', async () => {
    const taskid = await api.createTask();
    const rows = [
      { telephone: '13912345678', outid: 'a' },
      { telephone: '12345', outid: 'bad-short' },
      { telephone: '139-1234-5678', outid: 'bad-dashes' },
      { telephone: '+8613912345678', outid: 'bad-prefix' },
      { telephone: '02188887777', outid: 'landline' },
      { telephone: '13900000000', outid: 'a' }, // repeat within the batch
    ];
    expect((await api.addRows(taskid, rows)).ret_code).toBe('000000');
    expect((await api.addRows(taskid, [{ telephone: '13911112222', outid: 'landline' }])).ret_code).toBe(
      '000000',
    );
    expect((await api.info(taskid)).call_total_data).toBe(2);
    const filtered = await api.get('query_task_data', { taskid, outid: 'bad-short' });
    expect(filtered).toMatchObject({ ret_code: '000000', data: null });
    const kept = await api.get('query_task_data', { taskid, outid: 'a' });
    expect(kept.data.detail.tel).toBe('13912345678');
  });

  it.each([
    ['not JSON', '{oops'],
    ['not an array', '{"telephone":"13912345678","outid":"x"}'],
    ['an empty array', '[]'],
    ['an element without telephone', '[{"outid":"x"}]'],
    ['an element that is not an object', '["13912345678"]'],
  ])('answers 320018 when data is %s, storing nothing', async (_what, data) => {
    const taskid = await api.createTask();
    expect((await api.post('add_task_data', { taskid, data })).ret_code).toBe('320018');
    expect((await api.info(taskid)).call_total_data).toBe(0);
  });

  it('answers 320018 without data and 320032 for an element without outid', async () => {
    const taskid = await api.createTask();
    expect((await api.post('add_task_data', { taskid })).ret_code).toBe('320018');
    const reply = await api.addRows(taskid, [
      { telephone: '13912345678', outid: 'ok' },
      { telephone: '13912345679' },
    ]);
    expect(reply.ret_code).toBe('320032');
    expect((await api.info(taskid)).call_total_data).toBe(0);
  });

  it('refuses more than 5,000 rows in one call with 320029 and takes exactly 5,000', async () => {
    const taskid = await api.createTask();
    expect((await api.addRows(taskid, makeRows(5001))).ret_code).toBe('320029');
    expect((await api.addRows(taskid, makeRows(5000))).ret_code).toBe('000000');
    expect((await api.info(taskid)).call_total_data).toBe(5000);
  });

  it('fills template variables from name^value|name^value into the transcript', async () => {
    const taskid = await api.createTask({ templateid: TEMPLATE_MEETING, robot_num: '4' });
    const rows = makeRows(12).map((r) => ({ ...r, variable: '会议地点^银海大厦|参会人性别^王先生' }));
    await api.addRows(taskid, rows);
    api.sb.control.advance(HOUR);
    const results = await api.allResults(taskid);
    expect(results).toHaveLength(12);
    for (const result of results) {
      const first = result.msg[0].msg as string;
      expect(first.startsWith('王先生您好')).toBe(true);
      expect(first).toContain('银海大厦');
    }
  });
});

describe('delete_task_data', () => {
  it('answers 320032 without outid and 320033 for more than 100', async () => {
    const taskid = await api.createTask();
    expect((await api.post('delete_task_data', { taskid })).ret_code).toBe('320032');
    expect((await api.post('delete_task_data', { taskid, outid: ' , ' })).ret_code).toBe('320032');
    const ids = Array.from({ length: 101 }, (_, i) => `r${i}`);
    expect((await api.post('delete_task_data', { taskid, outid: ids.join(',') })).ret_code).toBe('320033');
    expect(
      (await api.post('delete_task_data', { taskid, outid: ids.slice(0, 100).join(',') })).ret_code,
    ).toBe('000000');
    expect((await api.post('delete_task_data', { outid: 'r1' })).ret_code).toBe('320021');
  });

  it('removes undialled rows and flags dialled ones del_flag -1', async () => {
    const taskid = await api.createTask({ robot_num: '1' });
    await api.addRows(taskid, makeRows(40));
    api.sb.control.advance(5 * MINUTE);
    const dialled = await api.allResults(taskid);
    expect(dialled.length).toBeGreaterThan(1);
    expect(dialled.length).toBeLessThan(38);
    const dialledTel = dialled[0]!.detail.tel as string;
    const dialledOutid = makeRows(40).find((r) => r.telephone === dialledTel)!.outid as string;
    const reply = await api.post('delete_task_data', {
      taskid,
      outid: `${dialledOutid},r38,r39,r39,unknown`,
    });
    expect(reply).toEqual({ ret_msg: '删除成功', ret_code: '000000', del_counts: 3 });
    expect((await api.info(taskid)).call_total_data).toBe(38);

    api.sb.control.advance(10 * HOUR);
    const all = await api.allResults(taskid);
    expect(all).toHaveLength(38);
    const tels = all.map((r) => r.detail.tel);
    expect(tels).not.toContain(makeRows(40)[38]!.telephone);
    expect(tels).not.toContain(makeRows(40)[39]!.telephone);
    const flagged = all.filter((r) => r.detail.del_flag === '-1');
    expect(flagged.map((r) => r.detail.tel)).toEqual([dialledTel]);
    expect(all.filter((r) => r.detail.del_flag === '1')).toHaveLength(37);
    // A removed outid may be uploaded again.
    expect((await api.addRows(taskid, [{ telephone: '13800000001', outid: 'r39' }])).ret_code).toBe('000000');
    expect((await api.info(taskid)).call_total_data).toBe(39);
  });
});

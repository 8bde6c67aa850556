import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, makeRows, openApi, T0, type Api, type Json } from './helpers';

let api: Api;
let taskid: string;
let results: Json[];

beforeAll(async () => {
  api = await openApi();
  taskid = await api.createTask({ robot_num: '4', telephone: '02180344315,01087654321' });
  await api.addRows(taskid, makeRows(200));
  api.sb.control.advance(24 * HOUR);
  results = await api.allResults(taskid);
});
afterAll(() => api.close());

describe('call results', () => {
  it('dialled every row once', () => {
    expect(results).toHaveLength(200);
    expect(new Set(results.map((r) => r.detail.tel)).size).toBe(200);
    expect(new Set(results.map((r) => r.detail.callid)).size).toBe(200);
  });

  it('has a realistic status mix, mostly connected', () => {
    const counts = new Map<string, number>();
    for (const r of results) counts.set(r.detail.status, (counts.get(r.detail.status) ?? 0) + 1);
    expect([...counts.keys()].every((s) => ['2', '3', '4', '5', '6', '7', '9'].includes(s))).toBe(true);
    expect(counts.get('2')!).toBeGreaterThan(80);
    expect(counts.get('2')!).toBeGreaterThan(counts.get('3') ?? 0);
    expect(counts.size).toBeGreaterThanOrEqual(5);
  });

  it('keeps every detail consistent: durations, answer time, callers, flags', () => {
    for (const { detail, msg } of results) {
      for (const value of Object.values(detail)) expect(typeof value).toBe('string');
      const start = Number(detail.start_time);
      const answer = Number(detail.answer_time);
      const end = Number(detail.end_time);
      expect(detail.callid).toMatch(/^soboticall[0-9a-f]{32}$/);
      expect(Number(detail.call_duration)).toBe(end - start);
      expect(['02180344315', '01087654321']).toContain(detail.caller);
      expect(detail.del_flag).toBe('1');
      expect(detail.voice_url).toBe(`${api.sb.origin}/sandbox-media/call/${detail.callid}.wav`);
      for (const m of msg) {
        expect(m.callid).toBe(detail.callid);
        expect(typeof m.date_time).toBe('string');
        expect(m.date_time).toMatch(/^\d{13}$/);
        expect(['0', '1']).toContain(m.sender_type);
      }
      if (detail.status === '2') {
        expect(answer).toBeGreaterThan(start);
        expect(Number(detail.fee_duration)).toBe(end - answer);
        // The first robot line is stamped about 1 s after start, before the answer.
        const first = Number(msg[0].date_time);
        expect(msg[0].sender_type).toBe('1');
        expect(first - start).toBeGreaterThanOrEqual(800);
        expect(first - start).toBeLessThanOrEqual(1200);
        expect(first).toBeLessThan(answer);
        expect(Number(detail.user_msg_count)).toBe(msg.filter((m: Json) => m.sender_type === '0').length);
        // Stamps increase; the customer never speaks twice in a row.
        for (let i = 1; i < msg.length; i++) {
          expect(Number(msg[i].date_time)).toBeGreaterThan(Number(msg[i - 1].date_time));
          if (msg[i].sender_type === '0') expect(msg[i - 1].sender_type).toBe('1');
        }
        expect(Number(msg[msg.length - 1].date_time)).toBeLessThan(end);
      } else {
        expect(detail.answer_time).toBe('0');
        expect(detail.fee_duration).toBe('0');
        expect(detail.user_msg_count).toBe('0');
        expect(detail.intention_name).toBe('');
        expect(msg).toHaveLength(1);
      }
    }
  });

  it('labels intentions only on connected calls, several joined by U+0001', () => {
    const labelled = results.filter((r) => r.detail.intention_name !== '');
    expect(labelled.length).toBeGreaterThan(10);
    expect(labelled.every((r) => r.detail.status === '2')).toBe(true);
    expect(labelled.some((r) => (r.detail.intention_name as string).includes('\u0001'))).toBe(true);
  });

  it('query_task_info counts agree with the results', async () => {
    const info = await api.info(taskid);
    expect(info.call_total_data).toBe(200);
    expect(info.call_times).toBe(200);
    expect(info.call_connected_times).toBe(results.filter((r) => r.detail.status === '2').length);
    expect(info.call_intent_times).toBeGreaterThan(0);
    expect(info.call_intent_times).toBeLessThanOrEqual(info.call_connected_times);
    expect(info.task_status).toBe(2);
  });

  it('query_task_data answers the same call with numbers in detail and strings in msg', async () => {
    const reply = await api.get('query_task_data', { taskid, outid: 'r17' });
    expect(reply.ret_code).toBe('000000');
    const { detail, msg } = reply.data;
    const same = results.find((r) => r.detail.tel === makeRows(18)[17]!.telephone)!;
    expect(detail.callid).toBe(same.detail.callid);
    expect(detail.start_time).toBe(Number(same.detail.start_time));
    expect(typeof detail.status).toBe('number');
    expect(typeof detail.call_duration).toBe('number');
    expect(detail).not.toHaveProperty('del_flag');
    expect(msg).toEqual(same.msg);
  });

  it('query_task_data answers status 0 for a row not dialled yet, null for an unknown outid, 320032 without outid', async () => {
    const other = await api.createTask({ call_time_slot: '23:00-23:30' });
    await api.addRows(other, makeRows(1, 'p'));
    const pending = await api.get('query_task_data', { taskid: other, outid: 'p0' });
    expect(pending.data.detail.status).toBe(0);
    expect(pending.data.msg).toEqual([]);
    expect((await api.get('query_task_data', { taskid: other, outid: 'nope' })).data).toBeNull();
    expect((await api.get('query_task_data', { taskid: other })).ret_code).toBe('320032');
    expect((await api.get('query_task_data', { outid: 'p0' })).ret_code).toBe('320021');
  });
});

describe('query_time_task_data paging', () => {
  it('pages by start_time with page_count and total_count', async () => {
    const begin = Number(results[20]!.detail.start_time);
    const end = Number(results[64]!.detail.start_time);
    const inWindow = results.filter(
      (r) => Number(r.detail.start_time) >= begin && Number(r.detail.start_time) <= end,
    );
    const seen: string[] = [];
    const first = await api.get('query_time_task_data', {
      taskid,
      begin_time: String(begin),
      end_time: String(end),
      page_size: '7',
      page_num: '1',
    });
    expect(first.total_count).toBe(inWindow.length);
    expect(first.page_count).toBe(Math.ceil(inWindow.length / 7));
    for (let page = 1; page <= first.page_count; page++) {
      const reply = await api.get('query_time_task_data', {
        taskid,
        begin_time: String(begin),
        end_time: String(end),
        page_size: '7',
        page_num: String(page),
      });
      expect(reply.data.length).toBe(
        page < first.page_count ? 7 : inWindow.length - 7 * (first.page_count - 1),
      );
      seen.push(...reply.data.map((r: Json) => r.detail.callid));
    }
    expect(seen).toEqual(inWindow.map((r) => r.detail.callid));
    const beyond = await api.get('query_time_task_data', {
      taskid,
      begin_time: String(begin),
      end_time: String(end),
      page_size: '7',
      page_num: String(first.page_count + 1),
    });
    expect(beyond.data).toEqual([]);
  });

  it('refuses page_size above 15 (329999) and answers 320026/320027 without begin/end', async () => {
    const base = { taskid, begin_time: '0', end_time: String(T0 + 100 * HOUR), page_num: '1' };
    expect((await api.get('query_time_task_data', { ...base, page_size: '15' })).data).toHaveLength(15);
    expect((await api.get('query_time_task_data', { ...base, page_size: '16' })).ret_code).toBe('329999');
    expect((await api.get('query_time_task_data', { ...base, page_size: '0' })).ret_code).toBe('329999');
    expect((await api.get('query_time_task_data', { ...base, page_size: '5', page_num: '0' })).ret_code).toBe(
      '329999',
    );
    expect(
      (await api.get('query_time_task_data', { taskid, end_time: '1', page_size: '5', page_num: '1' }))
        .ret_code,
    ).toBe('320026');
    expect(
      (await api.get('query_time_task_data', { taskid, begin_time: '1', page_size: '5', page_num: '1' }))
        .ret_code,
    ).toBe('320027');
    expect(
      (
        await api.get('query_time_task_data', {
          begin_time: '1',
          end_time: '2',
          page_size: '5',
          page_num: '1',
        })
      ).ret_code,
    ).toBe('320021');
  });
});

describe('calls_count', () => {
  it('counts finished calls per task in the window, up to 15 tasks', async () => {
    const begin = Number(results[10]!.detail.start_time);
    const end = Number(results[49]!.detail.start_time);
    const expected = results.filter(
      (r) => Number(r.detail.start_time) >= begin && Number(r.detail.start_time) <= end,
    ).length;
    const empty = await api.createTask({ task_name: '空任务' });
    const reply = await api.get('calls_count', {
      taskid: `${taskid},${empty}`,
      begin_time: String(begin),
      end_time: String(end),
    });
    expect(reply.ret_code).toBe('000000');
    expect(reply.data).toEqual([
      { task_name: '测试任务', count: expected, taskid },
      { task_name: '空任务', count: 0, taskid: empty },
    ]);
    const sixteen = Array.from({ length: 16 }, () => taskid).map((id, i) => (i === 0 ? id : `${id}x${i}`));
    expect(
      (await api.get('calls_count', { taskid: sixteen.join(','), begin_time: '0', end_time: '1' })).ret_code,
    ).toBe('320022');
    expect((await api.get('calls_count', { taskid, end_time: '1' })).ret_code).toBe('320026');
    expect((await api.get('calls_count', { taskid, begin_time: '1' })).ret_code).toBe('320027');
    expect((await api.get('calls_count', { begin_time: '0', end_time: '1' })).ret_code).toBe('320021');
  });
});

describe('number_hide', () => {
  it('masks the last four (1) or the middle four (2) digits everywhere', async () => {
    const last = await api.createTask({ number_hide: '1', robot_num: '1' });
    const middle = await api.createTask({ number_hide: '2', robot_num: '1' });
    await api.addRows(last, [{ telephone: '18207736077', outid: 'a' }]);
    await api.addRows(middle, [{ telephone: '18207736077', outid: 'a' }]);
    api.sb.control.advance(HOUR);
    expect((await api.get('query_task_data', { taskid: last, outid: 'a' })).data.detail.tel).toBe(
      '1820773****',
    );
    expect((await api.get('query_task_data', { taskid: middle, outid: 'a' })).data.detail.tel).toBe(
      '182****6077',
    );
    expect((await api.allResults(middle))[0]!.detail.tel).toBe('182****6077');
  });
});

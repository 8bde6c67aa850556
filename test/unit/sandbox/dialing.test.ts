import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, makeRows, MINUTE, openApi, T0, type Api, type Json } from './helpers';

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(() => api.close());

const localMinute = (ms: number): number => {
  const d = new Date(ms);
  return d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60;
};

/** Most calls overlapping at any instant, from the results' start/end times. */
function peakOverlap(results: readonly Json[]): number {
  const events: [number, number][] = [];
  for (const r of results) {
    events.push([Number(r.detail.start_time), 1], [Number(r.detail.end_time), -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]); // an end before a start at the same instant
  let current = 0;
  let peak = 0;
  for (const [, delta] of events) {
    current += delta;
    peak = Math.max(peak, current);
  }
  return peak;
}

describe('dialing inside calling hours', () => {
  it('waits outside the calling windows (status 3) and only starts calls inside them', async () => {
    const taskid = await api.createTask({ call_time_slot: '10:00-11:00,14:00-15:00', robot_num: '1' });
    await api.addRows(taskid, makeRows(200));
    expect(await api.status(taskid)).toBe(3);
    api.sb.control.advance(59 * MINUTE); // 09:59
    expect(await api.info(taskid)).toMatchObject({ task_status: 3, call_times: 0 });

    api.sb.control.advance(2 * MINUTE); // 10:01
    expect(await api.status(taskid)).toBe(1);
    api.sb.control.advance(2 * HOUR); // 12:01
    const between = await api.info(taskid);
    expect(between.task_status).toBe(3);
    expect(between.call_times).toBeGreaterThan(20);
    expect(between.call_times).toBeLessThan(200);

    api.sb.control.advance(4 * HOUR); // 16:01
    const results = await api.allResults(taskid);
    expect(results.length).toBeGreaterThan(between.call_times);
    for (const r of results) {
      const minute = localMinute(Number(r.detail.start_time));
      const inside = (minute >= 600 && minute < 660) || (minute >= 840 && minute < 900);
      expect(inside, new Date(Number(r.detail.start_time)).toString()).toBe(true);
    }
    expect(results.some((r) => localMinute(Number(r.detail.start_time)) >= 840)).toBe(true);
  });

  it('keeps dialling across days and accepts one-digit hours', async () => {
    const taskid = await api.createTask({ call_time_slot: '9:30-9:45', robot_num: '2' });
    await api.addRows(taskid, makeRows(300));
    api.sb.control.advance(3 * 24 * HOUR);
    const results = await api.allResults(taskid);
    const days = new Set(results.map((r) => new Date(Number(r.detail.start_time)).getDate()));
    expect(days.size).toBeGreaterThanOrEqual(3);
    for (const r of results) {
      const minute = localMinute(Number(r.detail.start_time));
      expect(minute).toBeGreaterThanOrEqual(570);
      expect(minute).toBeLessThan(585);
    }
  });
});

describe('dialing inside the validity window', () => {
  it('is not started before start_time, dials inside, and is finished after end_time', async () => {
    const start = T0 + HOUR;
    const end = T0 + 2 * HOUR;
    const taskid = await api.createTask({
      time_type: '1',
      start_time: String(start),
      end_time: String(end),
      robot_num: '1',
    });
    await api.addRows(taskid, makeRows(500));
    expect(await api.status(taskid)).toBe(0);
    api.sb.control.advance(59 * MINUTE);
    expect(await api.info(taskid)).toMatchObject({ task_status: 0, call_times: 0 });
    api.sb.control.advance(2 * MINUTE);
    expect(await api.status(taskid)).toBe(1);
    api.sb.control.advance(3 * HOUR);
    const info = await api.info(taskid);
    expect(info.task_status).toBe(2);
    expect(info.call_times).toBeGreaterThan(20);
    expect(info.call_times).toBeLessThan(500);
    for (const r of await api.allResults(taskid)) {
      expect(Number(r.detail.start_time)).toBeGreaterThanOrEqual(start);
      expect(Number(r.detail.start_time)).toBeLessThan(end);
    }
    // Expired tasks are finished: no more life-cycle operations.
    expect((await api.get('pause_task', { taskid })).ret_code).toBe('320023');
    // Moving the end time extends the task.
    expect((await api.get('editor_task', { taskid, end_time: String(T0 + 10 * HOUR) })).ret_code).toBe(
      '000000',
    );
    expect(await api.status(taskid)).toBe(1);
  });
});

describe('robot concurrency', () => {
  it('never runs more calls at once than robot_num', async () => {
    const taskid = await api.createTask({ robot_num: '3' });
    await api.addRows(taskid, makeRows(120));
    api.sb.control.advance(5 * HOUR);
    const results = await api.allResults(taskid);
    expect(results).toHaveLength(120);
    expect(peakOverlap(results)).toBe(3);
    expect(api.sb.control.stats().peakCallsByTask[taskid]).toBe(3);
  });

  it('queues a task (status 4) while other tasks hold all 4 robots', async () => {
    const big = await api.createTask({ robot_num: '4' });
    await api.addRows(big, makeRows(80));
    const waiting = await api.createTask({ robot_num: '2' });
    await api.addRows(waiting, makeRows(10, 'w'));
    expect(await api.status(big)).toBe(1);
    expect(await api.status(waiting)).toBe(4);
    expect((await api.get('query_task')).data.find((t: Json) => t.taskid === waiting).task_status).toBe(4);
    // A queued task can be paused, and resumed back into the queue.
    expect((await api.get('pause_task', { taskid: waiting })).ret_code).toBe('000000');
    expect((await api.get('resume_task', { taskid: waiting })).ret_code).toBe('000000');
    expect(await api.status(waiting)).toBe(4);

    api.sb.control.advance(10 * HOUR);
    expect(await api.status(big)).toBe(2);
    expect(await api.status(waiting)).toBe(2);
    const bigResults = await api.allResults(big);
    const waitingResults = await api.allResults(waiting);
    expect(peakOverlap([...bigResults, ...waitingResults])).toBeLessThanOrEqual(4);
    expect(api.sb.control.stats().peakCalls).toBe(4);
    const lastBigEnd = Math.max(...bigResults.map((r) => Number(r.detail.end_time)));
    const firstWaitingStart = Math.min(...waitingResults.map((r) => Number(r.detail.start_time)));
    // The waiting task got its first robot when the big one freed one near its end.
    expect(firstWaitingStart).toBeLessThan(lastBigEnd);
    expect(firstWaitingStart).toBeGreaterThan(T0);
  });
});

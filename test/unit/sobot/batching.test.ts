/** Splitting by 15 / 100, add_task_data batches and bad-row isolation. */
import { describe, expect, it } from 'vitest';
import { ADD_TASK_DATA_BATCH_ROWS, type AddTaskDataProgress } from '../../../electron/services/sobot';
import { clientFor, code, ok, type Recorded, type Reply } from './fakeFetch';

const ids = (n: number, p = 't') => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('query_task_info / calls_count: ≤ 15 ids per call, merged in order', () => {
  const echo = (r: Recorded): Reply => {
    const list = (r.params['taskid'] ?? '').split(',');
    return {
      body: {
        ret_code: '000000',
        data: list.map((taskid) => ({ taskid, task_name: taskid, task_status: 1, count: 1 })),
      },
      delayMs: Math.random() * 5,
    };
  };

  it.each([0, 1, 15, 16, 40])('%i ids', async (n) => {
    const { client, calls } = clientFor(echo);
    const r = await client.queryTaskInfo({ taskid: ids(n) });
    expect(calls).toHaveLength(Math.max(1, Math.ceil(n / 15)));
    for (const c of calls) expect((c.params['taskid'] ?? '').split(',').length).toBeLessThanOrEqual(15);
    expect(r.map((t) => t.taskid)).toEqual(n === 0 ? [''] : ids(n));
  });

  it('calls_count accepts a comma list and dedupes', async () => {
    const { client, calls } = clientFor(echo);
    const list = [...ids(20), 't3', ' t4 '].join(',');
    const r = await client.callsCount({ taskid: list, begin_time: 1577436030000, end_time: 1579086041000 });
    expect(r.map((e) => e.taskid)).toEqual(ids(20));
    expect(calls.map((c) => c.params['begin_time'])).toEqual(['1577436030000', '1577436030000']);
  });
});

describe('delete_task_data: ≤ 100 outids per call, del_counts summed', () => {
  it('250 outids → 3 sequential calls', async () => {
    const { client, calls, state } = clientFor((r) => ({
      ...ok({ del_counts: (r.params['outid'] ?? '').split(',').length }),
      delayMs: 2,
    }));
    expect(await client.deleteTaskData({ taskid: 'T', outid: ids(250, 'o') })).toEqual({ del_counts: 250 });
    expect(calls.map((c) => (c.params['outid'] ?? '').split(',').length)).toEqual([100, 100, 50]);
    expect(state.maxInFlight).toBe(1);
  });

  it('stops at the first failing batch', async () => {
    const { client, calls } = clientFor((r) => (r.n === 2 ? code('320022') : ok({ del_counts: 100 })));
    await expect(client.deleteTaskData({ taskid: 'T', outid: ids(300, 'o') })).rejects.toMatchObject({
      code: '320022',
    });
    expect(calls).toHaveLength(2);
  });
});

describe('add_task_data batches', () => {
  const rows = (n: number) =>
    ids(n, 'o').map((outid, i) => ({ telephone: `1380000${String(i).padStart(4, '0')}`, outid }));
  const sentRows = (r: Recorded) =>
    JSON.parse(r.params['data'] ?? '[]') as Array<{ outid: string; telephone: string }>;

  it(`splits into batches of ${ADD_TASK_DATA_BATCH_ROWS}, sequentially, with progress`, async () => {
    const progress: AddTaskDataProgress[] = [];
    const { client, calls, state } = clientFor(() => ({ ...ok(), delayMs: 1 }));
    const report = await client.addTaskData(
      { taskid: 'T', data: rows(1200) },
      { onProgress: (p) => progress.push(p) },
    );
    expect(calls.map((c) => sentRows(c).length)).toEqual([500, 500, 200]);
    expect(state.maxInFlight).toBe(1);
    expect(report.accepted).toHaveLength(1200);
    expect(report.accepted[1199]).toBe('o1199');
    expect(progress.map((p) => p.doneRows)).toEqual([0, 500, 1000, 1200]);
    expect(progress.at(-1)).toEqual({ totalRows: 1200, doneRows: 1200, acceptedRows: 1200, rejectedRows: 0 });
  });

  it('also bounds a batch by body size', async () => {
    const { client, calls } = clientFor(() => ok());
    const big = rows(300).map((r) => ({ ...r, variable: { 备注: '很长的备注'.repeat(60) } }));
    await client.addTaskData({ taskid: 'T', data: big });
    expect(calls.length).toBeGreaterThan(1);
    for (const c of calls) expect(c.bodyText?.length ?? 0).toBeLessThanOrEqual(256 * 1024 + 200);
  });

  it('320018: halves recursively and reports only the bad rows', async () => {
    const bad = new Set(['o37', 'o38', 'o401']);
    const { client, calls } = clientFor((r) =>
      sentRows(r).some((row) => bad.has(row.outid)) ? code('320018') : ok(),
    );
    const report = await client.addTaskData({ taskid: 'T', data: rows(600) });
    expect(report.rejected.map((x) => [x.index, x.outid, x.code])).toEqual([
      [37, 'o37', 'sobot.320018'],
      [38, 'o38', 'sobot.320018'],
      [401, 'o401', 'sobot.320018'],
    ]);
    expect(report.accepted).toHaveLength(597);
    expect(new Set(report.accepted).size).toBe(597);
    expect(report.stoppedBy).toBeUndefined();
    // Bisection stays cheap: well under one request per row.
    expect(calls.length).toBeLessThan(60);
  });

  it('rejects rows locally: empty phone/outid, duplicates, commas, un-encodable variables', async () => {
    const { client, calls } = clientFor(() => ok());
    const report = await client.addTaskData({
      taskid: 'T',
      data: [
        { telephone: '1', outid: 'a' },
        { telephone: ' ', outid: 'b' },
        { telephone: '1', outid: '' },
        { telephone: '1', outid: 'a' },
        { telephone: '1', outid: 'c,d' },
        { telephone: '1', outid: 'e', variable: { 地点: 'A|B' } },
        { telephone: '1', outid: 'f', variable: '地点^A^B' },
        { telephone: '1', outid: 'g', variable: { 地点: '银海大厦' } },
      ],
    });
    expect(report.accepted).toEqual(['a', 'g']);
    expect(report.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, 'sobot.row_rejected'],
      [2, 'sobot.row_rejected'],
      [3, 'sobot.row_rejected'],
      [4, 'sobot.row_rejected'],
      [5, 'sobot.row_rejected'],
      [6, 'sobot.row_rejected'],
    ]);
    expect(report.rejected[3]?.reason).toMatch(/comma/);
    expect(report.rejected[4]?.reason).toMatch(/'\^' or '\|'/);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.bodyText).not.toContain('A%7CB');
  });

  it('a non-320018 error stops the upload and says which rows were not sent', async () => {
    const { client } = clientFor((r) => (r.n === 2 ? code('320020') : ok()));
    const report = await client.addTaskData({ taskid: 'T', data: rows(1200) });
    expect(report.stoppedBy).toMatchObject({ code: '320020' });
    expect(report.accepted).toHaveLength(500);
    expect(report.notSent).toHaveLength(700);
    expect(report.notSent[0]).toBe('o500');
    expect(report.uncertain).toEqual([]);
  });

  it('a lost answer marks that batch uncertain and the rest not sent', async () => {
    const { client } = clientFor((r) => (r.n === 2 ? { status: 504, body: 'gateway timeout' } : ok()));
    const report = await client.addTaskData({ taskid: 'T', data: rows(1200) });
    expect(report.stoppedBy).toMatchObject({ code: 'net.http_status', status: 504 });
    expect(report.uncertain).toHaveLength(500);
    expect(report.notSent).toHaveLength(200);
  });

  it('abort between batches stops with net.aborted', async () => {
    const ctrl = new AbortController();
    const { client, calls } = clientFor(() => {
      ctrl.abort();
      return ok();
    });
    const report = await client.addTaskData({ taskid: 'T', data: rows(1200) }, { signal: ctrl.signal });
    expect(report.stoppedBy).toMatchObject({ code: 'net.aborted' });
    expect(calls).toHaveLength(1);
    expect(report.notSent.length + report.accepted.length + report.uncertain.length).toBe(1200);
  });
});

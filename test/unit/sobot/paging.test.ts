/** query_time_task_data page walk: order, bounded look-ahead, progress, abort, early exit. */
import { describe, expect, it } from 'vitest';
import type { PageProgress } from '../../../electron/services/sobot';
import { clientFor, code, ok, type Recorded, type Reply } from './fakeFetch';

const W = { taskid: 'T', begin_time: 1575189630001, end_time: 1579086041000 };

/** A server with `total` calls; each page answers after a random short delay. */
function pagedServer(total: number, opts: { failPage?: number; jitter?: number } = {}) {
  return (r: Recorded): Reply => {
    const size = Number(r.params['page_size']);
    const page = Number(r.params['page_num']);
    if (page === opts.failPage) return code('320022');
    const first = (page - 1) * size;
    const data = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, i) => ({
      detail: { callid: `c${first + i}`, status: 2, tel: '13800000000', caller: '021' },
      msg: [],
    }));
    return {
      ...ok({ data, total_count: total, page_count: Math.ceil(total / size) }),
      delayMs: Math.random() * (opts.jitter ?? 6),
    };
  };
}

describe('queryTimeTaskData', () => {
  it('walks every page in order, never above maxConcurrency in flight', async () => {
    const { client, calls, state } = clientFor(pagedServer(3000), { maxConcurrency: 5 });
    const pages: number[] = [];
    const progress: PageProgress[] = [];
    for await (const page of client.queryTimeTaskData(W, { onProgress: (p) => progress.push(p) }))
      pages.push(page.page_num);
    expect(pages).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(calls).toHaveLength(200);
    expect(calls.every((c) => c.params['page_size'] === '15')).toBe(true);
    expect(state.maxInFlight).toBe(5);
    expect(progress[0]).toEqual({ page: 1, pageCount: 200, totalCount: 3000 });
    expect(progress.at(-1)).toEqual({ page: 200, pageCount: 200, totalCount: 3000 });
  });

  it('the first page goes alone (it tells the page count)', async () => {
    const { client, calls } = clientFor(pagedServer(100));
    const it = client.queryTimeTaskData(W)[Symbol.asyncIterator]();
    await it.next();
    expect(calls).toHaveLength(1);
    await it.return?.();
  });

  it('fetchAll concatenates in order; page_size is honoured', async () => {
    const { client, calls } = clientFor(pagedServer(47));
    const all = await client.queryTimeTaskData({ ...W, page_size: 10 }).fetchAll();
    expect(all.total_count).toBe(47);
    expect(all.page_count).toBe(5);
    expect(all.data.map((d) => d.detail.callid)).toEqual(Array.from({ length: 47 }, (_, i) => `c${i}`));
    expect(calls.map((c) => c.params['page_size'])).toEqual(Array(5).fill('10'));
  });

  it('an empty window is one request', async () => {
    const { client, calls } = clientFor(pagedServer(0));
    expect(await client.queryTimeTaskData(W).fetchAll()).toEqual({ page_count: 0, total_count: 0, data: [] });
    expect(calls).toHaveLength(1);
  });

  it('a failing page rejects the walk at that page', async () => {
    const { client } = clientFor(pagedServer(300, { failPage: 7 }));
    const seen: number[] = [];
    const walk = async () => {
      for await (const page of client.queryTimeTaskData(W)) seen.push(page.page_num);
    };
    await expect(walk()).rejects.toMatchObject({ code: '320022' });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('breaking out of the loop cancels the look-ahead', async () => {
    const { client, calls, state } = clientFor(pagedServer(3000, { jitter: 20 }), { maxConcurrency: 4 });
    for await (const page of client.queryTimeTaskData(W)) if (page.page_num === 3) break;
    await new Promise((r) => setTimeout(r, 40));
    expect(calls.length).toBeLessThanOrEqual(3 + 4);
    expect(state.inFlight).toBe(0);
  });

  it('abort stops the walk with net.aborted', async () => {
    const ctrl = new AbortController();
    const { client, calls } = clientFor(pagedServer(3000, { jitter: 10 }));
    const walk = async () => {
      for await (const page of client.queryTimeTaskData(W, { signal: ctrl.signal }))
        if (page.page_num === 10) ctrl.abort();
    };
    await expect(walk()).rejects.toMatchObject({ code: 'net.aborted' });
    expect(calls.length).toBeLessThan(30);
  });

  it('a page that fails transiently is retried, order kept', async () => {
    const inner = pagedServer(150);
    const failed = new Set<number>();
    const { client } = clientFor((r) => {
      const page = Number(r.params['page_num']);
      if (page % 3 === 0 && !failed.has(page)) {
        failed.add(page);
        return { status: 503, body: 'busy' };
      }
      return inner(r);
    });
    const all = await client.queryTimeTaskData(W).fetchAll();
    expect(all.data).toHaveLength(150);
    expect(all.data.map((d) => d.detail.callid)).toEqual(Array.from({ length: 150 }, (_, i) => `c${i}`));
  });
});

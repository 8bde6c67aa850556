import { afterEach, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../../shared/results';
import { ACCOUNT, setupResults } from './support';

type Setup = Awaited<ReturnType<typeof setupResults>>;
let current: Setup | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

const stored = (s: Setup, taskId: string): number =>
  s.results.query({ kind: 'task', taskId }, {}, 0, 500).total;

describe('sync', () => {
  it('pulls a task’s results, and a second sync adds no duplicates', async () => {
    const s = (current = await setupResults({ sandbox: { seed: 5, autoRun: false } }));
    const taskId = s.sandbox!.control.seedTask({ name: '回访', rows: 60, completed: 40 });
    const first = await s.results.sync(taskId);
    expect(first).toMatchObject({ complete: true, added: 40, updated: 0 });
    expect(stored(s, taskId)).toBe(40);

    // One call stored from an earlier answer (another state, say): only it is updated.
    const [changed] = s.results.query({ kind: 'task', taskId }, {}, 0, 1).calls;
    s.services.db
      .prepare("UPDATE result_calls SET fingerprint = 'earlier' WHERE callid = ?")
      .run(changed!.id);
    const second = await s.results.sync(taskId);
    expect(second).toMatchObject({ added: 0, updated: 1 });
    // Every other call of the window read again is unchanged (the window is not the whole task).
    const inWindow = s.results.query({ kind: 'task', taskId }, { from: second.from }, 0, 500).total;
    expect(inWindow).toBeGreaterThan(1);
    expect(second.unchanged).toBe(inWindow - 1);
    const third = await s.results.sync(taskId);
    expect(third).toMatchObject({ added: 0, updated: 0 });
    expect(third.unchanged).toBeGreaterThan(0);
    expect(stored(s, taskId)).toBe(40);
    // Only the window since the last sync, less the overlap, is read again.
    expect(second.from).toBe(first.to - 24 * 3_600_000 - 30 * 60_000);
    const count = s.services.db
      .prepare('SELECT count(*) AS n FROM result_calls WHERE account_id = ? AND task_id = ?')
      .get(ACCOUNT, taskId) as { n: number };
    expect(count.n).toBe(40);
    const lines = s.services.db.prepare('SELECT count(*) AS n FROM result_utterances').get() as { n: number };
    const expected = s.results
      .query({ kind: 'task', taskId }, {}, 0, 500)
      .calls.reduce((n, c) => n + c.utteranceCount, 0);
    expect(lines.n).toBe(expected);
  });

  it('picks up calls that finish after a sync, inside the overlap', async () => {
    const s = (current = await setupResults({ sandbox: { seed: 7, autoRun: false } }));
    const taskId = s.sandbox!.control.seedTask({ name: '新增', rows: 30, completed: 10 });
    await s.results.sync(taskId);
    s.sandbox!.control.advance(10 * 60_000); // the dialler finishes more rows
    const more = await s.results.sync(taskId);
    expect(more.added).toBeGreaterThan(0);
    const total = stored(s, taskId);
    expect(total).toBe(10 + more.added);
    expect((await s.results.sync(taskId)).added).toBe(0);
    expect(stored(s, taskId)).toBe(total);
  });

  it('reports progress, can be cancelled, and resumes from its cursor without duplicates', async () => {
    const s = (current = await setupResults({ sandbox: { seed: 9, autoRun: false, latencyMs: 30 } }));
    const taskId = s.sandbox!.control.seedTask({ name: '大任务', rows: 400, completed: 400 });
    const seen: SyncProgress[] = [];
    const cancelled = await s.results.sync(taskId, {
      onProgress: (p) => {
        seen.push(p);
        if (p.page === 3) s.results.cancel(taskId);
      },
    });
    expect(cancelled.complete).toBe(false);
    expect(seen.at(-1)?.phase).toBe('cancelled');
    const partial = stored(s, taskId);
    expect(partial).toBeGreaterThanOrEqual(45);
    expect(partial).toBeLessThan(400);
    const cursor = s.results.cursors.get(ACCOUNT, taskId)!;
    expect(cursor.complete).toBe(false);
    expect(cursor.cursor).toBeGreaterThan(cancelled.from); // resumes past what it already has

    const resumed = await s.results.sync(taskId);
    expect(resumed.from).toBe(cursor.cursor);
    expect(resumed.complete).toBe(true);
    expect(stored(s, taskId)).toBe(400);
    expect(
      s.events.some(([name, p]) => name === 'sync:progress' && (p as SyncProgress).phase === 'done'),
    ).toBe(true);
  });

  it('fetches one row’s call by outid and joins it to its call-list row', async () => {
    const s = (current = await setupResults({ sandbox: { seed: 11, autoRun: false } }));
    const taskId = s.sandbox!.control.seedTask({ name: '单条', rows: 5, completed: 5 });
    const review = await s.results.fetchCall(taskId, 'seed-2');
    expect(review?.call.outid).toBe('seed-2');
    expect(review?.call.taskId).toBe(taskId);
    expect(await s.results.fetchCall(taskId, 'nope')).toBeNull();
  });
});

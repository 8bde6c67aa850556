/**
 * The task dashboard from synced calls, checked against the calls themselves and against the
 * provider's own counters (query_task_info on the sandbox) for a finished task.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_APPID, SANDBOX_SIGNATURE } from '../../../electron/services/sandbox/index';
import { createSobotClient } from '../../../electron/services/sobot/index';
import { setupResults } from './support';

type Setup = Awaited<ReturnType<typeof setupResults>>;
let current: Setup | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

describe('task dashboard', () => {
  it('has the rates and breakdowns of the synced calls, and the provider’s counters agree', async () => {
    const s = (current = await setupResults({ sandbox: { seed: 41, autoRun: false } }));
    const taskId = s.sandbox!.control.seedTask({ name: '看板', rows: 120, completed: 120 });
    expect(s.results.dashboard(taskId)).toMatchObject({ calls: 0, answeredRate: 0, syncedAt: null });

    await s.results.sync(taskId);
    const board = s.results.dashboard(taskId);
    const calls = s.results.query({ kind: 'task', taskId }, {}, 0, 500).calls;
    const connected = calls.filter((c) => c.outcome === 'connected');
    const interested = connected.filter((c) => c.intentions.length > 0);
    expect(connected.length).toBeGreaterThan(0);
    expect(board).toMatchObject({
      taskId,
      calls: calls.length,
      connected: connected.length,
      withIntention: interested.length,
    });
    expect(board.answeredRate).toBeCloseTo(connected.length / calls.length, 10);
    expect(board.intentionRate).toBeCloseTo(interested.length / connected.length, 10);
    const talk = connected.reduce((sum, c) => sum + c.talkMs, 0) / connected.length;
    expect(board.averageTalkMs).toBe(Math.round(talk));
    expect(board.byOutcome.reduce((n, o) => n + o.count, 0)).toBe(calls.length);
    // Per label over the answered calls (a call with two labels counts under both; '' is none).
    for (const { label, count } of board.byIntention)
      expect(count).toBe(
        connected.filter((c) => (label === '' ? c.intentions.length === 0 : c.intentions.includes(label)))
          .length,
      );
    expect(board.byIntention.find((i) => i.label === '')?.count ?? 0).toBe(
      connected.length - interested.length,
    );
    expect(board.syncedAt).not.toBeNull();

    // The provider's counters for the same (finished) task say the same.
    const client = createSobotClient({
      baseUrl: s.sandbox!.url,
      appid: SANDBOX_APPID,
      signature: SANDBOX_SIGNATURE,
    });
    const [info] = await client.queryTaskInfo({ taskid: [taskId] });
    expect(info!.call_times).toBe(board.calls);
    expect(info!.call_connected_times).toBe(board.connected);
    // (Its call_intent_times is the provider's own notion of "interested", not "has a label":
    // the dashboard shows it beside the label rate rather than in place of it.)
    expect(info!.call_intent_times).toBeLessThanOrEqual(board.withIntention);
  });
});

/**
 * "Call these again": a call list made from a task's synced calls by the Results filter or the
 * chosen calls, through the feature (`results:toList`) and the CLI (`results --to-list`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../shared/results';
import { runResults } from '../../../electron/cli/commands/results';
import { capturedCliContext } from '../../support/cliContext';
import { addList, setupResults } from './support';

type Setup = Awaited<ReturnType<typeof setupResults>>;
let current: Setup | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

async function synced() {
  const s = (current = await setupResults({ sandbox: { seed: 31, autoRun: false } }));
  const taskId = s.sandbox!.control.seedTask({ name: '十二月回访', rows: 60, completed: 60 });
  await s.results.sync(taskId);
  const source = { kind: 'task', taskId } as const;
  const all = s.results.query(source, {}, 0, 500).calls;
  // The task's rows came from a list: join its calls to rows with a name and a company.
  const phones = [...new Set(all.map((c) => c.telephone))];
  const list = addList(
    s.services,
    '原名单',
    phones.map((phone, i) => ({ phone, outid: `o${i}`, name: `客户${i}` })),
  );
  s.results.linkList(taskId, list.id);
  return { s, taskId, source, all: s.results.query(source, {}, 0, 500).calls };
}

const byNumber = (calls: readonly CallResult[]) => new Map(calls.map((c) => [c.telephone, c]));

describe('call these again', () => {
  it('makes a list of the filter’s customers with their variables, one row per number, linked to the task', async () => {
    const { s, taskId, all } = await synced();
    const missed = all.filter((c) => c.outcome !== 'connected');
    expect(missed.length).toBeGreaterThan(3);
    const outcomes = [...new Set(missed.map((c) => c.outcome))];
    const report = s.results.toList({
      taskId,
      taskName: '十二月回访',
      filter: { outcomes },
      name: '未接通再拨',
    });
    const numbers = new Set(missed.map((c) => c.telephone));
    expect(report).toMatchObject({ calls: missed.length, rows: numbers.size, hidden: 0 });
    expect(report.repeated).toBe(missed.length - numbers.size);
    expect(report.list.origin).toEqual({
      kind: 'results',
      accountId: s.results.accountId,
      taskId,
      taskName: '十二月回访',
      calls: missed.length,
    });
    expect(report.list.columns.variables).toEqual(['姓名']);
    const rows = s.services.store.getRows(report.list.id, 0, 500);
    expect(rows).toHaveLength(numbers.size);
    const calls = byNumber(missed);
    for (const row of rows) {
      const call = calls.get(row.telephone!)!;
      expect(call).toBeDefined();
      expect(row.variables).toEqual(call.row!.variables);
      expect(row.problems).toEqual([]);
    }
    // The new list is a normal list: it is listed and its outids are its own.
    expect(s.services.store.listLists().map((l) => l.name)).toContain('未接通再拨');
    expect(new Set(rows.map((r) => r.outid)).size).toBe(rows.length);
  });

  it('takes only the chosen calls, and leaves hidden numbers out', async () => {
    const { s, taskId, all } = await synced();
    const chosen = all.slice(0, 3);
    // A provider that hides numbers stores them masked: such a call cannot be dialled again.
    s.services.db.prepare("UPDATE result_calls SET tel = '139****0000' WHERE callid = ?").run(chosen[2]!.id);
    const report = s.results.toList({ taskId, filter: {}, callIds: chosen.map((c) => c.id), name: '挑选' });
    expect(report.calls).toBe(3);
    expect(report.hidden).toBe(1);
    const rows = s.services.store.getRows(report.list.id, 0, 10);
    expect(rows.map((r) => r.telephone).sort()).toEqual(
      [...new Set(chosen.slice(0, 2).map((c) => c.telephone))].sort(),
    );
  });

  it('from the CLI: results TASK --status … --to-list NAME, and a wrong outcome is a usage error', async () => {
    const { s, taskId, all } = await synced();
    const busy = all.filter((c) => c.outcome === 'no_answer' || c.outcome === 'busy');
    const { ctx, out } = capturedCliContext(true);
    ctx.locale = 'en';
    const code = await runResults(
      s.results,
      [taskId, '--status', 'no_answer,busy', '--to-list', '再打'],
      ctx,
    );
    expect(code).toBe(0);
    const report = JSON.parse(out.stdout) as { calls: number; rows: number; list: { id: number } };
    expect(report.calls).toBe(busy.length);
    expect(report.rows).toBe(new Set(busy.map((c) => c.telephone)).size);
    expect(s.services.store.getList(report.list.id).name).toBe('再打');
    await expect(runResults(s.results, [taskId, '--status', 'answered'], ctx)).rejects.toThrow(/--status/);
  });
});

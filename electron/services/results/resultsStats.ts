import type { Database } from 'better-sqlite3';
import type { OutcomeCodes } from '../../../shared/outcomeGroups';
import type {
  CallOutcome,
  ResultsCounts,
  ResultsFilter,
  ResultsSource,
  TaskDashboard,
} from '../../../shared/results';
import { groupExpression, whereOf } from './resultsFilter';

/**
 * Calls per outcome and per intention, faceted: the outcome counts apply every filter but the
 * outcome one, the intention counts every filter but the intention one, so the operator sees
 * what adding another outcome or intention would bring. `total` applies the whole filter.
 */
export function countResults(
  db: Database,
  groups: OutcomeCodes | null,
  accountId: string,
  source: ResultsSource,
  filter: ResultsFilter,
): ResultsCounts {
  const { outcomes: _outcomes, outcomeGroups: _groups, ...withoutOutcome } = filter;
  const { intentions: _intentions, ...withoutIntention } = filter;
  const where = whereOf(accountId, source, withoutOutcome, groups);
  const whereIntention = whereOf(accountId, source, withoutIntention, groups);
  const byOutcome = db
    .prepare<unknown[], { outcome: CallOutcome; count: number }>(
      `SELECT c.outcome AS outcome, count(*) AS count FROM result_calls c WHERE ${where.sql}
       GROUP BY c.outcome ORDER BY count DESC, c.outcome`,
    )
    .all(...where.params);
  const byIntention = db
    .prepare<unknown[], { label: string; count: number }>(
      `SELECT coalesce(i.label, '') AS label, count(*) AS count FROM result_calls c
       LEFT JOIN result_intentions i ON i.account_id = c.account_id AND i.callid = c.callid
       WHERE ${whereIntention.sql} GROUP BY label ORDER BY count DESC, label`,
    )
    .all(...whereIntention.params);
  const chosen = filter.outcomes?.length ? new Set(filter.outcomes) : null;
  let total = byOutcome.reduce((sum, o) => (chosen && !chosen.has(o.outcome) ? sum : sum + o.count), 0);
  if (!groups) return { total, byOutcome, byIntention };

  const group = groupExpression(groups);
  const counted = new Map(
    db
      .prepare<unknown[], { grp: string | null; count: number }>(
        `SELECT ${group.sql} AS grp, count(*) AS count FROM result_calls c WHERE ${where.sql} GROUP BY grp`,
      )
      .all(...group.params, ...where.params)
      .map((row) => [row.grp, row.count]),
  );
  const wanted = new Set(filter.outcomeGroups ?? []);
  // The provider's order (success first), groups with calls and any chosen one.
  const byGroup = groups.groups
    .filter((g) => (counted.get(g.id) ?? 0) > 0 || wanted.has(g.id))
    .map((g) => ({ group: g.id, label: g.label, count: counted.get(g.id) ?? 0 }));
  if (wanted.size > 0) {
    const whole = whereOf(accountId, source, filter, groups);
    total = db
      .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM result_calls c WHERE ${whole.sql}`)
      .get(...whole.params)!.n;
  }
  return { total, byOutcome, byGroup, byIntention };
}

/** A task's rates and breakdowns from its stored calls (see TaskDashboard), without syncedAt. */
export function dashboardOf(
  db: Database,
  groups: OutcomeCodes | null,
  accountId: string,
  taskId: string,
): Omit<TaskDashboard, 'syncedAt'> {
  const totals = db
    .prepare<[string, string], { calls: number; connected: number; intent: number; talk: number }>(
      `SELECT count(*) AS calls,
         coalesce(sum(outcome = 'connected'), 0) AS connected,
         coalesce(sum(outcome = 'connected' AND intentions <> ''), 0) AS intent,
         coalesce(sum(CASE WHEN outcome = 'connected' THEN talk_ms ELSE 0 END), 0) AS talk
       FROM result_calls WHERE account_id = ? AND task_id = ?`,
    )
    .get(accountId, taskId)!;
  const source = { kind: 'task', taskId } as const;
  const { byOutcome } = countResults(db, groups, accountId, source, {});
  const { byIntention } = countResults(db, groups, accountId, source, { outcomes: ['connected'] });
  const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);
  return {
    taskId,
    calls: totals.calls,
    connected: totals.connected,
    withIntention: totals.intent,
    answeredRate: share(totals.connected, totals.calls),
    intentionRate: share(totals.intent, totals.connected),
    averageTalkMs: totals.connected > 0 ? Math.round(totals.talk / totals.connected) : 0,
    byOutcome,
    byIntention,
  };
}

/**
 * Stored calls per task that started within each bucket ([start, end)), for the calls chart of
 * a provider that does not count calls over time: one map per bucket, task id to count (tasks
 * without a call in a bucket are absent). Every stored call counts, whatever its outcome, as
 * the provider's own count of a task's calls does.
 */
export function callsOverTime(
  db: Database,
  accountId: string,
  ids: readonly string[],
  buckets: readonly { start: number; end: number }[],
): Map<string, number>[] {
  if (ids.length === 0) return buckets.map(() => new Map());
  const statement = db.prepare<[string, string, number, number], { task_id: string; n: number }>(
    `SELECT task_id, count(*) AS n FROM result_calls
     WHERE account_id = ? AND task_id IN (SELECT value FROM json_each(?))
       AND start_time >= ? AND start_time < ?
     GROUP BY task_id`,
  );
  const wanted = JSON.stringify(ids);
  return buckets.map(
    (b) => new Map(statement.all(accountId, wanted, b.start, b.end).map((row) => [row.task_id, row.n])),
  );
}

/** Calls stored per task of the account. */
export function taskCounts(db: Database, accountId: string): Map<string, number> {
  const rows = db
    .prepare<[string], { task_id: string; n: number }>(
      'SELECT task_id, count(*) AS n FROM result_calls WHERE account_id = ? AND task_id IS NOT NULL GROUP BY task_id',
    )
    .all(accountId);
  return new Map(rows.map((row) => [row.task_id, row.n]));
}

/** Calls joined per call list. */
export function listCounts(db: Database): Map<number, number> {
  const rows = db
    .prepare<[], { list_id: number; n: number }>(
      'SELECT list_id, count(*) AS n FROM result_calls WHERE list_id IS NOT NULL GROUP BY list_id',
    )
    .all();
  return new Map(rows.map((row) => [row.list_id, row.n]));
}

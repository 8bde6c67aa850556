import { normalizePhone } from '../../../shared/phone';
import { isCatchAll, type OutcomeCodes, type OutcomeGroup } from '../../../shared/outcomeGroups';
import type { Database } from 'better-sqlite3';
import type {
  CallOutcome,
  CallResult,
  ResultsCounts,
  ResultsFilter,
  ResultsPage,
  ResultsSource,
  TaskDashboard,
  TranscriptState,
} from '../../../shared/results';
import type { CallTimingFacts, RecordingRef, StoredUtterance } from '../providers/types';
import { LABEL_SEPARATOR } from './callStore';

/** A review before its lines are placed on the recording (the provider places them). */
export interface StoredReview {
  call: CallResult;
  lines: StoredUtterance[];
  transcript: TranscriptState;
}

/** A stored call joined with its call-list row and list, as the queries read it. */
interface CallRecord {
  callid: string;
  task_id: string | null;
  outid: string | null;
  outcome: CallOutcome;
  outcome_code: string;
  intentions: string;
  tel: string;
  caller: string;
  start_time: number | null;
  answer_time: number | null;
  end_time: number | null;
  call_ms: number;
  talk_ms: number;
  utterance_count: number;
  recording: string | null;
  transcript_state: TranscriptState;
  row_id: number | null;
  list_id: number | null;
  row_variables: string | null;
  list_name: string | null;
  list_columns: string | null;
}

const SELECT_CALL = `SELECT c.callid, c.task_id, c.outid, c.outcome, c.outcome_code, c.intentions, c.tel,
  c.caller, c.start_time, c.answer_time, c.end_time, c.call_ms, c.talk_ms, c.utterance_count, c.recording,
  c.transcript_state,
  r.id AS row_id, r.list_id AS list_id, r.variables AS row_variables, l.name AS list_name,
  l.columns AS list_columns
  FROM result_calls c
  LEFT JOIN call_rows r ON r.id = c.row_id
  LEFT JOIN call_lists l ON l.id = r.list_id AND l.state = 'ready'`;

function toCallResult(record: CallRecord): CallResult {
  let row: CallResult['row'] = null;
  if (record.row_id !== null && record.list_id !== null && record.list_name !== null) {
    const columns = JSON.parse(record.list_columns ?? '{}') as { variables?: string[] };
    row = {
      listId: record.list_id,
      rowId: record.row_id,
      listName: record.list_name,
      variables: JSON.parse(record.row_variables ?? '[]') as string[],
      variableNames: columns.variables ?? [],
    };
  }
  return {
    id: record.callid,
    taskId: record.task_id,
    outid: record.outid,
    outcome: record.outcome,
    outcomeCode: record.outcome_code,
    intentions: record.intentions === '' ? [] : record.intentions.split(LABEL_SEPARATOR),
    telephone: record.tel,
    callerNumber: record.caller,
    startedAt: record.start_time,
    answeredAt: record.answer_time,
    endedAt: record.end_time,
    callMs: record.call_ms,
    talkMs: record.talk_ms,
    utteranceCount: record.utterance_count,
    transcript: record.transcript_state,
    hasRecording: record.recording !== null,
    row,
  };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`. */
function likeText(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * "Find a customer": 4 digits are the number's end (masked numbers keep theirs; an expression
 * index answers it), a whole number is matched normalised (the telephone index), other digits
 * anywhere in the number, anything else as the start of one of the call's list row values (a
 * name, a surname: the index of result_call_values).
 */
function customerCondition(
  raw: string | undefined,
  accountId: string,
): { sql: string; params: string[]; byValue: boolean } | null {
  const wanted = raw?.trim();
  if (!wanted) return null;
  const digits = wanted.replace(/[\s\u00a0\u3000\-()（）]/g, '');
  if (/^\d{4}$/.test(digits)) return { sql: 'substr(c.tel, -4) = ?', params: [digits], byValue: false };
  if (/^\+?\d{5,}$/.test(digits)) {
    const check = normalizePhone(digits);
    if (check.ok) return { sql: 'c.tel = ?', params: [check.telephone], byValue: false };
    return { sql: "c.tel LIKE ? ESCAPE '\\'", params: [likeText(digits.replace(/^\+/, ''))], byValue: false };
  }
  // A prefix of any of the row's values: an index range (U+10FFFF sorts after every character),
  // then each call by its key. Within the active account (a list's calls may span accounts).
  return {
    sql: `c.account_id = ? AND c.callid IN (SELECT v.callid FROM result_call_values v
           WHERE v.account_id = ? AND v.value >= ? AND v.value < ?)`,
    params: [accountId, accountId, wanted, `${wanted}\u{10FFFF}`],
    byValue: true,
  };
}

/** A group's own test: the call's outcome or code is one it lists (null for a catch-all). */
function ownCondition(group: OutcomeGroup): { sql: string; params: string[] } | null {
  if (isCatchAll(group)) return null;
  const either: string[] = [];
  const params: string[] = [];
  if (group.outcomes?.length) {
    either.push(`c.outcome IN (${group.outcomes.map(() => '?').join(',')})`);
    params.push(...group.outcomes);
  }
  if (group.codes?.length) {
    either.push(`c.outcome_code IN (${group.codes.map(() => '?').join(',')})`);
    params.push(...group.codes.map((c) => c.code));
  }
  return { sql: `(${either.join(' OR ')})`, params };
}

/**
 * The SQL expression naming a call's group (the first group whose outcomes or codes it has, the
 * catch-all otherwise; NULL when no group takes it): shared/outcomeGroups.ts `groupOf` in SQL,
 * used both to count the groups and to filter by them, so the two cannot disagree.
 */
export function groupExpression(spec: OutcomeCodes): { sql: string; params: string[] } {
  const whens: string[] = [];
  const params: string[] = [];
  let otherwise: string | null = null;
  for (const group of spec.groups) {
    const own = ownCondition(group);
    if (!own) {
      otherwise = group.id;
      break;
    }
    whens.push(`WHEN ${own.sql} THEN ?`);
    params.push(...own.params, group.id);
  }
  if (whens.length === 0)
    return otherwise === null ? { sql: 'NULL', params } : { sql: '?', params: [otherwise] };
  if (otherwise === null) return { sql: `(CASE ${whens.join(' ')} ELSE NULL END)`, params };
  return { sql: `(CASE ${whens.join(' ')} ELSE ? END)`, params: [...params, otherwise] };
}

/**
 * The WHERE clause and parameters for a source and filter (every value bound, never spliced).
 * `groups`: the account's provider's code groups; without them `filter.outcomeGroups` is ignored.
 */
export function whereOf(
  accountId: string,
  source: ResultsSource,
  filter: ResultsFilter,
  groups: OutcomeCodes | null = null,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const customer = customerCondition(filter.customer, accountId);
  // A customer found by a value is a handful of calls reached by their keys: `+` keeps the
  // task's and list's indexes (which would walk every call of the task) out of the plan, so it
  // does not depend on the planner's statistics being fresh.
  const unindexed = customer?.byValue ? '+' : '';
  if (source.kind === 'task') {
    parts.push(`c.account_id = ? AND ${unindexed}c.task_id = ?`);
    params.push(accountId, source.taskId);
  } else {
    parts.push(`${unindexed}c.list_id = ?`);
    params.push(source.listId);
  }
  if (filter.outcomes && filter.outcomes.length > 0) {
    parts.push(`c.outcome IN (${filter.outcomes.map(() => '?').join(',')})`);
    params.push(...filter.outcomes);
  }
  if (groups && filter.outcomeGroups && filter.outcomeGroups.length > 0) {
    const group = groupExpression(groups);
    parts.push(`${group.sql} IN (${filter.outcomeGroups.map(() => '?').join(',')})`);
    params.push(...group.params, ...filter.outcomeGroups);
  }
  if (filter.intentions && filter.intentions.length > 0) {
    const labels = filter.intentions.filter((label) => label !== '');
    const either: string[] = [];
    if (labels.length > 0) {
      either.push(
        `EXISTS (SELECT 1 FROM result_intentions i WHERE i.account_id = c.account_id AND i.callid = c.callid
         AND i.label IN (${labels.map(() => '?').join(',')}))`,
      );
      params.push(...labels);
    }
    if (filter.intentions.includes('')) either.push("c.intentions = ''");
    parts.push(`(${either.join(' OR ')})`);
  }
  if (filter.minTalkSeconds !== undefined) {
    parts.push('c.talk_ms >= ?');
    params.push(Math.round(filter.minTalkSeconds * 1000));
  }
  if (filter.maxTalkSeconds !== undefined) {
    parts.push('c.talk_ms <= ?');
    params.push(Math.round(filter.maxTalkSeconds * 1000));
  }
  if (filter.from !== undefined) {
    parts.push('c.start_time >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    parts.push('c.start_time < ?');
    params.push(filter.to);
  }
  const text = filter.text?.trim();
  if (text) {
    parts.push("c.transcript LIKE ? ESCAPE '\\'");
    params.push(likeText(text));
  }
  if (customer) {
    parts.push(customer.sql);
    params.push(...customer.params);
  }
  return { sql: parts.join(' AND '), params };
}

/** Read side of the results tables: the table's pages, counts and one call's review. */
export class ResultsReader {
  /**
   * `groupsOf`: the code groups of an account's provider (`capabilities.outcomeCodes`); the
   * counts then count them and the filter takes them. Default: none.
   */
  constructor(
    private readonly db: Database,
    private readonly groupsOf: (accountId: string) => OutcomeCodes | null = () => null,
  ) {}

  page(
    accountId: string,
    source: ResultsSource,
    filter: ResultsFilter,
    offset: number,
    limit: number,
  ): ResultsPage {
    const where = whereOf(accountId, source, filter, this.groupsOf(accountId));
    // Finding a customer matches a few calls: sort them rather than walk the task's calls in
    // time order hoping to meet them (`+` keeps the time index out of the plan).
    const order = filter.customer?.trim() ? '+c.start_time DESC, c.callid' : 'c.start_time DESC, c.callid';
    const total = this.db
      .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM result_calls c WHERE ${where.sql}`)
      .get(...where.params)!.n;
    const calls = this.db
      .prepare<unknown[], CallRecord>(`${SELECT_CALL} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset)
      .map(toCallResult);
    return { total, offset, calls };
  }

  /** Every matching call, newest first, in chunks (for export). */
  *each(
    accountId: string,
    source: ResultsSource,
    filter: ResultsFilter,
    chunk = 2000,
  ): Generator<StoredReview> {
    for (let offset = 0; ; offset += chunk) {
      const { calls } = this.page(accountId, source, filter, offset, chunk);
      for (const call of calls) yield this.review(accountId, call, call.transcript);
      if (calls.length < chunk) return;
    }
  }

  /**
   * Calls per outcome and per intention, faceted: the outcome counts apply every filter but the
   * outcome one, the intention counts every filter but the intention one, so the operator sees
   * what adding another outcome or intention would bring. `total` applies the whole filter.
   */
  counts(accountId: string, source: ResultsSource, filter: ResultsFilter): ResultsCounts {
    const groups = this.groupsOf(accountId);
    const { outcomes: _outcomes, outcomeGroups: _groups, ...withoutOutcome } = filter;
    const { intentions: _intentions, ...withoutIntention } = filter;
    const where = whereOf(accountId, source, withoutOutcome, groups);
    const whereIntention = whereOf(accountId, source, withoutIntention, groups);
    const byOutcome = this.db
      .prepare<unknown[], { outcome: CallOutcome; count: number }>(
        `SELECT c.outcome AS outcome, count(*) AS count FROM result_calls c WHERE ${where.sql}
         GROUP BY c.outcome ORDER BY count DESC, c.outcome`,
      )
      .all(...where.params);
    const byIntention = this.db
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
      this.db
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
      total = this.db
        .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM result_calls c WHERE ${whole.sql}`)
        .get(...whole.params)!.n;
    }
    return { total, byOutcome, byGroup, byIntention };
  }

  /** A task's rates and breakdowns from its stored calls (see TaskDashboard), without syncedAt. */
  dashboard(accountId: string, taskId: string): Omit<TaskDashboard, 'syncedAt'> {
    const totals = this.db
      .prepare<[string, string], { calls: number; connected: number; intent: number; talk: number }>(
        `SELECT count(*) AS calls,
           coalesce(sum(outcome = 'connected'), 0) AS connected,
           coalesce(sum(outcome = 'connected' AND intentions <> ''), 0) AS intent,
           coalesce(sum(CASE WHEN outcome = 'connected' THEN talk_ms ELSE 0 END), 0) AS talk
         FROM result_calls WHERE account_id = ? AND task_id = ?`,
      )
      .get(accountId, taskId)!;
    const source = { kind: 'task', taskId } as const;
    const { byOutcome } = this.counts(accountId, source, {});
    const { byIntention } = this.counts(accountId, source, { outcomes: ['connected'] });
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

  /** One call of the account with its stored lines, or null. */
  call(accountId: string, callId: string): StoredReview | null {
    const record = this.db
      .prepare<[string, string], CallRecord>(`${SELECT_CALL} WHERE c.account_id = ? AND c.callid = ?`)
      .get(accountId, callId);
    return record ? this.review(accountId, toCallResult(record), record.transcript_state) : null;
  }

  /** Of these numbers, those the task's synced calls hold (already dialled). */
  dialledAmong(accountId: string, taskId: string, telephones: readonly string[]): Set<string> {
    if (telephones.length === 0) return new Set();
    const rows = this.db
      .prepare<[string, string, string], { tel: string }>(
        `SELECT DISTINCT tel FROM result_calls
         WHERE account_id = ? AND task_id = ? AND tel IN (SELECT value FROM json_each(?))`,
      )
      .all(accountId, taskId, JSON.stringify(telephones));
    return new Set(rows.map((row) => row.tel));
  }

  /** A call's telephone as stored (masked numbers keep their `*`); undefined when unknown. */
  telephoneOf(accountId: string, callId: string): string | undefined {
    return this.db
      .prepare<[string, string], { tel: string }>(
        'SELECT tel FROM result_calls WHERE account_id = ? AND callid = ?',
      )
      .get(accountId, callId)?.tel;
  }

  /** Where a call's recording is (kept in main: a URL may carry a storage signature). */
  recording(accountId: string, callId: string): RecordingRef | null | undefined {
    const row = this.db
      .prepare<[string, string], { recording: string | null }>(
        'SELECT recording FROM result_calls WHERE account_id = ? AND callid = ?',
      )
      .get(accountId, callId);
    if (!row) return undefined;
    return row.recording === null ? null : (JSON.parse(row.recording) as RecordingRef);
  }

  /** The call facts a provider's placement rule may need. */
  static timing(call: CallResult): CallTimingFacts {
    return {
      startedAt: call.startedAt,
      answeredAt: call.answeredAt,
      callMs: call.callMs,
      talkMs: call.talkMs,
    };
  }

  private review(accountId: string, call: CallResult, state: TranscriptState | undefined): StoredReview {
    const lines = this.lines(accountId, call.id);
    return { call, lines, transcript: state ?? (lines.length > 0 ? 'ready' : 'none') };
  }

  lines(accountId: string, callId: string): StoredUtterance[] {
    return this.db
      .prepare<
        [string, string],
        {
          speaker: StoredUtterance['speaker'];
          text: string;
          at: number | null;
          start_ms: number | null;
          end_ms: number | null;
          remark: string | null;
        }
      >(
        `SELECT speaker, text, at, start_ms, end_ms, remark FROM result_utterances
         WHERE account_id = ? AND callid = ? ORDER BY idx`,
      )
      .all(accountId, callId)
      .map((line) => ({
        speaker: line.speaker,
        text: line.text,
        at: line.at,
        startMs: line.start_ms,
        endMs: line.end_ms,
        remark: line.remark,
      }));
  }

  /**
   * Stored calls per task that started within each bucket ([start, end)), for the calls chart of
   * a provider that does not count calls over time: one map per bucket, task id to count (tasks
   * without a call in a bucket are absent). Every stored call counts, whatever its outcome, as
   * the provider's own count of a task's calls does.
   */
  callsOverTime(
    accountId: string,
    ids: readonly string[],
    buckets: readonly { start: number; end: number }[],
  ): Map<string, number>[] {
    if (ids.length === 0) return buckets.map(() => new Map());
    const statement = this.db.prepare<[string, string, number, number], { task_id: string; n: number }>(
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
  taskCounts(accountId: string): Map<string, number> {
    const rows = this.db
      .prepare<[string], { task_id: string; n: number }>(
        'SELECT task_id, count(*) AS n FROM result_calls WHERE account_id = ? AND task_id IS NOT NULL GROUP BY task_id',
      )
      .all(accountId);
    return new Map(rows.map((row) => [row.task_id, row.n]));
  }

  /** Calls joined per call list. */
  listCounts(): Map<number, number> {
    const rows = this.db
      .prepare<[], { list_id: number; n: number }>(
        'SELECT list_id, count(*) AS n FROM result_calls WHERE list_id IS NOT NULL GROUP BY list_id',
      )
      .all();
    return new Map(rows.map((row) => [row.list_id, row.n]));
  }
}

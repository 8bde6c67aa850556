import type { Database } from 'better-sqlite3';
import type { OutcomeCodes } from '../../../shared/outcomeGroups';
import type {
  CallResult,
  ResultsCounts,
  ResultsFilter,
  ResultsPage,
  ResultsSource,
  TaskDashboard,
} from '../../../shared/results';
import type { CallTimingFacts, RecordingRef, StoredUtterance } from '../providers/types';
import {
  type CallRecord,
  dialledAmong,
  recordingOf,
  reviewOf,
  SELECT_CALL,
  storedCall,
  storedLines,
  type StoredReview,
  telephoneOf,
  toCallResult,
} from './callLookups';
import { whereOf } from './resultsFilter';
import { callsOverTime, countResults, dashboardOf, listCounts, taskCounts } from './resultsStats';

export type { StoredReview } from './callLookups';

/**
 * Read side of the results tables: the table's pages, counts and one call's review. The filter's
 * SQL is built in resultsFilter.ts, the counts and dashboards are in resultsStats.ts, one call's
 * lookups in callLookups.ts.
 */
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
      for (const call of calls) yield reviewOf(this.db, accountId, call, call.transcript);
      if (calls.length < chunk) return;
    }
  }

  /** Calls per outcome, code group and intention, faceted (see `countResults`). */
  counts(accountId: string, source: ResultsSource, filter: ResultsFilter): ResultsCounts {
    return countResults(this.db, this.groupsOf(accountId), accountId, source, filter);
  }

  /** A task's rates and breakdowns from its stored calls, without syncedAt (see `dashboardOf`). */
  dashboard(accountId: string, taskId: string): Omit<TaskDashboard, 'syncedAt'> {
    return dashboardOf(this.db, this.groupsOf(accountId), accountId, taskId);
  }

  /** One call of the account with its stored lines, or null. */
  call(accountId: string, callId: string): StoredReview | null {
    return storedCall(this.db, accountId, callId);
  }

  /** Of these numbers, those the task's synced calls hold (already dialled). */
  dialledAmong(accountId: string, taskId: string, telephones: readonly string[]): Set<string> {
    return dialledAmong(this.db, accountId, taskId, telephones);
  }

  /** A call's telephone as stored (masked numbers keep their `*`); undefined when unknown. */
  telephoneOf(accountId: string, callId: string): string | undefined {
    return telephoneOf(this.db, accountId, callId);
  }

  /** Where a call's recording is (kept in main: a URL may carry a storage signature). */
  recording(accountId: string, callId: string): RecordingRef | null | undefined {
    return recordingOf(this.db, accountId, callId);
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

  lines(accountId: string, callId: string): StoredUtterance[] {
    return storedLines(this.db, accountId, callId);
  }

  /** Stored calls per task started within each bucket (see `callsOverTime` in resultsStats.ts). */
  callsOverTime(
    accountId: string,
    ids: readonly string[],
    buckets: readonly { start: number; end: number }[],
  ): Map<string, number>[] {
    return callsOverTime(this.db, accountId, ids, buckets);
  }

  /** Calls stored per task of the account. */
  taskCounts(accountId: string): Map<string, number> {
    return taskCounts(this.db, accountId);
  }

  /** Calls joined per call list. */
  listCounts(): Map<number, number> {
    return listCounts(this.db);
  }
}

import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { TranscriptState } from '../../../shared/results';
import type { CallTiming, ProviderCall, StoredUtterance } from '../providers/types';
import type { OutidResolver } from './resolver';

/** Intention labels are stored joined with U+0001 (as iCall sends them). */
export const LABEL_SEPARATOR = '\u0001';

/**
 * A stored call whose end is known (times looked up on their own: CEC's call detail) keeps its
 * times when a later sync or push of it carries none.
 */
const KEEP_TIMING = 'excluded.end_time IS NULL AND end_time IS NOT NULL';

/** Where a batch of calls came from: a task's sync, or a push whose task the resolver finds. */
export interface IngestContext {
  accountId: string;
  /** The task being synced; null for pushes (the call or the resolver decides). */
  taskId: string | null;
  now: number;
}

/** What one ingest did. */
export interface IngestCounts {
  added: number;
  /** Calls stored before whose content changed (a later state, a transcript, a recording). */
  updated: number;
  /** Calls stored before and answered again exactly as they were (nothing written). */
  unchanged: number;
  /** The task each call landed on (null when unknown), in input order. */
  taskIds: (string | null)[];
}

/**
 * Writes calls with their transcripts, deduplicated by (account, call id): a call seen again (the
 * sync overlap, a push after a sync) replaces its earlier facts. Each batch is one transaction.
 */
export class CallStore {
  private readonly exists: Statement<
    [string, string],
    {
      task_id: string | null;
      outid: string | null;
      row_id: number | null;
      fingerprint: string | null;
      transcript: string;
      transcript_state: TranscriptState;
      utterance_count: number;
    }
  >;
  private readonly upsert: Statement;
  private readonly dropLines: Statement<[string, string]>;
  private readonly addLine: Statement;
  private readonly dropLabels: Statement<[string, string]>;
  private readonly addLabel: Statement<[string, string, string]>;

  constructor(
    readonly db: Database,
    private readonly resolver: OutidResolver,
  ) {
    this.exists = db.prepare(
      `SELECT task_id, outid, row_id, fingerprint, transcript, transcript_state, utterance_count
       FROM result_calls WHERE account_id = ? AND callid = ?`,
    );
    this.upsert = db.prepare(`
      INSERT INTO result_calls (account_id, callid, task_id, outid, outcome, outcome_code, intentions, tel,
        caller, start_time, answer_time, end_time, call_ms, talk_ms, recording, deleted, list_id, row_id,
        transcript, transcript_state, utterance_count, updated_at, fingerprint)
      VALUES (@account_id, @callid, @task_id, @outid, @outcome, @outcome_code, @intentions, @tel,
        @caller, @start_time, @answer_time, @end_time, @call_ms, @talk_ms, @recording, @deleted, @list_id, @row_id,
        @transcript, @transcript_state, @utterance_count, @updated_at, @fingerprint)
      ON CONFLICT (account_id, callid) DO UPDATE SET fingerprint = excluded.fingerprint,
        task_id = coalesce(excluded.task_id, task_id), outid = coalesce(excluded.outid, outid),
        outcome = excluded.outcome, outcome_code = excluded.outcome_code, intentions = excluded.intentions,
        tel = excluded.tel, caller = excluded.caller, start_time = excluded.start_time,
        answer_time = CASE WHEN ${KEEP_TIMING} THEN answer_time ELSE excluded.answer_time END,
        end_time = CASE WHEN ${KEEP_TIMING} THEN end_time ELSE excluded.end_time END,
        call_ms = CASE WHEN ${KEEP_TIMING} THEN call_ms ELSE excluded.call_ms END,
        talk_ms = CASE WHEN ${KEEP_TIMING} THEN talk_ms ELSE excluded.talk_ms END,
        recording = excluded.recording,
        deleted = excluded.deleted, list_id = coalesce(excluded.list_id, list_id),
        row_id = coalesce(excluded.row_id, row_id), transcript = excluded.transcript,
        transcript_state = excluded.transcript_state, utterance_count = excluded.utterance_count,
        updated_at = excluded.updated_at`);
    this.dropLines = db.prepare('DELETE FROM result_utterances WHERE account_id = ? AND callid = ?');
    this.addLine = db.prepare(
      `INSERT INTO result_utterances (account_id, callid, idx, speaker, text, at, start_ms, end_ms, remark)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.dropLabels = db.prepare('DELETE FROM result_intentions WHERE account_id = ? AND callid = ?');
    this.addLabel = db.prepare(
      'INSERT OR IGNORE INTO result_intentions (account_id, callid, label) VALUES (?, ?, ?)',
    );
  }

  /** Stores calls in one transaction. Calls without an id (never dialled) are skipped. */
  ingest(calls: readonly ProviderCall[], context: IngestContext): IngestCounts {
    const counts: IngestCounts = { added: 0, updated: 0, unchanged: 0, taskIds: [] };
    this.db.transaction(() => {
      for (const call of calls) counts.taskIds.push(this.ingestOne(call, context, counts));
    })();
    return counts;
  }

  private ingestOne(call: ProviderCall, context: IngestContext, counts: IngestCounts): string | null {
    if (!call.id) return context.taskId;
    const known = context.taskId ?? call.taskId;
    const on = known === null ? undefined : { accountId: context.accountId, taskId: known };
    const target = call.rowKey
      ? this.resolver.taskFor(call.rowKey, on)
      : on && call.telephone
        ? (this.resolver.rowForTelephone?.(call.telephone, on) ?? null)
        : null;
    const accountId = known === null ? (target?.accountId ?? context.accountId) : context.accountId;
    const taskId = known ?? target?.taskId ?? null;
    const before = this.exists.get(accountId, call.id);
    const fingerprint = fingerprintOf(call);
    // A re-sync answers every earlier call of its window again: one the provider reports as it
    // was (and that joins no other row) is counted as unchanged and not written again.
    if (before && before.fingerprint === fingerprint && (!target || target.rowId === before.row_id)) {
      counts.unchanged++;
      return taskId ?? before.task_id ?? null;
    }
    // A transcript fetched on its own (ready, or failed for good) outlives a later sync or push
    // of the call, which carries none.
    const keep =
      before !== undefined &&
      call.utterances.length === 0 &&
      call.transcript !== 'ready' &&
      (before.transcript_state === 'ready' || before.transcript_state === 'failed');
    this.upsert.run({
      fingerprint,
      account_id: accountId,
      callid: call.id,
      task_id: taskId,
      outid: call.rowKey || target?.outid || null,
      outcome: call.outcome,
      outcome_code: call.outcomeCode,
      intentions: call.intentions.join(LABEL_SEPARATOR),
      tel: call.telephone,
      caller: call.callerNumber,
      start_time: call.startedAt,
      answer_time: call.answeredAt,
      end_time: call.endedAt,
      call_ms: call.callMs,
      talk_ms: call.talkMs,
      recording: call.recording ? JSON.stringify(call.recording) : null,
      deleted: call.deleted ? 1 : 0,
      list_id: target?.listId ?? null,
      row_id: target?.rowId ?? null,
      transcript: keep ? before.transcript : call.utterances.map((line) => line.text).join('\n'),
      transcript_state: keep ? before.transcript_state : call.transcript,
      utterance_count: keep ? before.utterance_count : call.utterances.length,
      updated_at: context.now,
    });
    if (!keep) this.replaceLines(accountId, call.id, call.utterances);
    this.dropLabels.run(accountId, call.id);
    for (const label of call.intentions) this.addLabel.run(accountId, call.id, label);
    if (before) counts.updated++;
    else counts.added++;
    return taskId ?? before?.task_id ?? null;
  }

  /** Stores a call's times looked up on their own (see Provider.callTiming) on a stored call. */
  storeTiming(accountId: string, callId: string, timing: CallTiming, now: number): void {
    this.db
      .prepare(
        `UPDATE result_calls SET answer_time = ?, end_time = ?, call_ms = ?, talk_ms = ?, updated_at = ?
         WHERE account_id = ? AND callid = ?`,
      )
      .run(timing.answeredAt, timing.endedAt, timing.callMs, timing.talkMs, now, accountId, callId);
  }

  /** Stores a transcript fetched on its own (see Provider.fetchTranscript) on a stored call. */
  storeTranscript(
    accountId: string,
    callId: string,
    transcript: { state: TranscriptState; utterances: readonly StoredUtterance[] },
    now: number,
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE result_calls SET transcript = ?, transcript_state = ?, utterance_count = ?, updated_at = ?
           WHERE account_id = ? AND callid = ?`,
        )
        .run(
          transcript.utterances.map((line) => line.text).join('\n'),
          transcript.state,
          transcript.utterances.length,
          now,
          accountId,
          callId,
        );
      this.replaceLines(accountId, callId, transcript.utterances);
    })();
  }

  private replaceLines(accountId: string, callId: string, lines: readonly StoredUtterance[]): void {
    this.dropLines.run(accountId, callId);
    lines.forEach((line, idx) =>
      this.addLine.run(
        accountId,
        callId,
        idx,
        line.speaker,
        line.text,
        line.at,
        line.startMs,
        line.endMs,
        line.remark,
      ),
    );
  }

  /** Links a task to the call list its rows came from (null unlinks) and joins its calls by telephone. */
  linkList(accountId: string, taskId: string, listId: number | null): number {
    return this.db.transaction(() => {
      if (listId === null) {
        this.db
          .prepare('DELETE FROM result_task_lists WHERE account_id = ? AND task_id = ?')
          .run(accountId, taskId);
        return 0;
      }
      this.db
        .prepare(
          `INSERT INTO result_task_lists (account_id, task_id, list_id) VALUES (?, ?, ?)
           ON CONFLICT (account_id, task_id) DO UPDATE SET list_id = excluded.list_id`,
        )
        .run(accountId, taskId, listId);
      return this.joinByTelephone(accountId, taskId);
    })();
  }

  /** The call list linked to a task, or null. */
  linkedList(accountId: string, taskId: string): number | null {
    return (
      this.db
        .prepare<[string, string], { list_id: number }>(
          'SELECT list_id FROM result_task_lists WHERE account_id = ? AND task_id = ?',
        )
        .get(accountId, taskId)?.list_id ?? null
    );
  }

  /**
   * Joins the task's calls that have no row yet to the linked list's rows with the same number.
   * Some providers' synced calls carry no row key, so the telephone is the only key; masked numbers
   * (`182****6077`) cannot be matched and stay unjoined.
   */
  joinByTelephone(accountId: string, taskId: string): number {
    const listId = this.linkedList(accountId, taskId);
    if (listId === null) return 0;
    return this.db
      .prepare(
        `UPDATE result_calls SET list_id = @list,
           row_id = (SELECT r.id FROM call_rows r WHERE r.list_id = @list AND r.telephone = result_calls.tel
                     ORDER BY r.position LIMIT 1)
         WHERE account_id = @account AND task_id = @task AND row_id IS NULL AND instr(tel, '*') = 0
           AND EXISTS (SELECT 1 FROM call_rows r WHERE r.list_id = @list AND r.telephone = result_calls.tel)`,
      )
      .run({ list: listId, account: accountId, task: taskId }).changes;
  }
}

/** What identifies a call's content as the provider answered it (every field, lines included). */
function fingerprintOf(call: ProviderCall): string {
  return createHash('sha1').update(JSON.stringify(call)).digest('base64');
}

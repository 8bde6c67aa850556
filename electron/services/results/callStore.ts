import type { Database, Statement } from 'better-sqlite3';
import type { CallData } from '../sobot/index';
import type { OutidResolver } from './resolver';

/** The provider joins intention labels with U+0001; stored the same way. */
export const LABEL_SEPARATOR = '\u0001';

/** Where a batch of calls came from: a task's sync, or a push whose task the resolver finds. */
export interface IngestContext {
  accountId: string;
  /** The task being synced; null for pushes (the resolver decides). */
  taskId: string | null;
  now: number;
}

/** What one ingest did. */
export interface IngestCounts {
  added: number;
  updated: number;
  /** The task each call landed on (null when unknown), in input order. */
  taskIds: (string | null)[];
}

/**
 * Writes calls with their transcripts, deduplicated by (account, callid): a call seen again (the
 * sync overlap, a push after a sync) replaces its earlier facts. Each batch is one transaction.
 */
export class CallStore {
  private readonly exists: Statement<[string, string], { task_id: string | null; outid: string | null }>;
  private readonly upsert: Statement;
  private readonly dropLines: Statement<[string, string]>;
  private readonly addLine: Statement;
  private readonly dropLabels: Statement<[string, string]>;
  private readonly addLabel: Statement<[string, string, string]>;

  constructor(
    readonly db: Database,
    private readonly resolver: OutidResolver,
  ) {
    this.exists = db.prepare('SELECT task_id, outid FROM result_calls WHERE account_id = ? AND callid = ?');
    this.upsert = db.prepare(`
      INSERT INTO result_calls (account_id, callid, task_id, outid, status, intentions, tel, caller,
        start_time, answer_time, end_time, call_ms, talk_ms, user_msg_count, voice_url, deleted,
        list_id, row_id, transcript, utterance_count, updated_at)
      VALUES (@account_id, @callid, @task_id, @outid, @status, @intentions, @tel, @caller,
        @start_time, @answer_time, @end_time, @call_ms, @talk_ms, @user_msg_count, @voice_url, @deleted,
        @list_id, @row_id, @transcript, @utterance_count, @updated_at)
      ON CONFLICT (account_id, callid) DO UPDATE SET
        task_id = coalesce(excluded.task_id, task_id), outid = coalesce(excluded.outid, outid),
        status = excluded.status, intentions = excluded.intentions, tel = excluded.tel,
        caller = excluded.caller, start_time = excluded.start_time, answer_time = excluded.answer_time,
        end_time = excluded.end_time, call_ms = excluded.call_ms, talk_ms = excluded.talk_ms,
        user_msg_count = excluded.user_msg_count, voice_url = excluded.voice_url,
        deleted = excluded.deleted, list_id = coalesce(excluded.list_id, list_id),
        row_id = coalesce(excluded.row_id, row_id), transcript = excluded.transcript,
        utterance_count = excluded.utterance_count, updated_at = excluded.updated_at`);
    this.dropLines = db.prepare('DELETE FROM result_utterances WHERE account_id = ? AND callid = ?');
    this.addLine = db.prepare(
      'INSERT INTO result_utterances (account_id, callid, idx, sender, text, at, remark) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.dropLabels = db.prepare('DELETE FROM result_intentions WHERE account_id = ? AND callid = ?');
    this.addLabel = db.prepare(
      'INSERT OR IGNORE INTO result_intentions (account_id, callid, label) VALUES (?, ?, ?)',
    );
  }

  /** Stores calls in one transaction. Calls without a call id (never dialled) are skipped. */
  ingest(calls: readonly CallData[], context: IngestContext): IngestCounts {
    const counts: IngestCounts = { added: 0, updated: 0, taskIds: [] };
    this.db.transaction(() => {
      for (const call of calls) counts.taskIds.push(this.ingestOne(call, context, counts));
    })();
    return counts;
  }

  private ingestOne(call: CallData, context: IngestContext, counts: IngestCounts): string | null {
    const { detail } = call;
    if (!detail.callid) return context.taskId;
    const on = context.taskId === null ? undefined : { accountId: context.accountId, taskId: context.taskId };
    const target = detail.outid
      ? this.resolver.taskFor(detail.outid, on)
      : on && detail.tel
        ? (this.resolver.rowForTelephone?.(detail.tel, on) ?? null)
        : null;
    const accountId = context.taskId === null ? (target?.accountId ?? context.accountId) : context.accountId;
    const taskId = context.taskId ?? target?.taskId ?? null;
    const before = this.exists.get(accountId, detail.callid);
    // Lines in time order: the provider's order is usually right, but the sort makes it certain.
    const lines = [...call.msg].sort((a, b) => a.date_time - b.date_time);
    this.upsert.run({
      account_id: accountId,
      callid: detail.callid,
      task_id: taskId,
      outid: detail.outid || target?.outid || null,
      status: detail.status,
      intentions: detail.intention_name.join(LABEL_SEPARATOR),
      tel: detail.tel,
      caller: detail.caller,
      start_time: detail.start_time || null,
      answer_time: detail.answer_time || null,
      end_time: detail.end_time || null,
      call_ms: detail.call_duration,
      talk_ms: detail.fee_duration,
      user_msg_count: detail.user_msg_count,
      voice_url: detail.voice_url,
      deleted: detail.del_flag === -1 ? 1 : 0,
      list_id: target?.listId ?? null,
      row_id: target?.rowId ?? null,
      transcript: lines.map((line) => line.msg).join('\n'),
      utterance_count: lines.length,
      updated_at: context.now,
    });
    this.dropLines.run(accountId, detail.callid);
    lines.forEach((line, idx) =>
      this.addLine.run(
        accountId,
        detail.callid,
        idx,
        line.sender_type,
        line.msg,
        line.date_time,
        line.remark,
      ),
    );
    this.dropLabels.run(accountId, detail.callid);
    for (const label of detail.intention_name) this.addLabel.run(accountId, detail.callid, label);
    if (before) counts.updated++;
    else counts.added++;
    return taskId ?? before?.task_id ?? null;
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
   * query_time_task_data sends no outid, so the telephone is the only key; masked numbers
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

import type { Database, Statement } from 'better-sqlite3';
import type {
  ExcludedRows,
  UploadRowCounts,
  UploadRowEntry,
  UploadRowState,
  UploadVia,
} from '../../../shared/uploads';
import { uploadFailure } from './errors';
import {
  emptyCounts,
  type JournalRow,
  type NewJournalRow,
  type RowOutcome,
  type UploadRecord,
} from './records';

export type { JournalRow, NewJournalRow, RowOutcome, UploadRecord } from './records';

/**
 * The upload journal's SQL (see schema.ts). Every multi-row change is one transaction, and
 * better-sqlite3 commits synchronously, so when a method returns its change is on disk: that is
 * what lets `sending` mean "this request may have reached the provider" after a crash.
 */
export class UploadJournal {
  /** `get`'s statement, prepared once: a running upload reads its record several times a batch. */
  private byId: Statement<[number], UploadRecord> | null = null;

  constructor(
    readonly db: Database,
    readonly now: () => number = Date.now,
  ) {}

  /**
   * Creates an upload with its rows (`pending`; `repeated` for rows already on the task).
   * @throws UploadFailure `uploads.unfinished` when this list already has an unfinished upload
   * into this task: checked in the write transaction itself, so of two starts made at once (two
   * windows, the app and the CLI, each past the service's earlier check) only one writes a journal.
   */
  create(input: {
    accountId: string;
    taskId: string;
    listId: number;
    listName: string;
    via: UploadVia;
    batchRows: number;
    excluded: ExcludedRows;
    variables: { list: string; template: string | null }[];
    rows: readonly NewJournalRow[];
    repeated: readonly NewJournalRow[];
    owner: { pid: number; token: string };
  }): number {
    const now = this.now();
    return this.db
      .transaction(() => {
        const unfinished = this.unfinished(input.accountId, input.taskId, input.listId);
        if (unfinished)
          throw uploadFailure('uploads.unfinished', String(unfinished.id), { id: unfinished.id });
        const id = Number(
          this.db
            .prepare(
              `INSERT INTO uploads (account_id, task_id, list_id, list_name, via, state, batch_rows, excluded,
               variables, owner_pid, owner_token, heartbeat_at, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              input.accountId,
              input.taskId,
              input.listId,
              input.listName,
              input.via,
              input.batchRows,
              JSON.stringify(input.excluded),
              JSON.stringify(input.variables),
              input.owner.pid,
              input.owner.token,
              now,
              now,
              now,
            ).lastInsertRowid,
        );
        const insert = this.db.prepare(
          `INSERT INTO upload_rows (upload_id, outid, row_id, seq, telephone, variables, state, code, reason, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        let seq = 0;
        for (const row of input.rows)
          insert.run(
            id,
            row.outid,
            row.rowId,
            seq++,
            row.telephone,
            row.variables,
            'pending',
            null,
            null,
            now,
          );
        for (const row of input.repeated)
          insert.run(
            id,
            row.outid,
            row.rowId,
            seq++,
            row.telephone,
            row.variables,
            'repeated',
            'uploads.already_on_task',
            'an earlier upload already put this outid on the task',
            now,
          );
        return id;
      })
      .immediate();
  }

  /** The record, or `uploads.not_found`. */
  get(id: number): UploadRecord {
    this.byId ??= this.db.prepare<[number], UploadRecord>('SELECT * FROM uploads WHERE id = ?');
    const record = this.byId.get(id);
    if (!record) throw uploadFailure('uploads.not_found', String(id));
    return record;
  }

  /** Uploads of a list (any task), newest first. */
  forList(listId: number): UploadRecord[] {
    return this.db
      .prepare<[number], UploadRecord>('SELECT * FROM uploads WHERE list_id = ? ORDER BY id DESC')
      .all(listId);
  }

  /** Uploads into a task of an account, newest first. */
  forTask(accountId: string, taskId: string): UploadRecord[] {
    return this.db
      .prepare<[string, string], UploadRecord>(
        'SELECT * FROM uploads WHERE account_id = ? AND task_id = ? ORDER BY id DESC',
      )
      .all(accountId, taskId);
  }

  /** The running, paused or failed upload of this list into this task, if any. */
  unfinished(accountId: string, taskId: string, listId: number): UploadRecord | undefined {
    return this.db
      .prepare<[string, string, number], UploadRecord>(
        `SELECT * FROM uploads WHERE account_id = ? AND task_id = ? AND list_id = ?
           AND state IN ('running', 'paused', 'failed') ORDER BY id DESC LIMIT 1`,
      )
      .get(accountId, taskId, listId);
  }

  /** Outids the journal shows accepted on this task by any upload. */
  outidsOnTask(accountId: string, taskId: string): Set<string> {
    const rows = this.db
      .prepare<[string, string], { outid: string }>(
        `SELECT r.outid FROM uploads u JOIN upload_rows r ON r.upload_id = u.id
         WHERE u.account_id = ? AND u.task_id = ? AND r.state = 'accepted'`,
      )
      .all(accountId, taskId);
    return new Set(rows.map((r) => r.outid));
  }

  /**
   * Of these numbers, those an upload (of any list) put into the task or may have (a request
   * in flight or unanswered, or left unanswered and skipped: see uncertain.ts), or will (a row
   * still `pending` in another list's unfinished upload: two lists uploaded into one task at the
   * same time), with the name of the list each came from.
   * @param listId the list being selected: its own unfinished upload's pending rows are its own
   */
  numbersOnTask(
    accountId: string,
    taskId: string,
    listId: number,
    telephones: readonly string[],
  ): Map<string, string> {
    const found = new Map<string, string>();
    if (telephones.length === 0) return found;
    const rows = this.db
      .prepare<[string, string, string, number], { telephone: string; list_name: string }>(
        `SELECT r.telephone, min(u.list_name) AS list_name FROM upload_rows r JOIN uploads u ON u.id = r.upload_id
         WHERE r.telephone IN (SELECT value FROM json_each(?)) AND u.account_id = ? AND u.task_id = ?
           AND (r.state IN ('accepted', 'sending', 'uncertain')
                OR (r.state = 'rejected' AND r.code = 'uploads.uncertain_skipped')
                OR (r.state = 'pending' AND u.state IN ('running', 'paused', 'failed') AND u.list_id <> ?))
         GROUP BY r.telephone`,
      )
      .all(JSON.stringify(telephones), accountId, taskId, listId);
    for (const row of rows) found.set(row.telephone, row.list_name);
    return found;
  }

  /** Row counts by state. */
  counts(id: number): UploadRowCounts {
    const counts = emptyCounts();
    const rows = this.db
      .prepare<[number], { state: UploadRowState; n: number }>(
        'SELECT state, count(*) AS n FROM upload_rows WHERE upload_id = ? GROUP BY state',
      )
      .all(id);
    for (const { state, n } of rows) {
      counts[state] = n;
      counts.total += n;
    }
    return counts;
  }

  /** Rows the client refused before sending (`provider.row_rejected`): failed, but never sent. */
  refusedLocally(id: number): number {
    return (
      this.db
        .prepare<[number], { n: number }>(
          "SELECT count(*) AS n FROM upload_rows WHERE upload_id = ? AND state = 'rejected' AND code = 'provider.row_rejected'",
        )
        .get(id)?.n ?? 0
    );
  }

  /** Rows in the given states, in sending order (`limit` rows at most). */
  rowsIn(id: number, states: readonly UploadRowState[], limit = -1, offset = 0): JournalRow[] {
    // Literal placeholders, not json_each: with one state SQLite then walks the
    // (upload_id, state, seq) index in order and stops after `limit` rows, which is what keeps
    // "next 500 pending rows" cheap in a 100,000-row upload.
    const marks = states.map(() => '?').join(', ');
    return this.db
      .prepare<unknown[], JournalRow>(
        `SELECT outid, row_id, seq, telephone, variables, state, code, reason, updated_at FROM upload_rows
         WHERE upload_id = ? AND state IN (${marks}) ORDER BY seq LIMIT ? OFFSET ?`,
      )
      .all(id, ...states, limit, offset);
  }

  /** Rows as the per-row report shows them. */
  entries(id: number, states: readonly UploadRowState[], limit: number, offset: number): UploadRowEntry[] {
    return this.rowsIn(id, states, limit, offset).map((r) => ({
      rowId: r.row_id,
      outid: r.outid,
      telephone: r.telephone,
      state: r.state,
      code: r.code,
      reason: r.reason,
    }));
  }

  /**
   * Records row outcomes (and optionally one more answered request) in one transaction, also
   * refreshing the owner's heartbeat.
   */
  record(id: number, outcomes: readonly RowOutcome[], answeredRequests = 0): void {
    const now = this.now();
    // One statement per distinct outcome (a batch is nearly always "all accepted"), not per row:
    // a 100,000-row upload otherwise spends seconds in per-row UPDATE calls.
    const groups = new Map<string, { outcome: RowOutcome; outids: string[] }>();
    for (const o of outcomes) {
      const key = JSON.stringify([o.state, o.code ?? null, o.reason ?? null]);
      const group = groups.get(key) ?? { outcome: o, outids: [] };
      group.outids.push(o.outid);
      groups.set(key, group);
    }
    const update = this.db.prepare(
      `UPDATE upload_rows SET state = ?, code = ?, reason = ?, updated_at = ?
       WHERE upload_id = ? AND outid IN (SELECT value FROM json_each(?))`,
    );
    this.db
      .transaction(() => {
        for (const { outcome: o, outids } of groups.values())
          update.run(o.state, o.code ?? null, o.reason ?? null, now, id, JSON.stringify(outids));
        this.db
          .prepare(
            'UPDATE uploads SET batches_done = batches_done + ?, heartbeat_at = ?, updated_at = ? WHERE id = ?',
          )
          .run(answeredRequests, now, now, id);
      })
      .immediate();
  }

  /**
   * The next `limit` pending rows in sending order, written `sending` in the same transaction
   * (committed before the request that carries them is made): answers them as they were.
   */
  takePending(id: number, limit: number): JournalRow[] {
    return this.db
      .transaction(() => {
        const rows = this.rowsIn(id, ['pending'], limit);
        if (rows.length > 0)
          this.record(
            id,
            rows.map((r) => ({ outid: r.outid, state: 'sending' })),
          );
        return rows;
      })
      .immediate();
  }

  /**
   * Rows left `sending` by a runner that is gone, made `uncertain` (what a run does with them
   * when nobody can look them up: see uncertain.ts). @returns how many rows
   */
  sendingToUncertain(id: number): number {
    return this.db
      .prepare(
        "UPDATE upload_rows SET state = 'uncertain', code = NULL, reason = NULL, updated_at = ? WHERE upload_id = ? AND state = 'sending'",
      )
      .run(this.now(), id).changes;
  }

  /** Sets fields of the upload record (state changes, errors, server counts). */
  update(id: number, fields: Partial<Omit<UploadRecord, 'id'>>): void {
    const keys = Object.keys(fields);
    const sets = [...keys.map((k) => `${k} = @${k}`), 'updated_at = @updated_at'].join(', ');
    this.db
      .prepare(`UPDATE uploads SET ${sets} WHERE id = @id`)
      .run({ ...fields, updated_at: this.now(), id });
  }

  /** Adds the provider's own repeat and filter counts (file uploads). */
  addServerCounts(id: number, repeated: number, filtered: number): void {
    this.db
      .prepare(
        'UPDATE uploads SET server_repeated = server_repeated + ?, server_filtered = server_filtered + ? WHERE id = ?',
      )
      .run(repeated, filtered, id);
  }

  /** Journal rows of these list rows accepted on this task (any upload of the list). */
  acceptedRows(
    accountId: string,
    taskId: string,
    listId: number,
    rowIds: readonly number[],
  ): { uploadId: number; outid: string; rowId: number }[] {
    return this.db
      .prepare<[string, string, number, string], { uploadId: number; outid: string; rowId: number }>(
        `SELECT r.upload_id AS uploadId, r.outid, r.row_id AS rowId FROM upload_rows r
         JOIN uploads u ON u.id = r.upload_id
         WHERE u.account_id = ? AND u.task_id = ? AND u.list_id = ? AND r.state = 'accepted'
           AND r.row_id IN (SELECT value FROM json_each(?))
         ORDER BY r.upload_id, r.seq`,
      )
      .all(accountId, taskId, listId, JSON.stringify(rowIds));
  }

  /** Marks rows removed from the task, in one transaction. */
  markRemoved(rows: readonly { uploadId: number; outid: string }[]): void {
    const now = this.now();
    const update = this.db.prepare(
      `UPDATE upload_rows SET state = 'removed', updated_at = ? WHERE upload_id = ? AND outid = ? AND state = 'accepted'`,
    );
    this.db
      .transaction(() => {
        for (const r of rows) update.run(now, r.uploadId, r.outid);
      })
      .immediate();
  }
}

import type { Database } from 'better-sqlite3';
import type { CallList, CallRow, ListProblem, RowQuery } from '../../../shared/callList';
import { processAlive } from '../processes';
import { DuplicateFlags } from './duplicates';
import { listFailure } from './errors';
import { newOutidPrefix } from './outid';
import { parseColumns, ROW_COLUMNS, toCallList, toCallRow, type ListRecord, type RowRecord } from './records';
import { BLOCKING_MASK, DUPLICATE_BIT, PROBLEM_BITS } from './rowRules';
import { SortKeys } from './sortKeys';

export type { ListProblem, RowQuery } from '../../../shared/callList';

export const MAX_LIST_NAME = 200;

/**
 * How long an import may stay silent before it counts as abandoned even though its process
 * id is alive (the id may have been reused after a crash). A running import writes every
 * batch and beats every 30 s, so ten minutes of silence means nobody is writing it.
 */
export const STALE_IMPORT_MS = 10 * 60_000;

/** Checks a list name and returns it trimmed. */
export function checkListName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LIST_NAME) throw listFailure('lists.bad_name');
  return trimmed;
}

/**
 * Reading and managing call lists. Row edits live in `edits.ts`, imports in `importSession.ts`;
 * all share one better-sqlite3 connection, whose calls are synchronous, so a method's
 * transaction is committed (and fsynced, see `db/database.ts`) when it returns.
 */
export class CallListStore {
  readonly duplicates: DuplicateFlags;

  /** Stored sort keys of text columns (kept by edits). */
  readonly sortKeys: SortKeys;

  constructor(
    readonly db: Database,
    readonly now: () => number = Date.now,
  ) {
    this.duplicates = new DuplicateFlags(db);
    this.sortKeys = new SortKeys(db);
  }

  /**
   * Deletes lists an import left half-done (the process died before the final flip to
   * `ready`). They are never shown, so this only reclaims space. Only imports whose owner is
   * gone are discarded: its process no longer exists, or its heartbeat is older than
   * {@link STALE_IMPORT_MS} (the pid may have been reused after a crash). An import another
   * process (the CLI, another host on the same data folder) is still writing is left alone;
   * lists from before owners were recorded fall back to their last write.
   */
  discardInterruptedImports(alive: (pid: number) => boolean = processAlive): number {
    const now = this.now();
    const importing = this.db
      .prepare<[], { id: number; pid: number | null; beat: number | null; updated: number }>(
        `SELECT id, import_owner_pid AS pid, import_heartbeat_at AS beat, updated_at AS updated
         FROM call_lists WHERE state = 'importing'`,
      )
      .all();
    const gone = importing.filter((list) => {
      const beat = list.beat ?? list.updated;
      if (now - beat > STALE_IMPORT_MS) return true;
      if (list.pid === null) return false;
      // This very process owns it only through a live session (a second host in one process).
      return list.pid !== process.pid && !alive(list.pid);
    });
    const remove = this.db.prepare("DELETE FROM call_lists WHERE id = ? AND state = 'importing'");
    return this.db
      .transaction(() => gone.reduce((n, list) => n + remove.run(list.id).changes, 0))
      .immediate();
  }

  /** Every ready list, newest first, with row and valid counts (a count over each list's rows). */
  listLists(): CallList[] {
    return this.readyLists().map((record) => this.withCounts(record));
  }

  /** Every ready list's record, newest first, without counting its rows. */
  readyLists(): ListRecord[] {
    return this.db
      .prepare<[], ListRecord>(
        "SELECT * FROM call_lists WHERE state = 'ready' ORDER BY updated_at DESC, id DESC",
      )
      .all();
  }

  /** One list, or `lists.not_found`. */
  getList(listId: number): CallList {
    return this.withCounts(this.record(listId));
  }

  /** The stored list record (ready lists only). */
  record(listId: number): ListRecord {
    const record = this.db
      .prepare<[number], ListRecord>("SELECT * FROM call_lists WHERE id = ? AND state = 'ready'")
      .get(listId);
    if (!record) throw listFailure('lists.not_found', String(listId));
    return record;
  }

  private withCounts(record: ListRecord): CallList {
    const counts = this.db
      .prepare<[number], { rows: number; valid: number }>(
        `SELECT count(*) AS rows, coalesce(sum(problems & ${BLOCKING_MASK} = 0), 0) AS valid
         FROM call_rows WHERE list_id = ?`,
      )
      .get(record.id) ?? { rows: 0, valid: 0 };
    return toCallList(record, counts.rows, counts.valid);
  }

  /** Rows `offset … offset+limit−1` in list order: an index range seek, fast anywhere in 100k rows. */
  getRows(listId: number, offset: number, limit: number): CallRow[] {
    const names = parseColumns(this.record(listId)).variables;
    const records = this.db
      .prepare<[number, number, number], RowRecord>(
        `SELECT ${ROW_COLUMNS} FROM call_rows WHERE list_id = ? AND position >= ? AND position < ? ORDER BY position`,
      )
      .all(listId, Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit));
    return records.map((record) => this.toRow(record, names));
  }

  /** The given rows, in the order asked (for a sorted or filtered view). Unknown ids are skipped. */
  getRowsByIds(listId: number, ids: readonly number[]): CallRow[] {
    const names = parseColumns(this.record(listId)).variables;
    const records = this.db
      .prepare<[number, string], RowRecord>(
        `SELECT ${ROW_COLUMNS} FROM call_rows WHERE list_id = ? AND id IN (SELECT value FROM json_each(?))`,
      )
      .all(listId, JSON.stringify(ids));
    const byId = new Map(records.map((record) => [record.id, record]));
    return ids.flatMap((id) => {
      const record = byId.get(id);
      return record ? [this.toRow(record, names)] : [];
    });
  }

  private toRow(record: RowRecord, names: readonly string[]): CallRow {
    const duplicateOf =
      record.problems & DUPLICATE_BIT && record.telephone !== null
        ? this.duplicates.firstWith(record.list_id, record.telephone)
        : undefined;
    return toCallRow(record, names, duplicateOf);
  }

  /** Row ids in the order and with the filter asked; the grid then pages through them. */
  queryRowIds(listId: number, query: RowQuery = {}): number[] {
    const columns = parseColumns(this.record(listId));
    const mask =
      query.problem === undefined ? 0 : query.problem === 'any' ? BLOCKING_MASK : PROBLEM_BITS[query.problem];
    const where = mask ? `AND (problems & ${mask}) != 0` : '';
    let key = 'position';
    // Text an operator reads (ids, names, addresses) sorts as in a Chinese dictionary, by pinyin;
    // SQLite would order it by code point (丁一 before 阿四).
    let text = false;
    const sortBy = query.sortBy;
    if (sortBy === 'telephone') key = 'telephone_raw';
    else if (sortBy === 'outid') [key, text] = ['outid', true];
    else if (sortBy === 'sourceRow') key = 'source_row';
    else if (sortBy === 'problems') key = `problems & ${BLOCKING_MASK}`;
    else if (sortBy?.startsWith('var:')) {
      const index = columns.variables.indexOf(sortBy.slice(4));
      if (index < 0) throw listFailure('lists.unknown_column', sortBy);
      key = `json_extract(variables, '$[${index}]')`;
      text = true;
    } else if (sortBy !== undefined && sortBy !== 'position')
      throw listFailure('lists.unknown_column', sortBy);
    const direction = query.descending ? 'DESC' : 'ASC';
    // By stored keys (see SortKeys): pinyin order from an index, not a collation per row per sort.
    if (text) return this.sortKeys.sortedIds(listId, sortBy!, key, query.descending === true, mask);
    return this.db
      .prepare<[number], { id: number }>(
        `SELECT id FROM call_rows WHERE list_id = ? ${where} ORDER BY ${key} ${direction}, position ASC`,
      )
      .all(listId)
      .map((row) => row.id);
  }

  /** Every problem of a list, in list order, for the problems panel (and the CLI). */
  listProblems(listId: number): ListProblem[] {
    const names = parseColumns(this.record(listId)).variables;
    const records = this.db
      .prepare<[number], RowRecord>(
        `SELECT ${ROW_COLUMNS} FROM call_rows WHERE list_id = ? AND problems != 0 ORDER BY position`,
      )
      .all(listId);
    return records.flatMap((record) =>
      this.toRow(record, names).problems.map((problem) => ({
        ...problem,
        rowId: record.id,
        position: record.position,
        sourceRow: record.source_row,
      })),
    );
  }

  /** Renames a list and answers it with its counts. */
  rename(listId: number, name: string): CallList {
    this.setName(listId, name);
    return this.getList(listId);
  }

  /** Renames a list (`lists.bad_name`, `lists.not_found`). */
  setName(listId: number, name: string): void {
    const checked = checkListName(name);
    this.record(listId);
    this.db
      .prepare('UPDATE call_lists SET name = ?, updated_at = ? WHERE id = ?')
      .run(checked, this.now(), listId);
  }

  /**
   * Copies a list and its rows in one transaction. Rows keep their outids: a copy is the same
   * customers (typically re-called in a new task), and results are matched per task. Rows added
   * to the copy later get outids under a new prefix, so they never collide with the original's.
   */
  duplicate(listId: number, name: string): CallList {
    const checked = checkListName(name);
    const copy = this.db.transaction(() => {
      const source = this.record(listId);
      const now = this.now();
      const created = this.db
        .prepare(
          `INSERT INTO call_lists (name, created_at, updated_at, source_file, source_sheet, header_row, columns,
             outid_prefix, next_outid, state, origin)
           SELECT ?, ?, ?, source_file, source_sheet, header_row, columns, ?, 1, 'ready', origin
           FROM call_lists WHERE id = ?`,
        )
        .run(checked, now, now, newOutidPrefix(), source.id);
      const id = Number(created.lastInsertRowid);
      this.db
        .prepare(
          `INSERT INTO call_rows (list_id, position, telephone_raw, telephone, outid, outid_original, variables,
             source_row, problems)
           SELECT ?, position, telephone_raw, telephone, outid, outid_original, variables, source_row, problems
           FROM call_rows WHERE list_id = ? ORDER BY position`,
        )
        .run(id, source.id);
      return id;
    });
    return this.getList(copy.immediate());
  }

  /** Deletes a list and its rows. */
  deleteList(listId: number): void {
    this.record(listId);
    this.db.prepare('DELETE FROM call_lists WHERE id = ?').run(listId);
  }
}

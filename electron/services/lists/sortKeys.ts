import type { Database } from 'better-sqlite3';
import { zhSortKey } from './sortKey';

/**
 * Stored sort keys for text columns (`call_row_keys`), so sorting 100,000 rows by a name is an
 * index scan instead of a JSON extract and a collation per row. A column not keyed yet is
 * sorted by SQLite's sorter over `zh_key()` (the same key, made once per row for that sort,
 * nothing written: about 110-150 ms for 100,000 rows) and noted as wanted; {@link buildWanted}
 * then makes its keys in one pass (about 400 ms, written in one transaction), which the database
 * worker runs after it has answered. Keys are kept as cells are edited and rows deleted, and
 * dropped when rows are inserted (positions move; the next sort wants them again). Deleting a
 * list deletes its keys (foreign key).
 */
export class SortKeys {
  /** Columns sorted without keys, to be keyed: `list\0column` → the column's SQL value. */
  private readonly wanted = new Map<string, { listId: number; column: string; value: string }>();

  constructor(private readonly db: Database) {
    db.function('zh_key', { deterministic: true }, (value: unknown) =>
      zhSortKey(value == null ? '' : String(value)),
    );
  }

  /**
   * Row ids of the list in the column's order (zh-CN: pinyin, digit runs by value), equal keys
   * in list order; `problemMask` keeps only rows with one of those problems.
   * @param column `outid` or `var:<name>`
   * @param value the SQL expression of the column's value in `call_rows` (trusted: built by the store)
   */
  sortedIds(
    listId: number,
    column: string,
    value: string,
    descending: boolean,
    problemMask: number,
  ): number[] {
    const direction = descending ? 'DESC' : 'ASC';
    if (!this.keyed(listId, column)) {
      this.wanted.set(`${listId}\0${column}`, { listId, column, value });
      return this.db
        .prepare<[number], { id: number }>(
          `SELECT id FROM call_rows WHERE list_id = ? ${problemMask ? `AND (problems & ${problemMask}) != 0` : ''}
           ORDER BY zh_key(${value}) ${direction}, position ASC`,
        )
        .all(listId)
        .map((row) => row.id);
    }
    // The problem filter as a set of the few rows it keeps, checked while the keys are walked.
    const filter = problemMask
      ? `AND k.row_id IN (SELECT id FROM call_rows WHERE list_id = @list AND (problems & ${problemMask}) != 0)`
      : '';
    return this.db
      .prepare<[{ list: number; col: string }], { id: number }>(
        `SELECT k.row_id AS id FROM call_row_keys k
         WHERE k.list_id = @list AND k.col = @col ${filter}
         ORDER BY k.key ${direction}, k.position ASC`,
      )
      .all({ list: listId, col: column })
      .map((row) => row.id);
  }

  /** Whether a sort without keys left a column to key. */
  hasWanted(): boolean {
    return this.wanted.size > 0;
  }

  /**
   * Makes the keys of one column a sort wanted them for; answers whether more are wanted. A list
   * deleted since is skipped. The pass reads the rows and writes their keys in one immediate
   * transaction, so an edit on another connection lands wholly before or after it.
   */
  buildWanted(): boolean {
    const [entry] = this.wanted;
    if (!entry) return false;
    const [id, { listId, column, value }] = entry;
    this.wanted.delete(id);
    this.db
      .transaction(() => {
        if (this.keyed(listId, column)) return;
        const list = this.db.prepare('SELECT 1 FROM call_lists WHERE id = ?').get(listId);
        if (!list) return;
        this.db
          .prepare(
            `INSERT INTO call_row_keys (list_id, col, key, position, row_id)
             SELECT list_id, ?, zh_key(${value}), position, id FROM call_rows WHERE list_id = ?`,
          )
          .run(column, listId);
        this.db.prepare('INSERT INTO call_row_key_columns (list_id, col) VALUES (?, ?)').run(listId, column);
      })
      .immediate();
    return this.wanted.size > 0;
  }

  /** A cell changed: its key follows (when the column has keys). */
  cellChanged(listId: number, rowId: number, column: string, value: string): void {
    this.db
      .prepare('UPDATE call_row_keys SET key = ? WHERE list_id = ? AND col = ? AND row_id = ?')
      .run(zhSortKey(value), listId, column, rowId);
  }

  /**
   * A row was deleted: its keys go. The others keep the positions they had when keyed; the list
   * is renumbered, but a delete never changes their order, and only their order breaks ties.
   */
  rowDeleted(listId: number, rowId: number): void {
    this.db.prepare('DELETE FROM call_row_keys WHERE list_id = ? AND row_id = ?').run(listId, rowId);
  }

  /** Rows were inserted (positions moved): the list's keys are made again when needed. */
  invalidate(listId: number): void {
    this.db.prepare('DELETE FROM call_row_keys WHERE list_id = ?').run(listId);
    this.db.prepare('DELETE FROM call_row_key_columns WHERE list_id = ?').run(listId);
  }

  private keyed(listId: number, column: string): boolean {
    return (
      this.db
        .prepare<[number, string], { n: number }>(
          'SELECT count(*) AS n FROM call_row_key_columns WHERE list_id = ? AND col = ?',
        )
        .get(listId, column)!.n > 0
    );
  }
}

import type { Database } from 'better-sqlite3';
import { zhSortKey } from './sortKey';

/**
 * Stored sort keys for text columns (`call_row_keys`), so sorting 100,000 rows by a name is an
 * index scan instead of a JSON extract and a collation per row. A column's keys are made the
 * first time the list is sorted by it (one pass, in one transaction), kept as cells are edited,
 * and dropped when rows are inserted or deleted (positions move; the next sort makes them
 * again). Deleting a list deletes its keys (foreign key).
 */
export class SortKeys {
  constructor(private readonly db: Database) {}

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
    this.ensure(listId, column, value);
    // The problem filter as a set of the few rows it keeps, checked while the keys are walked.
    const filter = problemMask
      ? `AND k.row_id IN (SELECT id FROM call_rows WHERE list_id = @list AND (problems & ${problemMask}) != 0)`
      : '';
    return this.db
      .prepare<[{ list: number; col: string }], { id: number }>(
        `SELECT k.row_id AS id FROM call_row_keys k
         WHERE k.list_id = @list AND k.col = @col ${filter}
         ORDER BY k.key ${descending ? 'DESC' : 'ASC'}, k.position ASC`,
      )
      .all({ list: listId, col: column })
      .map((row) => row.id);
  }

  /** A cell changed: its key follows (when the column has keys). */
  cellChanged(listId: number, rowId: number, column: string, value: string): void {
    this.db
      .prepare('UPDATE call_row_keys SET key = ? WHERE list_id = ? AND col = ? AND row_id = ?')
      .run(zhSortKey(value), listId, column, rowId);
  }

  /** Rows were inserted or deleted (positions moved): the list's keys are made again when needed. */
  invalidate(listId: number): void {
    this.db.prepare('DELETE FROM call_row_keys WHERE list_id = ?').run(listId);
    this.db.prepare('DELETE FROM call_row_key_columns WHERE list_id = ?').run(listId);
  }

  private ensure(listId: number, column: string, value: string): void {
    const made = this.db
      .prepare<[number, string], { n: number }>(
        'SELECT count(*) AS n FROM call_row_key_columns WHERE list_id = ? AND col = ?',
      )
      .get(listId, column)!.n;
    if (made > 0) return;
    const rows = this.db
      .prepare<[number], { id: number; position: number; value: unknown }>(
        `SELECT id, position, ${value} AS value FROM call_rows WHERE list_id = ?`,
      )
      .all(listId);
    const insert = this.db.prepare(
      'INSERT INTO call_row_keys (list_id, col, key, position, row_id) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const row of rows)
        insert.run(
          listId,
          column,
          zhSortKey(row.value == null ? '' : String(row.value)),
          row.position,
          row.id,
        );
      this.db.prepare('INSERT INTO call_row_key_columns (list_id, col) VALUES (?, ?)').run(listId, column);
    })();
  }
}

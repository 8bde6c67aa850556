import type { Database, Statement } from 'better-sqlite3';
import { DUPLICATE_BIT } from './rowRules';

/**
 * Keeps `phone.duplicate` right for one number: the first row (by position) with a number is
 * the one that gets dialled; every later row with the same number is flagged. Runs on the
 * (list, telephone, position) index, so it only touches the rows sharing that number.
 */
export class DuplicateFlags {
  private readonly recompute: Statement<[{ list: number; phone: string }]>;
  private readonly firstRow: Statement<[number, string], { id: number }>;

  constructor(db: Database) {
    this.recompute = db.prepare(`
      UPDATE call_rows SET problems = (problems & ~${DUPLICATE_BIT}) |
        CASE WHEN id = (SELECT r.id FROM call_rows r WHERE r.list_id = @list AND r.telephone = @phone
                        ORDER BY r.position LIMIT 1)
             THEN 0 ELSE ${DUPLICATE_BIT} END
      WHERE list_id = @list AND telephone = @phone`);
    this.firstRow = db.prepare(
      'SELECT id FROM call_rows WHERE list_id = ? AND telephone = ? ORDER BY position LIMIT 1',
    );
  }

  /** Recomputes the flags of every row of the list holding one of these numbers. */
  refresh(listId: number, telephones: Iterable<string | null>): void {
    const seen = new Set<string>();
    for (const telephone of telephones) {
      if (telephone === null || seen.has(telephone)) continue;
      seen.add(telephone);
      this.recompute.run({ list: listId, phone: telephone });
    }
  }

  /** The id of the row that keeps a number (for "duplicate of row …"). */
  firstWith(listId: number, telephone: string): number | undefined {
    return this.firstRow.get(listId, telephone)?.id;
  }
}

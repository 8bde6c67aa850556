import type { Database, Statement } from 'better-sqlite3';
import type { CallList, CallListColumns } from '../../../shared/callList';
import { generatedOutid, isUsableOutid, newOutidPrefix } from './outid';
import { DUPLICATE_BIT, PROBLEM_BITS, rowBits } from './rowRules';
import { checkListName, type CallListStore } from './store';

/** One data row as the importer hands it over. */
export interface ImportedRow {
  /** The row number Excel shows (1-based, title rows counted). */
  sourceRow: number;
  telephoneRaw: string;
  /** From the file's outid column, or null when no column maps to it. */
  outid: string | null;
  /** In the order of `columns.variables`. */
  variables: string[];
}

export interface NewListInfo {
  name: string;
  sourceFile: string | null;
  sourceSheet: string | null;
  headerRow: number | null;
  columns: CallListColumns;
}

/**
 * Streams an import into a list that nobody sees until `finish()`.
 *
 * Why batches and not one transaction: better-sqlite3 runs on the main thread's connection, and
 * an import awaits between chunks of the file. A transaction left open across those awaits
 * would swallow any edit the operator makes meanwhile (and lose it if the import is cancelled),
 * and would hold the write lock for seconds. Instead each `append` commits one batch into a
 * list in state `importing`, and `finish` flips it to `ready` in its own small transaction: a
 * crash at any point leaves either a complete list or an invisible one, which
 * `discardInterruptedImports` removes.
 */
export class ImportSession {
  readonly listId: number;
  private readonly prefix = newOutidPrefix();
  private nextSequence = 1;
  private position = 0;
  private readonly firstRowByPhone = new Set<string>();
  private readonly outids = new Set<string>();
  private readonly insert: Statement;
  private done = false;

  constructor(
    private readonly store: CallListStore,
    info: NewListInfo,
  ) {
    const db: Database = store.db;
    const now = store.now();
    const result = db
      .prepare(
        `INSERT INTO call_lists (name, created_at, updated_at, source_file, source_sheet, header_row, columns,
           outid_prefix, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'importing')`,
      )
      .run(
        checkListName(info.name),
        now,
        now,
        info.sourceFile,
        info.sourceSheet,
        info.headerRow,
        JSON.stringify(info.columns),
        this.prefix,
      );
    this.listId = Number(result.lastInsertRowid);
    this.insert = db.prepare(
      `INSERT INTO call_rows (list_id, position, telephone_raw, telephone, outid, outid_original, variables,
         source_row, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Rows so far. */
  get rowCount(): number {
    return this.position;
  }

  /** Commits one batch of rows (in file order). */
  append(rows: readonly ImportedRow[]): void {
    if (this.done) throw new Error('import session already finished');
    const db = this.store.db;
    db.transaction(() => {
      for (const row of rows) this.insertRow(row);
      db.prepare('UPDATE call_lists SET updated_at = ?, next_outid = ? WHERE id = ?').run(
        this.store.now(),
        this.nextSequence,
        this.listId,
      );
    }).immediate();
  }

  private insertRow(row: ImportedRow): void {
    const { telephone, bits: phoneBits } = rowBits(row.telephoneRaw, row.variables);
    let bits = phoneBits;
    // The first row with a number keeps it; later ones are duplicates (see DuplicateFlags).
    if (telephone !== null) {
      if (this.firstRowByPhone.has(telephone)) bits |= DUPLICATE_BIT;
      else this.firstRowByPhone.add(telephone);
    }
    const fileOutid = row.outid?.trim() ?? null;
    let outid: string;
    let original: string | null = null;
    if (fileOutid !== null && isUsableOutid(fileOutid) && !this.outids.has(fileOutid)) outid = fileOutid;
    else {
      outid = this.generate();
      // A missing outid column is normal; a bad value in an existing column is worth a notice.
      if (row.outid !== null) {
        original = row.outid;
        bits |= PROBLEM_BITS['outid.replaced'];
      }
    }
    this.outids.add(outid);
    this.insert.run(
      this.listId,
      this.position++,
      row.telephoneRaw,
      telephone,
      outid,
      original,
      JSON.stringify(row.variables),
      row.sourceRow,
      bits,
    );
  }

  private generate(): string {
    for (;;) {
      const outid = generatedOutid(this.prefix, this.nextSequence++);
      // A file may hold outids of an earlier export of this very list: never collide with them.
      if (!this.outids.has(outid)) return outid;
    }
  }

  /** Makes the list visible, complete, in one transaction. */
  finish(): CallList {
    if (this.done) throw new Error('import session already finished');
    this.done = true;
    this.store.db
      .prepare("UPDATE call_lists SET state = 'ready', updated_at = ?, next_outid = ? WHERE id = ?")
      .run(this.store.now(), this.nextSequence, this.listId);
    return this.store.getList(this.listId);
  }

  /** Drops everything this import wrote (cancel, error). */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.store.db.prepare("DELETE FROM call_lists WHERE id = ? AND state = 'importing'").run(this.listId);
  }
}

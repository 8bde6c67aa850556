import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { CallList, CallListColumns, ListOrigin } from '../../../shared/callList';
import type { ImportedRow } from '../importer/importRows';
import { generatedOutid, isUsableOutid, newOutidPrefix } from './outid';
import { DUPLICATE_BIT, PROBLEM_BITS, rowBits } from './rowRules';
import { checkListName, type CallListStore } from './store';

export type { ImportedRow } from '../importer/importRows';

/** How often a running import refreshes its heartbeat even when no batch was written. */
export const IMPORT_HEARTBEAT_MS = 30_000;

export interface NewListInfo {
  name: string;
  sourceFile: string | null;
  sourceSheet: string | null;
  headerRow: number | null;
  columns: CallListColumns;
  /** For a list made from a task's calls. */
  origin?: ListOrigin;
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
 * `discardInterruptedImports` removes once its owner (this process: pid and a random token,
 * with a heartbeat refreshed by every batch and every {@link IMPORT_HEARTBEAT_MS}) is gone.
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
  private readonly token = randomBytes(12).toString('base64url');
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly store: CallListStore,
    info: NewListInfo,
  ) {
    const db: Database = store.db;
    const now = store.now();
    const result = db
      .prepare(
        `INSERT INTO call_lists (name, created_at, updated_at, source_file, source_sheet, header_row, columns,
           outid_prefix, state, import_owner_pid, import_owner_token, import_heartbeat_at, origin)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'importing', ?, ?, ?, ?)`,
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
        process.pid,
        this.token,
        now,
        info.origin ? JSON.stringify(info.origin) : null,
      );
    this.listId = Number(result.lastInsertRowid);
    this.insert = db.prepare(
      `INSERT INTO call_rows (list_id, position, telephone_raw, telephone, outid, outid_original, variables,
         source_row, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // A slow file (a long pause before the first row, a busy disk) must not look abandoned.
    this.heartbeat = setInterval(() => this.beat(), IMPORT_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private beat(): void {
    if (this.done) return;
    this.store.db
      .prepare('UPDATE call_lists SET import_heartbeat_at = ? WHERE id = ? AND import_owner_token = ?')
      .run(this.store.now(), this.listId, this.token);
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
      const now = this.store.now();
      db.prepare(
        'UPDATE call_lists SET updated_at = ?, import_heartbeat_at = ?, next_outid = ? WHERE id = ?',
      ).run(now, now, this.nextSequence, this.listId);
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
    // Without an outid column every outid is generated under this list's new prefix with a
    // rising sequence: none can collide, so the set (100,000 hashed strings) is not needed.
    if (row.outid !== null) this.outids.add(outid);
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
      if (this.outids.size === 0 || !this.outids.has(outid)) return outid;
    }
  }

  /** Makes the list visible, complete, in one transaction. */
  finish(): CallList {
    if (this.done) throw new Error('import session already finished');
    this.done = true;
    clearInterval(this.heartbeat);
    const flipped = this.store.db
      .prepare(
        `UPDATE call_lists SET state = 'ready', updated_at = ?, next_outid = ?, import_owner_pid = NULL,
           import_owner_token = NULL, import_heartbeat_at = NULL
         WHERE id = ? AND state = 'importing'`,
      )
      .run(this.store.now(), this.nextSequence, this.listId);
    // Another process judged this import abandoned and discarded it: never report a list that is gone.
    if (flipped.changes !== 1) throw new Error('import discarded by another process');
    return this.store.getList(this.listId);
  }

  /** Drops everything this import wrote (cancel, error). */
  abort(): void {
    if (this.done) return;
    this.done = true;
    clearInterval(this.heartbeat);
    this.store.db.prepare("DELETE FROM call_lists WHERE id = ? AND state = 'importing'").run(this.listId);
  }
}

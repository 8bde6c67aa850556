import type { Migration } from '../db/migrations';

/**
 * The call-list tables.
 *
 * - `call_lists.state` is `importing` while an import streams its rows in batches and flips to
 *   `ready` in the last transaction; lists still `importing` when the database is opened were
 *   cut off by a crash and are deleted (see `CallListStore.open`). Readers only see `ready`.
 * - Row `position`s are contiguous (0 … n−1) inside a list so a grid window is an index range
 *   seek, not an OFFSET scan; inserts and deletes renumber in the same transaction.
 * - `problems` is a bit set (see `rowRules.ts`) so "filter by problem" is one indexed scan.
 * - AUTOINCREMENT on both tables: ids are never reused, so an undo that restores a deleted row
 *   with its old id, or a stale id held by the UI, can never hit somebody else's row.
 */
export const LIST_MIGRATIONS: readonly Migration[] = [
  {
    feature: 'lists',
    version: 1,
    name: 'call lists and rows',
    up(db) {
      db.exec(`
        CREATE TABLE call_lists (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          source_file TEXT,
          source_sheet TEXT,
          header_row INTEGER,
          columns TEXT NOT NULL,
          outid_prefix TEXT NOT NULL,
          next_outid INTEGER NOT NULL DEFAULT 1,
          state TEXT NOT NULL DEFAULT 'ready' CHECK (state IN ('importing', 'ready'))
        ) STRICT;
        CREATE TABLE call_rows (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          list_id INTEGER NOT NULL REFERENCES call_lists(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          telephone_raw TEXT NOT NULL,
          telephone TEXT,
          outid TEXT NOT NULL,
          outid_original TEXT,
          variables TEXT NOT NULL,
          source_row INTEGER,
          problems INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX call_rows_position ON call_rows (list_id, position);
        CREATE UNIQUE INDEX call_rows_outid ON call_rows (list_id, outid);
        CREATE INDEX call_rows_telephone ON call_rows (list_id, telephone, position)
          WHERE telephone IS NOT NULL;
      `);
    },
  },
  {
    feature: 'lists',
    version: 2,
    name: 'imports owned by their process',
    // An importing list belongs to the process writing it (pid + a random token, refreshed
    // heartbeat), as an upload journal's lease does: start-up discards only imports whose
    // owner is gone, never one another process (the CLI, a second host) is still writing.
    up(db) {
      db.exec(`
        ALTER TABLE call_lists ADD COLUMN import_owner_pid INTEGER;
        ALTER TABLE call_lists ADD COLUMN import_owner_token TEXT;
        ALTER TABLE call_lists ADD COLUMN import_heartbeat_at INTEGER;
      `);
    },
  },
  {
    feature: 'lists',
    version: 3,
    name: 'lists made from a task’s calls',
    // "Call these again": a list made from results links back to its task (JSON ListOrigin).
    up(db) {
      db.exec('ALTER TABLE call_lists ADD COLUMN origin TEXT');
    },
  },
];

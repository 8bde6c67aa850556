import type { Migration } from '../db/migrations';

/**
 * The upload journal.
 *
 * - `uploads`: one record per push of a list into a task, keyed by account, task and list.
 *   `list_id` has no foreign key on purpose: deleting a list must not erase the record of what
 *   is on the provider's task (removal and "already on the task" checks work by outid).
 * - `upload_rows`: one entry per row sent or to send, keyed by (upload, outid). The telephone
 *   and encoded variables are a snapshot taken at start, so a resumed upload sends exactly what
 *   the plan showed even if the list was edited meanwhile.
 * - `owner_pid`/`owner_token`/`heartbeat_at`: which process (and which service in it) runs the
 *   upload. A `running` record whose process is gone (or silent for minutes) was cut off by a
 *   crash and may be taken over.
 * - `requested`: a pause or cancel asked by another process (the CLI while the app runs the
 *   upload, or the reverse); the owner reads it between batches.
 * - `error_text`: the stopping error's message in every language (JSON), so any host can show it.
 * - `server_*`: counts only the provider knows (file uploads report repeats and filtered rows
 *   as numbers without row numbers).
 */
export const UPLOAD_MIGRATIONS: readonly Migration[] = [
  {
    feature: 'uploads',
    version: 1,
    name: 'upload journal',
    up(db) {
      db.exec(`
        CREATE TABLE uploads (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          account_id TEXT NOT NULL,
          task_id TEXT NOT NULL,
          list_id INTEGER NOT NULL,
          list_name TEXT NOT NULL,
          via TEXT NOT NULL CHECK (via IN ('data', 'file')),
          state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'cancelled', 'done', 'failed')),
          batch_rows INTEGER NOT NULL,
          batches_done INTEGER NOT NULL DEFAULT 0,
          excluded TEXT NOT NULL,
          variables TEXT NOT NULL,
          server_repeated INTEGER NOT NULL DEFAULT 0,
          server_filtered INTEGER NOT NULL DEFAULT 0,
          verified INTEGER NOT NULL DEFAULT 0,
          error_code TEXT,
          error_detail TEXT,
          error_text TEXT,
          requested TEXT CHECK (requested IN ('pause', 'cancel')),
          owner_pid INTEGER,
          owner_token TEXT,
          heartbeat_at INTEGER,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          finished_at INTEGER
        ) STRICT;
        CREATE INDEX uploads_task ON uploads (account_id, task_id, list_id);
        CREATE INDEX uploads_list ON uploads (list_id);
        CREATE TABLE upload_rows (
          upload_id INTEGER NOT NULL REFERENCES uploads(id) ON DELETE CASCADE,
          outid TEXT NOT NULL,
          row_id INTEGER NOT NULL,
          seq INTEGER NOT NULL,
          telephone TEXT NOT NULL,
          variable TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN
            ('pending', 'sending', 'uncertain', 'accepted', 'filtered', 'rejected', 'repeated', 'removed')),
          code TEXT,
          reason TEXT,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (upload_id, outid)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX upload_rows_state ON upload_rows (upload_id, state, seq);
        CREATE INDEX upload_rows_row ON upload_rows (row_id);
      `);
    },
  },
  {
    feature: 'uploads',
    version: 2,
    name: 'upload rows by outid',
    up(db) {
      // Pushes carry only an outid: the results resolver finds its upload (and task) through this.
      db.exec('CREATE INDEX upload_rows_outid ON upload_rows (outid)');
    },
  },
  {
    feature: 'uploads',
    version: 3,
    name: 'upload rows by telephone',
    up(db) {
      // Synced calls carry a telephone but no outid: the resolver finds their row through this.
      db.exec('CREATE INDEX upload_rows_telephone ON upload_rows (telephone)');
    },
  },
  {
    feature: 'uploads',
    version: 4,
    name: 'row variables as JSON',
    up(db) {
      // Until now rows kept their variables encoded for iCall (`name^value|name^value`). The
      // journal is provider-neutral now: variables are a JSON object of template name → value,
      // encoded by the provider when sent. Old values decode exactly (values never held ^ or |).
      db.function('variables_json', (encoded: unknown) => {
        const out: Record<string, string> = {};
        for (const pair of String(encoded ?? '').split('|')) {
          const caret = pair.indexOf('^');
          if (caret > 0) out[pair.slice(0, caret)] = pair.slice(caret + 1);
        }
        return JSON.stringify(out);
      });
      db.exec(`
        ALTER TABLE upload_rows RENAME COLUMN variable TO variables;
        UPDATE upload_rows SET variables = variables_json(variables);
      `);
    },
  },
  {
    feature: 'uploads',
    version: 5,
    name: 'provider-neutral row codes',
    up(db) {
      db.exec(`
        UPDATE upload_rows SET code = 'provider.row_rejected' WHERE code = 'sobot.row_rejected';
        UPDATE upload_rows SET code = 'provider.row_malformed' WHERE code = 'sobot.320018';
      `);
    },
  },
];

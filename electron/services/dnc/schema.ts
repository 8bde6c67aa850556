import type { Migration } from '../db/migrations';

/**
 * The do-not-call list. `account_id` is '' for an entry that applies to every account (a
 * NULL would not take part in the UNIQUE constraint). Numbers are stored normalised, so the
 * plan's check is one index probe per row.
 */
export const DNC_MIGRATIONS: readonly Migration[] = [
  {
    feature: 'dnc',
    version: 1,
    name: 'do-not-call numbers',
    up(db) {
      db.exec(`
        CREATE TABLE dnc_numbers (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          account_id TEXT NOT NULL,
          telephone TEXT NOT NULL,
          reason TEXT,
          source TEXT NOT NULL CHECK (source IN ('manual', 'import', 'list', 'call')),
          added_at INTEGER NOT NULL,
          UNIQUE (account_id, telephone)
        ) STRICT;
        CREATE INDEX dnc_numbers_telephone ON dnc_numbers (telephone);
      `);
    },
  },
];

import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { migrate, type Migration } from './migrations';

/** The app's database file inside the data folder. */
export function databasePath(dataDir: string): string {
  return join(dataDir, 'campaign-desk.sqlite');
}

export interface OpenDatabaseOptions {
  /** Every feature's migrations; the host concatenates them (see `migrations.ts`). */
  migrations: readonly Migration[];
  /** How long a statement waits for another connection's write lock before failing. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the SQLite database and brings its schema up to date.
 *
 * - WAL: readers never block the writer, and a commit is one sequential append.
 * - `synchronous = FULL`: in WAL mode NORMAL is already safe against the *app* being killed,
 *   but an OS crash or power cut may roll back the last commits. The grid tells the operator an
 *   edit is saved when the call returns, so every commit is fsynced; edits arrive at human pace
 *   and imports commit in a few large batches, so the cost (one fsync per commit) is invisible.
 * - foreign keys on: rows die with their list.
 * - a busy timeout, so a second connection (a worker, the CLI while the app runs) waits for
 *   the write lock instead of failing at once.
 * - `PRAGMA optimize` after migrating (and {@link refreshStatistics} after bulk writes): the
 *   query planner needs table statistics to prefer a selective index (a telephone, a name)
 *   over the one that saves a sort; without them "find a customer" scanned a whole task.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    migrate(db, options.migrations);
    refreshStatistics(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Lets SQLite refresh its planner statistics where tables changed a lot (cheap: sampled,
 * at most a few hundred rows per index). Call after bulk writes (an import, a sync).
 */
export function refreshStatistics(db: Database): void {
  db.pragma('analysis_limit = 400');
  db.pragma('optimize = 0x10002');
}

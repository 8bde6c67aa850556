import type { Database } from 'better-sqlite3';

/** Where a task's next sync window begins. */
export interface SyncCursor {
  /** Epoch ms: the next window's begin_time. */
  cursor: number;
  /** When the last complete sync ran (epoch ms), or null. */
  syncedAt: number | null;
  /** False after a cancelled or failed sync: the cursor then marks how far it safely got. */
  complete: boolean;
}

/** `sync_cursors`, per account and task. */
export class SyncCursorStore {
  constructor(private readonly db: Database) {}

  get(accountId: string, taskId: string): SyncCursor | null {
    const row = this.db
      .prepare<[string, string], { cursor: number; synced_at: number | null; complete: number }>(
        'SELECT cursor, synced_at, complete FROM sync_cursors WHERE account_id = ? AND task_id = ?',
      )
      .get(accountId, taskId);
    return row ? { cursor: row.cursor, syncedAt: row.synced_at, complete: row.complete === 1 } : null;
  }

  /** Saves the cursor; `syncedAt` is kept from before when not given (a partial sync). */
  save(accountId: string, taskId: string, cursor: number, complete: boolean, syncedAt?: number): void {
    this.db
      .prepare(
        `INSERT INTO sync_cursors (account_id, task_id, cursor, synced_at, complete) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (account_id, task_id) DO UPDATE SET cursor = excluded.cursor,
           synced_at = coalesce(excluded.synced_at, synced_at), complete = excluded.complete`,
      )
      .run(accountId, taskId, cursor, syncedAt ?? null, complete ? 1 : 0);
  }

  /** Every task of the account with a cursor, with its last complete sync. */
  tasks(accountId: string): { taskId: string; syncedAt: number | null }[] {
    return this.db
      .prepare<[string], { task_id: string; synced_at: number | null }>(
        'SELECT task_id, synced_at FROM sync_cursors WHERE account_id = ?',
      )
      .all(accountId)
      .map((row) => ({ taskId: row.task_id, syncedAt: row.synced_at }));
  }
}

import type { Database } from 'better-sqlite3';

/** The task, call list and row an outid was uploaded as. */
export interface OutidTarget {
  /** Null when the row is known but not which task it went to. */
  taskId: string | null;
  /** The account of that task, when the resolver knows it. */
  accountId?: string;
  listId: number;
  rowId: number;
  /** The row's outid, when known (a synced call does not carry it). */
  outid?: string;
}

/** The task a synced call is known to belong to. */
export interface TaskRef {
  accountId: string;
  taskId: string;
}

/**
 * Maps an outid back to where it came from, for pushes (which carry an outid but no task id)
 * and for joining calls to call-list rows. The upload journal implements it exactly, per
 * (account, task, list) (uploads/resolver.ts); {@link createListOutidResolver} is its fallback,
 * looking the outid up in the call lists.
 */
export interface OutidResolver {
  /** `on`: the task the call is known to belong to (a sync), preferred when the outid went to several. */
  taskFor(outid: string, on?: TaskRef): OutidTarget | null;
  /**
   * The row a synced call dialled, by its telephone among the rows uploaded into the task:
   * `query_time_task_data` answers calls without their outid.
   */
  rowForTelephone?(telephone: string, on: TaskRef): OutidTarget | null;
}

interface Hit {
  row_id: number;
  list_id: number;
  task_id: string | null;
  account_id: string | null;
}

/**
 * The default resolver: the row with this outid in the call lists (an outid is unique inside a
 * list), preferring a list linked to a task in the Results screen (`result_task_lists`), whose
 * task and account it then reports; otherwise the newest list holding it, with no task.
 */
export function createListOutidResolver(db: Database): OutidResolver {
  const find = db.prepare<[string], Hit>(
    `SELECT r.id AS row_id, r.list_id AS list_id, t.task_id AS task_id, t.account_id AS account_id
     FROM call_rows r
     JOIN call_lists l ON l.id = r.list_id AND l.state = 'ready'
     LEFT JOIN result_task_lists t ON t.list_id = r.list_id
     WHERE r.outid = ?
     ORDER BY (t.task_id IS NULL), l.id DESC
     LIMIT 1`,
  );
  return {
    taskFor(outid) {
      const hit = find.get(outid);
      if (!hit) return null;
      return {
        taskId: hit.task_id,
        ...(hit.account_id ? { accountId: hit.account_id } : {}),
        listId: hit.list_id,
        rowId: hit.row_id,
      };
    },
  };
}

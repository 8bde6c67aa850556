import type { Database } from 'better-sqlite3';
import { createListOutidResolver, type OutidResolver, type OutidTarget } from '../results/resolver';

interface Hit {
  account_id: string;
  task_id: string;
  list_id: number;
  row_id: number;
  outid: string;
}

/**
 * Maps an outid to the task this app uploaded it into, from the upload journal: the exact
 * answer for pushes, which carry an outid but no task. Rows the provider refused never reached
 * a task and are not considered; among the rest an accepted row wins, then the newest upload.
 * With `on` (a sync of a known task) that task's upload is taken when there is one. Outids the
 * journal does not know (uploaded by another tool) fall back to the call lists (`fallback`).
 * Synced calls carry no outid: their row is the one uploaded into the task with their telephone
 * (a list holds each number once; rows with a duplicate number are never uploaded).
 */
export function createJournalOutidResolver(
  db: Database,
  fallback: OutidResolver = createListOutidResolver(db),
): OutidResolver {
  const columns = `u.account_id AS account_id, u.task_id AS task_id, u.list_id AS list_id, r.row_id AS row_id,
     r.outid AS outid FROM upload_rows r JOIN uploads u ON u.id = r.upload_id`;
  const order = `ORDER BY (r.state = 'accepted') DESC, u.id DESC LIMIT 1`;
  const any = db.prepare<[string], Hit>(
    `SELECT ${columns} WHERE r.outid = ? AND r.state <> 'rejected' ${order}`,
  );
  const onTask = db.prepare<[string, string, string], Hit>(
    `SELECT ${columns} WHERE r.outid = ? AND u.account_id = ? AND u.task_id = ? AND r.state <> 'rejected' ${order}`,
  );
  const byTelephone = db.prepare<[string, string, string], Hit>(
    `SELECT ${columns} WHERE r.telephone = ? AND u.account_id = ? AND u.task_id = ? AND r.state <> 'rejected' ${order}`,
  );
  const toTarget = (hit: Hit): OutidTarget => ({
    taskId: hit.task_id,
    accountId: hit.account_id,
    listId: hit.list_id,
    rowId: hit.row_id,
    outid: hit.outid,
  });
  return {
    taskFor(outid, on) {
      const hit = on ? onTask.get(outid, on.accountId, on.taskId) : any.get(outid);
      if (hit) return toTarget(hit);
      return fallback.taskFor(outid, on);
    },
    rowForTelephone(telephone, on) {
      const hit = byTelephone.get(telephone, on.accountId, on.taskId);
      return hit ? toTarget(hit) : (fallback.rowForTelephone?.(telephone, on) ?? null);
    },
  };
}

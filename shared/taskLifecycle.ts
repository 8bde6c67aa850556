/**
 * What the provider allows for each task status (spec README, "The task life cycle"). Main
 * checks it before sending, and the Tasks screen enables a button only where it is allowed, so
 * both sides read the same table.
 */
import { TASK_STATUS_CODES as S } from './tasks';

export const TASK_ACTIONS = ['pause', 'resume', 'end', 'delete', 'edit'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/**
 * The actions a task in `status` allows:
 * - pause: running, outside calling hours or queued (1, 3, 4);
 * - resume: paused (5) only (else the server answers 320024);
 * - end: not on a task that has not started or is finished (0, 2 answer 320023);
 * - delete: anything not already deleted (a deleted task answers 320020);
 * - edit: anything not deleted or finished (the spec is silent; a finished task has nothing
 *   left to change, and the sandbox refuses to edit an ended one).
 * An unknown status allows only delete.
 */
export function allowedActions(status: number): ReadonlySet<TaskAction> {
  const allowed = new Set<TaskAction>();
  if (status === S.deleted) return allowed;
  allowed.add('delete');
  const known = (Object.values(S) as number[]).includes(status);
  if (!known) return allowed;
  if (status === S.running || status === S.outsideHours || status === S.queued) allowed.add('pause');
  if (status === S.paused) allowed.add('resume');
  if (status !== S.notStarted && status !== S.finished) allowed.add('end');
  if (status !== S.finished) allowed.add('edit');
  return allowed;
}

/** Whether `action` is allowed for a task in `status`. */
export function isActionAllowed(status: number, action: TaskAction): boolean {
  return allowedActions(status).has(action);
}

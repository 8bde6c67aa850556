/**
 * The task life cycle: the task_status the server reports, derived from what the operator set
 * (mode), the uploaded rows, the clock and the robot pool; and which operations each status
 * allows (spec README, "The task life cycle").
 */

import { insideCallingHours } from './calling-hours';
import { reject } from './codes';
import type { Task } from './task-store';

export const TASK_DELETED = -1;
export const TASK_NOT_STARTED = 0;
export const TASK_RUNNING = 1;
export const TASK_FINISHED = 2;
export const TASK_OUTSIDE_HOURS = 3;
export const TASK_QUEUED = 4;
export const TASK_PAUSED = 5;

/** Whether the validity window (time_type 1) has ended. */
export function validityOver(task: Task, now: number): boolean {
  const s = task.settings;
  return s.timeType === 1 && s.endTime !== null && now >= s.endTime;
}

/** Whether the validity window (time_type 1) has not begun yet. */
export function validityAhead(task: Task, now: number): boolean {
  const s = task.settings;
  return s.timeType === 1 && s.startTime !== null && now < s.startTime;
}

/** Whether the task may start a new call right now (robots aside). */
export function mayDial(task: Task, now: number): boolean {
  return (
    task.mode === 'active' &&
    task.pendingRows > 0 &&
    !validityOver(task, now) &&
    !validityAhead(task, now) &&
    insideCallingHours(task.settings.slots, now)
  );
}

/**
 * Whether the task still has something to do: the fast clock only runs at full speed while
 * some task does, so idle time passes at the real pace (see clock notes in dialer.ts).
 */
export function hasWork(task: Task, now: number): boolean {
  if (task.activeCalls > 0) return true;
  return task.mode === 'active' && task.pendingRows > 0 && !validityOver(task, now);
}

/**
 * The task_status: -1 deleted, 2 ended by the operator, expired or with every row dialled, 5
 * paused, 0 with no rows or before its validity, 3 outside calling hours, 4 when all the
 * account's robots are busy with other tasks, else 1.
 */
export function taskStatus(task: Task, now: number, robotsFree: number): number {
  if (task.mode === 'deleted') return TASK_DELETED;
  if (task.mode === 'ended') return TASK_FINISHED;
  if (task.mode === 'paused') return TASK_PAUSED;
  if (validityOver(task, now)) return TASK_FINISHED;
  if (task.liveRows === 0 || validityAhead(task, now)) return TASK_NOT_STARTED;
  if (task.activeCalls > 0) return TASK_RUNNING;
  if (task.pendingRows === 0) return TASK_FINISHED;
  if (!insideCallingHours(task.settings.slots, now)) return TASK_OUTSIDE_HOURS;
  return robotsFree > 0 ? TASK_RUNNING : TASK_QUEUED;
}

/**
 * pause_task: only running, outside-hours or queued tasks (1, 3, 4). Anything else answers
 * 320023: the document's only general life-cycle error ("not started or finished") and the
 * closest meaning for a task that cannot be paused (320024 is specific to resuming).
 */
export function assertPausable(status: number): void {
  if (status === TASK_DELETED) reject('320020');
  if (status !== TASK_RUNNING && status !== TASK_OUTSIDE_HOURS && status !== TASK_QUEUED) reject('320023');
}

/** resume_task: only a paused task (5); otherwise 320024. */
export function assertResumable(status: number): void {
  if (status === TASK_DELETED) reject('320020');
  if (status !== TASK_PAUSED) reject('320024');
}

/** end_task: a task not started or already finished answers 320023. */
export function assertEndable(status: number): void {
  if (status === TASK_DELETED) reject('320020');
  if (status === TASK_NOT_STARTED || status === TASK_FINISHED) reject('320023');
}

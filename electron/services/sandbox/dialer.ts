/**
 * The dialing simulation: a discrete-event loop over simulated time that hands the account's
 * robots to tasks (first created, first served), starts calls on uploaded rows in upload order,
 * and files each call when its planned end time is reached.
 *
 * Time only moves through `advance()`. The host decides how fast: tests call it directly, and
 * the server's timer calls it with `speed ×` the real time elapsed while some task has work, and
 * with the real time elapsed otherwise. That keeps a demo quick (a night outside calling hours
 * passes in minutes) without letting the simulated clock drift far ahead of the real one while
 * nothing is happening.
 */

import { ACCOUNT_ROBOTS } from './account';
import { nextMinuteBoundary } from './calling-hours';
import { planCall, CALL_CONNECTED, type CallPlan } from './call-plan';
import { hasWork, mayDial, taskStatus, validityAhead, validityOver } from './lifecycle';
import { hash32 } from './random';
import type { CallRecord, CallRow, Task, TaskStore } from './task-store';
import { findTemplate, parseVariables, TEMPLATES } from './templates';

export interface DialerHooks {
  /** A call has ended and was filed (push it, count it). */
  onCallCompleted(task: Task, call: CallRecord): void;
  /** A call started or ended: the state worth saving changed. */
  onChange(): void;
}

interface ActiveCall {
  task: Task;
  call: CallRecord;
}

/** Regenerates the full plan (transcript included) of a call. */
export function planOfCall(task: Task, call: CallRecord): CallPlan {
  const template = findTemplate(task.settings.templateId) ?? TEMPLATES[0]!;
  return planCall({
    seed: call.seed,
    template,
    variables: parseVariables(call.row.variable),
    startTime: call.startTime,
  });
}

/** A new call on `row` starting at `startTime`, its outcome and end already planned. */
export function createCallRecord(
  store: TaskStore,
  sandboxSeed: number,
  task: Task,
  row: CallRow,
  startTime: number,
): CallRecord {
  const callid = store.newCallId();
  const seed = hash32(callid, sandboxSeed);
  const callers = task.settings.callers;
  const call: CallRecord = {
    callid,
    taskId: task.id,
    row,
    caller: callers[seed % callers.length] ?? '',
    seed,
    startTime,
    endTime: 0,
    status: 0,
    connected: false,
    intent: false,
  };
  const plan = planOfCall(task, call);
  call.endTime = plan.endTime;
  call.status = plan.status;
  call.connected = plan.status === CALL_CONNECTED;
  call.intent = plan.intent;
  return call;
}

export class Dialer {
  /** The simulated clock (epoch ms). */
  now: number;
  private active: ActiveCall[] = [];
  /** Largest number of simultaneous calls seen, per task id and for the whole account. */
  readonly peakByTask = new Map<string, number>();
  peakAccount = 0;

  constructor(
    private readonly store: TaskStore,
    private readonly seed: number,
    startTime: number,
    private readonly hooks: DialerHooks,
  ) {
    this.now = startTime;
  }

  get robotsFree(): number {
    return ACCOUNT_ROBOTS - this.active.length;
  }

  /** The task_status the server reports now. */
  statusOf(task: Task): number {
    return taskStatus(task, this.now, this.robotsFree);
  }

  /** Whether any task still has rows to dial or calls in progress. */
  hasWork(): boolean {
    return this.store.order.some((t) => hasWork(t, this.now));
  }

  /** Runs the simulation for `simMs` of simulated time. */
  advance(simMs: number): void {
    const target = this.now + Math.max(0, simMs);
    this.dispatch();
    while (this.now < target) {
      this.now = Math.min(this.nextEvent(), target);
      this.completeDueCalls();
      this.dispatch();
    }
  }

  /** Starts calls wherever a task may dial and a robot is free, at the current instant. */
  dispatch(): void {
    for (const task of this.store.order) {
      if (this.robotsFree === 0) return;
      if (!mayDial(task, this.now)) continue;
      while (task.activeCalls < task.settings.robotNum && this.robotsFree > 0) {
        const row = this.store.nextPendingRow(task);
        if (!row) break;
        this.startCall(task, row);
      }
    }
  }

  /**
   * Moves the clock to `time` without dialing in between: for the time a restored sandbox was
   * not running beyond what it catches up (see persist.ts). Calls that ended meanwhile are filed
   * at once; robots are then handed out at `time`.
   */
  jumpTo(time: number): void {
    if (!(time > this.now)) return;
    this.now = time;
    this.completeDueCalls();
    this.dispatch();
  }

  /** Drops a deleted task's calls in progress, freeing their robots. */
  abortTask(task: Task): void {
    for (const a of this.active.filter((x) => x.task === task)) {
      a.call.row.state = 'pending';
      task.pendingRows++;
      task.activeCalls--;
    }
    this.active = this.active.filter((x) => x.task !== task);
    this.dispatch();
  }

  private startCall(task: Task, row: CallRow): void {
    const call = createCallRecord(this.store, this.seed, task, row, this.now);
    row.state = 'dialling';
    task.pendingRows--;
    task.activeCalls++;
    this.active.push({ task, call });
    this.hooks.onChange();
    this.peakAccount = Math.max(this.peakAccount, this.active.length);
    this.peakByTask.set(task.id, Math.max(this.peakByTask.get(task.id) ?? 0, task.activeCalls));
  }

  private completeDueCalls(): void {
    const due = this.active.filter((a) => a.call.endTime <= this.now);
    if (due.length === 0) return;
    this.active = this.active.filter((a) => a.call.endTime > this.now);
    due.sort((a, b) => a.call.endTime - b.call.endTime);
    for (const { task, call } of due) {
      task.activeCalls--;
      call.row.state = 'done';
      this.store.fileCall(task, call);
      this.hooks.onCallCompleted(task, call);
    }
    this.hooks.onChange();
  }

  /**
   * The next instant something can change: a call ends, a validity window opens, or (while a
   * task waits for its calling hours) the next minute, since windows are whole minutes.
   */
  private nextEvent(): number {
    let next = Number.POSITIVE_INFINITY;
    for (const a of this.active) next = Math.min(next, a.call.endTime);
    for (const task of this.store.order) {
      if (task.mode !== 'active' || task.pendingRows === 0 || validityOver(task, this.now)) continue;
      if (validityAhead(task, this.now)) next = Math.min(next, task.settings.startTime ?? next);
      else if (!mayDial(task, this.now)) next = Math.min(next, nextMinuteBoundary(this.now));
    }
    return Math.max(next, this.now + 1);
  }
}

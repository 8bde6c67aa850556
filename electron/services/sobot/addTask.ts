/**
 * add_task without duplicates. Creating a task is not idempotent (the server has no request
 * key), so a lost answer is never answered by sending again. Instead: note which unfinished
 * tasks already carry the name before sending; if the answer is lost, ask query_task and
 * accept the outcome only when exactly one new unfinished task has that name.
 */
import type { Logger } from '../log';
import { TransportError } from '../http/errors';
import { SobotAddTaskUncertainError, SobotError } from './errors';
import { normalizeCallTimeSlot, wireInt, wirePhoneList, wireTimestamp } from './params';
import { backoffDelay, sleep, type RetryPolicy } from '../http/retry';
import type { WireParams } from './transport';
import type { AddTaskParams, AddTaskResult, CallOptions, TaskSummary } from './types';

/** add_task's parameters in wire form (validated; throws SobotValidationError). */
export function addTaskWire(p: AddTaskParams): WireParams {
  return {
    templateid: p.templateid,
    task_name: p.task_name,
    line_type: wireInt(p.line_type ?? 1, 'line_type'),
    telephone: wirePhoneList(p.telephone),
    robot_num: wireInt(p.robot_num, 'robot_num'),
    time_type: wireInt(p.time_type, 'time_type'),
    start_time: wireTimestamp(p.start_time, 'start_time'),
    end_time: wireTimestamp(p.end_time, 'end_time'),
    call_time_slot: normalizeCallTimeSlot(p.call_time_slot ?? ''),
    task_status: wireInt(p.task_status ?? 0, 'task_status'),
    push_url: p.push_url,
    push_type: wireInt(p.push_type, 'push_type'),
    number_hide: wireInt(p.number_hide, 'number_hide'),
    export_status: wireInt(p.export_status, 'export_status'),
  };
}

/** True when the request may have created the task although no usable answer came back. */
export function isAmbiguous(err: unknown): err is SobotError | TransportError {
  if (err instanceof TransportError) return err.sent !== 'no' && err.code !== 'net.aborted';
  // 329999 is the server's "unknown exception": it may have thrown after inserting the task.
  return err instanceof SobotError && err.code === '329999';
}

/** What addTask needs from the client. */
export interface AddTaskDeps {
  send: (wire: WireParams, signal?: AbortSignal) => Promise<string>;
  queryTask: (opts: CallOptions) => Promise<TaskSummary[]>;
  retry: RetryPolicy;
  log: Logger;
}

/** Creates a task; reconciles through query_task after an ambiguous failure. */
export async function addTaskSafely(
  deps: AddTaskDeps,
  params: AddTaskParams,
  opts: CallOptions = {},
): Promise<AddTaskResult> {
  const wire = addTaskWire(params); // validation errors surface before any request
  const name = params.task_name.trim();
  const signalOpts: CallOptions = opts.signal ? { signal: opts.signal } : {};
  const sameName = (tasks: TaskSummary[]): string[] =>
    tasks.filter((t) => t.task_name.trim() === name).map((t) => t.taskid);

  let before: Set<string> | null = null;
  try {
    before = new Set(sameName(await deps.queryTask(signalOpts)));
  } catch (err) {
    if (err instanceof TransportError && err.code === 'net.aborted') throw err;
    // Without the snapshot a lost answer cannot be reconciled, but creation itself may work.
    deps.log.warn('add_task: query_task snapshot failed', {
      error: err instanceof Error ? err.message : 'unknown',
    });
  }

  try {
    return { taskid: await deps.send(wire, opts.signal), reconciled: false };
  } catch (err) {
    if (!isAmbiguous(err)) throw err;
    deps.log.warn('add_task: answer lost, reconciling through query_task', { error: err.message });
    if (before === null) throw new SobotAddTaskUncertainError(name, [], err);
    let candidates: string[];
    try {
      // A short pause: the task may become visible only once the lost request finishes.
      await sleep(
        backoffDelay(2, deps.retry),
        opts.signal,
        () => new TransportError({ code: 'net.aborted', endpoint: 'add_task', sent: 'maybe' }),
      );
      const known = before;
      candidates = sameName(await deps.queryTask(signalOpts)).filter((id) => !known.has(id));
    } catch (queryErr) {
      if (queryErr instanceof TransportError && queryErr.code === 'net.aborted') throw queryErr;
      throw new SobotAddTaskUncertainError(name, [], err);
    }
    if (candidates.length === 1) return { taskid: candidates[0] as string, reconciled: true };
    throw new SobotAddTaskUncertainError(name, candidates, err);
  }
}

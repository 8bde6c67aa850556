/**
 * Task endpoints: add_task, editor_task, pause_task, resume_task, end_task, delete_task,
 * query_task, query_task_info.
 */

import { reject, success } from '../codes';
import { assertEndable, assertPausable, assertResumable, TASK_DELETED, TASK_FINISHED } from '../lifecycle';
import type { RequestParams } from '../params';
import type { SandboxState } from '../state';
import { applyTaskEdits, readNewTaskSettings } from '../task-settings';
import type { Task } from '../task-store';
import type { Handler } from './context';

/** query_task_info and calls_count accept at most this many ids. */
export const MAX_TASK_IDS = 15;

/** add_task: creates a task, not started until it has rows. `task_status` is ignored. */
export const addTask: Handler = ({ params, sandbox }) => {
  const task = sandbox.store.create(readNewTaskSettings(params), sandbox.now);
  sandbox.log.debug('sandbox task created', { taskid: task.id, name: task.settings.name });
  return success('创建任务成功', { data: { taskid: task.id } });
};

/**
 * editor_task: edits any of the documented fields. A task ended with end_task can no longer be
 * edited (320023, like the other life-cycle operations); an expired one can, since moving its
 * end time is how a task is extended.
 */
export const editorTask: Handler = ({ params, sandbox }) => {
  const task = sandbox.store.mustFind(params.text('taskid'));
  if (task.mode === 'ended') reject('320023');
  task.settings = applyTaskEdits(task.settings, params);
  sandbox.dialer.dispatch();
  return success('编辑任务成功');
};

/** pause_task: only 1, 3 and 4 (see lifecycle.ts for the code of other states). */
export const pauseTask: Handler = ({ params, sandbox }) => {
  const task = sandbox.store.mustFind(params.text('taskid'));
  assertPausable(sandbox.dialer.statusOf(task));
  task.mode = 'paused';
  return success('暂停成功');
};

/** resume_task: only a paused task. */
export const resumeTask: Handler = ({ params, sandbox }) => {
  const task = sandbox.store.mustFind(params.text('taskid'));
  assertResumable(sandbox.dialer.statusOf(task));
  task.mode = 'active';
  sandbox.dialer.dispatch();
  return success('继续任务成功');
};

/** end_task: rows not yet dialled stay undialled; calls in progress finish normally. */
export const endTask: Handler = ({ params, sandbox }) => {
  const task = sandbox.store.mustFind(params.text('taskid'));
  assertEndable(sandbox.dialer.statusOf(task));
  task.mode = 'ended';
  return success('完结成功');
};

/** delete_task: any state but deleted; calls in progress are dropped. */
export const deleteTask: Handler = ({ params, sandbox }) => {
  const task = sandbox.store.mustFind(params.text('taskid'));
  task.mode = 'deleted';
  sandbox.dialer.abortTask(task);
  return success('删除成功');
};

/** query_task: every task that is not finished and not deleted. */
export const queryTask: Handler = ({ sandbox }) => {
  const data = [];
  for (const task of sandbox.store.order) {
    const status = sandbox.dialer.statusOf(task);
    if (status === TASK_FINISHED || status === TASK_DELETED) continue;
    data.push({ task_name: task.settings.name, task_status: status, taskid: task.id });
  }
  return success('查询成功', { data });
};

/**
 * The tasks a multi-id query names (comma-separated). Missing → 320021; more than 15 ids →
 * 320022 (the document has no limit code; "task id wrong" is the closest). Unknown ids are left
 * out of the answer rather than failing the whole query; deleted tasks are included.
 */
export function requireTaskList(params: RequestParams, sandbox: SandboxState): Task[] {
  const ids = [
    ...new Set(
      (params.text('taskid') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0) reject('320021');
  if (ids.length > MAX_TASK_IDS) reject('320022', `任务id有误:最多${MAX_TASK_IDS}个`);
  return ids.map((id) => sandbox.store.get(id)).filter((t): t is Task => t !== undefined);
}

/** query_task_info: settings and counters of up to 15 tasks. */
export const queryTaskInfo: Handler = ({ params, sandbox }) => {
  const data = requireTaskList(params, sandbox).map((task) => {
    const s = task.settings;
    return {
      call_times: task.calls.length,
      call_intent_times: task.intentCalls,
      task_name: s.name,
      call_total_data: task.liveRows,
      task_status: sandbox.dialer.statusOf(task),
      time_type: s.timeType,
      call_time_slot: s.callTimeSlot,
      end_time: s.endTime,
      robot_num: s.robotNum,
      telephone: s.callers.join(','),
      start_time: s.startTime,
      call_connected_times: task.connectedCalls,
      taskid: task.id,
    };
  });
  return success('查询成功', { data });
};

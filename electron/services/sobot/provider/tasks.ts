/**
 * Between the operator's words (shared/tasks.ts) and the iCall V1 task fields: `taskid`,
 * `call_time_slot`, `time_type`, `number_hide`, `push_type` and the status codes stop here.
 */
import { sobotTaskStatus } from '../../../../shared/codes/sobot';
import type {
  NumberHiding,
  ResultPushWhen,
  TaskDraft,
  TaskEdit,
  TaskTemplate,
  TaskValidity,
} from '../../../../shared/tasks';
import type { ProviderTask } from '../../providers/types';
import type { AddTaskParams, EditorTaskParams, TaskInfo, TaskSummary, Template } from '../types';

/** `a,b` → ['a', 'b'], blanks dropped. */
const commaList = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** time_type 1 (custom window) with its 13-digit ms bounds, or 2 (permanent). */
export function toValidity(info: Pick<TaskInfo, 'time_type' | 'start_time' | 'end_time'>): TaskValidity {
  return info.time_type === 1 && info.start_time !== null && info.end_time !== null
    ? { kind: 'range', start: info.start_time, end: info.end_time }
    : { kind: 'permanent' };
}

/** One query_task_info entry as a provider task. */
export function toProviderTask(info: TaskInfo): ProviderTask {
  return {
    id: info.taskid,
    name: info.task_name,
    status: sobotTaskStatus(info.task_status),
    statusCode: String(info.task_status),
    callerNumbers: commaList(info.telephone),
    robots: info.robot_num,
    callingHours: commaList(info.call_time_slot),
    validity: toValidity(info),
    counts: {
      total: info.call_total_data,
      dialled: info.call_times,
      connected: info.call_connected_times,
      intent: info.call_intent_times,
    },
  };
}

/** An unfinished task query_task_info did not describe: its summary with zero counts. */
export function fromSummary(summary: TaskSummary): ProviderTask {
  return {
    id: summary.taskid,
    name: summary.task_name,
    status: sobotTaskStatus(summary.task_status),
    statusCode: String(summary.task_status),
    callerNumbers: [],
    robots: 0,
    callingHours: [],
    validity: { kind: 'permanent' },
    counts: { total: 0, dialled: 0, connected: 0, intent: 0 },
  };
}

/** A query_template entry as a TaskTemplate. */
export function toTemplate(template: Template): TaskTemplate {
  return {
    id: template.templateid,
    name: template.template_name,
    script: template.content,
    audioCount: template.record.length,
  };
}

const validityParams = (
  validity: TaskValidity,
): Pick<AddTaskParams, 'time_type' | 'start_time' | 'end_time'> =>
  validity.kind === 'range'
    ? { time_type: 1, start_time: validity.start, end_time: validity.end }
    : { time_type: 2 };

const PUSH_TYPE: Record<ResultPushWhen, number> = { transfer: 1, every_call: 2 };
const NUMBER_HIDE: Record<NumberHiding, number> = { none: 0, last4: 1, middle4: 2 };

/** A checked draft (hours already normalised) as add_task parameters. */
export function toAddTaskParams(draft: TaskDraft, hours: readonly string[]): AddTaskParams {
  return {
    templateid: draft.templateId.trim(),
    task_name: draft.name.trim(),
    line_type: 1,
    telephone: [...new Set(draft.callerNumbers)],
    robot_num: draft.robots,
    ...validityParams(draft.validity),
    call_time_slot: hours.join(','),
    task_status: 0,
    ...(draft.resultPush
      ? { push_url: draft.resultPush.url.trim(), push_type: PUSH_TYPE[draft.resultPush.when] }
      : {}),
    number_hide: NUMBER_HIDE[draft.numberHiding],
    export_status: draft.exportAllowed ? 0 : 1,
  };
}

/** A checked edit (hours already normalised) as editor_task parameters. */
export function toEditorParams(edit: TaskEdit, hours: readonly string[] | undefined): EditorTaskParams {
  return {
    taskid: edit.id,
    ...(edit.name !== undefined ? { task_name: edit.name.trim() } : {}),
    ...(edit.callerNumbers !== undefined ? { telephone: [...new Set(edit.callerNumbers)] } : {}),
    ...(edit.robots !== undefined ? { robot_num: edit.robots } : {}),
    ...(edit.validity !== undefined ? validityParams(edit.validity) : {}),
    ...(hours !== undefined ? { call_time_slot: hours.join(',') } : {}),
  };
}

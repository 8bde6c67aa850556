/**
 * Validating add_task and editor_task parameters into TaskSettings, with the document's codes
 * in the order a server checks them: presence of each required field (320011–320017) first,
 * then whether the template exists (320019).
 *
 * Where the document has no code of its own:
 * - robot_num that is not an integer, is below 1 or above the account's robots → 320013;
 * - a caller number that is not configured on the account → 320014 (the caller code);
 * - time_type other than 1 or 2 → 320015; start/end not integers or start ≥ end → 320016;
 * - a malformed call_time_slot → 320017;
 * - line_type, task_status and export_status are stored but not checked (no code exists).
 */

import { ACCOUNT_ROBOTS, isAccountCaller } from './account';
import { parseCallTimeSlot } from './calling-hours';
import { reject } from './codes';
import { strictInt, type RequestParams } from './params';
import type { TaskSettings } from './task-store';
import { findTemplate } from './templates';

function robotNum(text: string | undefined): number {
  const n = strictInt(text);
  if (n === undefined || n < 1 || n > ACCOUNT_ROBOTS) reject('320013');
  return n;
}

function callers(text: string | undefined): string[] {
  const numbers = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (numbers.length === 0) reject('320014');
  const unknown = numbers.find((n) => !isAccountCaller(n));
  if (unknown) reject('320014', `外显号码${unknown}不存在`);
  return [...new Set(numbers)];
}

function timeType(text: string | undefined): 1 | 2 {
  if (text === '1') return 1;
  if (text === '2') return 2;
  return reject('320015');
}

function validity(start: number | null | undefined, end: number | null | undefined): [number, number] {
  if (start === undefined || start === null || end === undefined || end === null || start >= end)
    reject('320016');
  return [start, end];
}

function optionalStamp(params: RequestParams, name: string): number | undefined {
  const text = params.text(name);
  if (text === undefined) return undefined;
  const value = strictInt(text);
  if (value === undefined) reject('320016');
  return value;
}

function slots(text: string | undefined): Pick<TaskSettings, 'callTimeSlot' | 'slots'> {
  if (!text) reject('320017');
  const parsed = parseCallTimeSlot(text);
  if (!parsed) reject('320017', `拨打时间段格式错误:${text}`);
  return { callTimeSlot: parsed.normalized, slots: parsed.slots };
}

const oneOf = <T extends number>(text: string | undefined, allowed: readonly T[], fallback: T): T => {
  const n = strictInt(text);
  return allowed.find((a) => a === n) ?? fallback;
};

/** add_task parameters → settings of a new task. */
export function readNewTaskSettings(params: RequestParams): TaskSettings {
  const templateId = params.text('templateid');
  if (!templateId) reject('320011');
  const name = params.text('task_name');
  if (!name) reject('320012');
  const robots = robotNum(params.text('robot_num'));
  const numbers = callers(params.text('telephone'));
  const type = timeType(params.text('time_type'));
  const window =
    type === 1 ? validity(optionalStamp(params, 'start_time'), optionalStamp(params, 'end_time')) : null;
  const hours = slots(params.text('call_time_slot'));
  if (!findTemplate(templateId)) reject('320019', '模板有误');
  const pushUrl = params.text('push_url') ?? null;
  return {
    name,
    templateId,
    lineType: strictInt(params.text('line_type')) ?? 1,
    callers: numbers,
    robotNum: robots,
    timeType: type,
    startTime: window ? window[0] : null,
    endTime: window ? window[1] : null,
    ...hours,
    pushUrl,
    pushType: oneOf(params.text('push_type'), [1, 2] as const, 2),
    numberHide: oneOf(params.text('number_hide'), [0, 1, 2] as const, 0),
    exportStatus: oneOf(params.text('export_status'), [0, 1] as const, 0),
  };
}

/** editor_task parameters applied over the current settings; absent fields stay as they are. */
export function applyTaskEdits(current: TaskSettings, params: RequestParams): TaskSettings {
  const next: TaskSettings = { ...current };
  const name = params.text('task_name');
  if (name) next.name = name;
  if (params.text('robot_num') !== undefined) next.robotNum = robotNum(params.text('robot_num'));
  if (params.text('telephone') !== undefined) next.callers = callers(params.text('telephone'));
  if (params.text('time_type') !== undefined) next.timeType = timeType(params.text('time_type'));
  const start = optionalStamp(params, 'start_time');
  const end = optionalStamp(params, 'end_time');
  if (next.timeType === 1) {
    [next.startTime, next.endTime] = validity(start ?? current.startTime, end ?? current.endTime);
  } else {
    next.startTime = null;
    next.endTime = null;
  }
  if (params.text('call_time_slot') !== undefined) Object.assign(next, slots(params.text('call_time_slot')));
  return next;
}

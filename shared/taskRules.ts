/**
 * The rules a new or edited task must follow, checked in the wizard before anything is sent and
 * again in main (the renderer is not trusted). Limits that depend on the account — its caller
 * numbers and robots — are passed in when known.
 */
import { checkCallingHours, MAX_CALLING_RANGES } from './callingHours';
import { TASK_ERRORS, type TaskErrorCode } from './codes/tasks';
import { format, type Locale } from './locale';
import type { TaskDraft, TaskEdit, TaskValidity } from './tasks';

/** Longest task name accepted unless the provider says otherwise (Sobot's console uses 50). */
export const MAX_TASK_NAME = 50;

export type TaskField =
  'templateId' | 'name' | 'callerNumbers' | 'robots' | 'callingHours' | 'validity' | 'resultPush';

/** One thing to fix, with the field it belongs to (and the range's index for calling hours). */
export interface TaskIssue {
  field: TaskField;
  code: TaskErrorCode;
  index?: number;
  params?: Record<string, string | number>;
}

/** What the account allows, when known. */
export interface TaskLimits {
  /** Caller numbers configured on the account. */
  callerNumbers?: readonly string[];
  /** Robots available (query_robot_num). */
  maxRobots?: number;
  /** The clock, to refuse a validity period that has already ended. */
  now?: number;
  /** Longest name the provider takes (default {@link MAX_TASK_NAME}). */
  maxNameLength?: number;
  /** Most calling-hour ranges the provider takes. */
  maxCallingHourRanges?: number;
  /** False when the provider has no robot count (it is then not checked). */
  robots?: boolean;
  /** False when a task needs an end (validity `permanent` refused). */
  permanentValidity?: boolean;
  /** Most caller numbers per task (unset: no bound). */
  maxCallerNumbers?: number | null;
}

/** The operator's text for an issue. */
export function describeTaskIssue(issue: TaskIssue, locale: Locale): string {
  return format(TASK_ERRORS[issue.code][locale], issue.params);
}

/** Whether a push address is an http(s) URL without credentials. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

function checkName(name: string, limits: TaskLimits, issues: TaskIssue[]): void {
  const trimmed = name.trim();
  const max = limits.maxNameLength ?? MAX_TASK_NAME;
  if (trimmed === '') issues.push({ field: 'name', code: 'tasks.name_required' });
  else if ([...trimmed].length > max)
    issues.push({ field: 'name', code: 'tasks.name_too_long', params: { max } });
}

function checkCallers(numbers: readonly string[], limits: TaskLimits, issues: TaskIssue[]): void {
  if (numbers.length === 0) {
    issues.push({ field: 'callerNumbers', code: 'tasks.caller_required' });
    return;
  }
  const most = limits.maxCallerNumbers;
  if (most !== undefined && most !== null && numbers.length > most)
    issues.push({ field: 'callerNumbers', code: 'tasks.caller_too_many', params: { max: most } });
  const known = limits.callerNumbers;
  const unknown = known ? numbers.find((n) => !known.includes(n)) : undefined;
  if (unknown !== undefined)
    issues.push({ field: 'callerNumbers', code: 'tasks.caller_unknown', params: { number: unknown } });
}

function checkRobots(robots: number, limits: TaskLimits, issues: TaskIssue[]): void {
  if (limits.robots === false) return;
  const max = limits.maxRobots ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(robots) || robots < 1 || robots > max) {
    issues.push({
      field: 'robots',
      code: 'tasks.robots_range',
      params: { max: limits.maxRobots ?? '∞' },
    });
  }
}

function checkHours(ranges: readonly string[], limits: TaskLimits, issues: TaskIssue[]): void {
  const max = limits.maxCallingHourRanges;
  // Past the app's own bound, checkCallingHours says so itself.
  if (max !== undefined && ranges.length > max && ranges.length <= MAX_CALLING_RANGES)
    issues.push({ field: 'callingHours', code: 'tasks.hours_too_many', params: { max } });
  const checked = checkCallingHours(ranges);
  if (checked.ok) return;
  for (const problem of checked.problems) {
    issues.push({
      field: 'callingHours',
      code: problem.code,
      ...('index' in problem ? { index: problem.index } : {}),
      ...('params' in problem ? { params: problem.params } : {}),
    });
  }
}

function checkValidity(validity: TaskValidity, limits: TaskLimits, issues: TaskIssue[]): void {
  if (validity.kind === 'permanent') {
    if (limits.permanentValidity === false)
      issues.push({ field: 'validity', code: 'tasks.validity_permanent' });
    return;
  }
  const { start, end } = validity;
  if (!Number.isFinite(start) || !Number.isFinite(end) || start <= 0 || end <= 0)
    issues.push({ field: 'validity', code: 'tasks.validity_required' });
  else if (start >= end) issues.push({ field: 'validity', code: 'tasks.validity_order' });
  else if (limits.now !== undefined && end <= limits.now)
    issues.push({ field: 'validity', code: 'tasks.validity_past' });
}

/** Everything wrong with a new task; empty when it may be sent. */
export function validateTaskDraft(draft: TaskDraft, limits: TaskLimits = {}): TaskIssue[] {
  const issues: TaskIssue[] = [];
  if (draft.templateId.trim() === '') issues.push({ field: 'templateId', code: 'tasks.template_required' });
  checkName(draft.name, limits, issues);
  checkCallers(draft.callerNumbers, limits, issues);
  checkRobots(draft.robots, limits, issues);
  checkHours(draft.callingHours, limits, issues);
  checkValidity(draft.validity, limits, issues);
  if (draft.resultPush && !isHttpUrl(draft.resultPush.url))
    issues.push({ field: 'resultPush', code: 'tasks.push_url_invalid' });
  return issues;
}

/** Everything wrong with an edit; only the fields present are checked. */
export function validateTaskEdit(edit: TaskEdit, limits: TaskLimits = {}): TaskIssue[] {
  const issues: TaskIssue[] = [];
  if (edit.name !== undefined) checkName(edit.name, limits, issues);
  if (edit.callerNumbers !== undefined) checkCallers(edit.callerNumbers, limits, issues);
  if (edit.robots !== undefined) checkRobots(edit.robots, limits, issues);
  if (edit.callingHours !== undefined) checkHours(edit.callingHours, limits, issues);
  if (edit.validity !== undefined) checkValidity(edit.validity, limits, issues);
  return issues;
}

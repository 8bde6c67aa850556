/**
 * The create/edit form as the operator types it, and its conversion to what main takes. The
 * rules are the shared ones (shared/taskRules.ts): the same checks and messages as main.
 */
import type { TaskDefaults } from '../../../../../shared/accounts';
import type { TaskField, TaskIssue } from '../../../../../shared/taskRules';
import type {
  NumberHiding,
  ResultPushWhen,
  TaskDraft,
  TaskOptions,
  TaskValidity,
} from '../../../../../shared/tasks';

/** One calling-hours range as two `HH:mm` inputs. An end of `00:00` means midnight (24:00). */
export interface HoursRow {
  start: string;
  end: string;
}

export interface ValidityForm {
  kind: 'permanent' | 'range';
  /** `YYYY-MM-DD` (local). */
  from: string;
  /** `YYYY-MM-DD` (local), inclusive: the task may dial until the end of that day. */
  to: string;
}

export interface TaskForm {
  templateId: string;
  name: string;
  callerNumbers: string[];
  robots: string;
  hours: HoursRow[];
  validity: ValidityForm;
  pushUrl: string;
  pushWhen: ResultPushWhen;
  numberHiding: NumberHiding;
  exportAllowed: boolean;
}

const DEFAULT_HOURS: HoursRow[] = [
  { start: '09:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];

/** `HH:mm-HH:mm` ranges as rows (for defaults and for editing a task). */
export function hoursRows(ranges: readonly string[]): HoursRow[] {
  return ranges.map((range) => {
    const [start = '', end = ''] = range.split('-').map((s) => s.trim());
    const pad = (t: string): string => (/^\d:/.test(t) ? `0${t}` : t);
    return { start: pad(start), end: end === '24:00' ? '00:00' : pad(end) };
  });
}

/** Rows as the ranges main checks: an end of 00:00 is the end of the day. */
export function hoursRanges(rows: readonly HoursRow[]): string[] {
  return rows.map((row) => `${row.start}-${row.end === '00:00' ? '24:00' : row.end}`);
}

const dayStart = (ymd: string, plusDays = 0): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).getTime() : NaN;
};

const ymdOf = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The validity main takes: local midnight of `from` to local midnight after `to`. */
export function toValidity(form: ValidityForm): TaskValidity {
  if (form.kind === 'permanent') return { kind: 'permanent' };
  return { kind: 'range', start: dayStart(form.from), end: dayStart(form.to, 1) };
}

/** A task's validity as the form shows it. */
export function validityForm(validity: TaskValidity): ValidityForm {
  if (validity.kind === 'permanent') return { kind: 'permanent', from: '', to: '' };
  return { kind: 'range', from: ymdOf(validity.start), to: ymdOf(validity.end - 1) };
}

/** A new form, pre-filled from the account's task defaults and what the account offers. */
export function newTaskForm(defaults: TaskDefaults, options: TaskOptions | null): TaskForm {
  const known = new Set(options?.callerLines.map((l) => l.number) ?? []);
  const callers = (defaults.callerNumbers ?? []).filter((n) => known.has(n));
  return {
    templateId: defaults.templateId ?? '',
    name: '',
    callerNumbers:
      callers.length > 0 ? callers : (options?.callerLines.slice(0, 1).map((l) => l.number) ?? []),
    robots: '1',
    hours: defaults.callingHours?.length ? hoursRows(defaults.callingHours) : DEFAULT_HOURS,
    validity: { kind: 'permanent', from: '', to: '' },
    pushUrl: '',
    pushWhen: 'every_call',
    numberHiding: 'none',
    exportAllowed: true,
  };
}

/** The draft main takes. A blank robot count becomes NaN, which the rules refuse. */
export function toDraft(form: TaskForm): TaskDraft {
  return {
    templateId: form.templateId,
    name: form.name,
    callerNumbers: form.callerNumbers,
    robots: form.robots.trim() === '' ? NaN : Number(form.robots),
    callingHours: hoursRanges(form.hours),
    validity: toValidity(form.validity),
    ...(form.pushUrl.trim() ? { resultPush: { url: form.pushUrl.trim(), when: form.pushWhen } } : {}),
    numberHiding: form.numberHiding,
    exportAllowed: form.exportAllowed,
  };
}

/** The issues of some fields only (one wizard step). */
export function issuesOf(issues: readonly TaskIssue[], fields: readonly TaskField[]): TaskIssue[] {
  return issues.filter((issue) => fields.includes(issue.field));
}

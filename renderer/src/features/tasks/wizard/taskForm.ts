/**
 * The create/edit form as the operator types it, and its conversion to what main takes. The
 * rules are the shared ones (shared/taskRules.ts): the same checks and messages as main.
 */
import type { TaskDefaults } from '../../../../../shared/accounts';
import type { ProviderCapabilities } from '../../../../../shared/providers';
import type { TaskField, TaskIssue, TaskLimits } from '../../../../../shared/taskRules';
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

/** What of the provider's capabilities shapes the form (null: not known yet, Sobot's way). */
export type FormCapabilities = Pick<
  ProviderCapabilities,
  'robots' | 'permanentValidity' | 'maxCallerNumbers' | 'maxCallingHourRanges' | 'maxTaskName'
>;

/** Days a new task runs when the provider needs an end (today and the six after it). */
const DEFAULT_RANGE_DAYS = 7;

/**
 * A new form, pre-filled from the account's task defaults and what the account offers, within
 * the provider's limits: no more caller numbers or hour ranges than it takes, and a date range
 * (from today) where it has no permanent tasks.
 */
export function newTaskForm(
  defaults: TaskDefaults,
  options: TaskOptions | null,
  capabilities: FormCapabilities | null = null,
  now: number = Date.now(),
): TaskForm {
  const known = new Set(options?.callerLines.map((l) => l.number) ?? []);
  const callers = (defaults.callerNumbers ?? []).filter((n) => known.has(n));
  const chosen = callers.length > 0 ? callers : (options?.callerLines.slice(0, 1).map((l) => l.number) ?? []);
  const maxCallers = capabilities?.maxCallerNumbers ?? null;
  const hours = defaults.callingHours?.length ? hoursRows(defaults.callingHours) : DEFAULT_HOURS;
  const needsRange = capabilities?.permanentValidity === false;
  return {
    templateId: defaults.templateId ?? '',
    name: '',
    callerNumbers: maxCallers === null ? chosen : chosen.slice(0, maxCallers),
    robots: capabilities?.robots === false ? '' : '1',
    hours: capabilities ? hours.slice(0, capabilities.maxCallingHourRanges) : hours,
    validity: needsRange
      ? { kind: 'range', from: ymdOf(now), to: ymdOf(dayStart(ymdOf(now), DEFAULT_RANGE_DAYS - 1)) }
      : { kind: 'permanent', from: '', to: '' },
    pushUrl: '',
    pushWhen: 'every_call',
    numberHiding: 'none',
    exportAllowed: true,
  };
}

/**
 * The draft main takes. A blank robot count becomes NaN, which the rules refuse; a provider
 * without robots gets 0 (it is not checked, nor sent).
 */
export function toDraft(form: TaskForm, capabilities: FormCapabilities | null = null): TaskDraft {
  const noRobots = capabilities?.robots === false;
  return {
    templateId: form.templateId,
    name: form.name,
    callerNumbers: form.callerNumbers,
    robots: noRobots ? 0 : form.robots.trim() === '' ? NaN : Number(form.robots),
    callingHours: hoursRanges(form.hours),
    validity: toValidity(form.validity),
    ...(form.pushUrl.trim() ? { resultPush: { url: form.pushUrl.trim(), when: form.pushWhen } } : {}),
    numberHiding: form.numberHiding,
    exportAllowed: form.exportAllowed,
  };
}

/**
 * The limits the wizard checks the draft against: the same ones main applies (the account's
 * caller numbers and robots, the provider's capabilities), so the form refuses inline what the
 * provider would refuse.
 */
export function formLimits(
  options: TaskOptions,
  capabilities: FormCapabilities | null,
  now: number,
): TaskLimits {
  return {
    now,
    // A provider that lists no caller numbers (CEC without any configured) leaves them unchecked.
    ...(options.callerLines.length > 0 ? { callerNumbers: options.callerLines.map((l) => l.number) } : {}),
    maxRobots: options.maxRobots,
    ...(capabilities
      ? {
          robots: capabilities.robots,
          permanentValidity: capabilities.permanentValidity,
          maxCallerNumbers: capabilities.maxCallerNumbers,
          maxCallingHourRanges: capabilities.maxCallingHourRanges,
          maxNameLength: capabilities.maxTaskName,
        }
      : {}),
  };
}

/** The issues of some fields only (one wizard step). */
export function issuesOf(issues: readonly TaskIssue[], fields: readonly TaskField[]): TaskIssue[] {
  return issues.filter((issue) => fields.includes(issue.field));
}

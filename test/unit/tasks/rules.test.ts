import { describe, expect, it } from 'vitest';
import { checkCallingHours, parseRange } from '../../../shared/callingHours';
import { allowedActions, TASK_ACTIONS } from '../../../shared/taskLifecycle';
import { sobotTaskStatus } from '../../../shared/codes/sobot';
import { SOBOT_CAPABILITIES } from '../../../electron/services/sobot/provider/info';
import { describeTaskIssue, validateTaskDraft, validateTaskEdit } from '../../../shared/taskRules';
import type { TaskDraft } from '../../../shared/tasks';
import { daysOfThisWeek, hoursOfToday } from '../../../electron/services/tasks/buckets';

describe('the Sobot task life cycle', () => {
  // spec/README: pause only 1, 3, 4; resume only 5; end not on 0 or 2; deleted answers 320020.
  const table: Record<number, string[]> = {
    [-1]: [],
    0: ['delete', 'edit'],
    1: ['pause', 'end', 'delete', 'edit'],
    2: ['delete'],
    3: ['pause', 'end', 'delete', 'edit'],
    4: ['pause', 'end', 'delete', 'edit'],
    5: ['resume', 'end', 'delete', 'edit'],
    8: ['delete'],
  };
  for (const [status, expected] of Object.entries(table)) {
    it(`allows ${expected.join(', ') || 'nothing'} for status ${status}`, () => {
      const allowed = allowedActions(SOBOT_CAPABILITIES, sobotTaskStatus(status));
      expect(TASK_ACTIONS.filter((a) => allowed.has(a)).sort()).toEqual([...expected].sort());
    });
  }
});

describe('calling hours', () => {
  it('accept one-digit hours and 24:00, and answer them padded and sorted', () => {
    expect(checkCallingHours(['14:00-18:00', '8:00-12:00', ' 20:00 - 24:00 '])).toEqual({
      ok: true,
      normalized: ['08:00-12:00', '14:00-18:00', '20:00-24:00'],
    });
    expect(checkCallingHours(['09:00-12:00', '12:00-14:00']).ok).toBe(true);
  });

  it('refuse malformed, reversed, overlapping, missing and too many ranges', () => {
    expect(parseRange('24:00-24:30')).toBe('format');
    expect(parseRange('09:60-10:00')).toBe('format');
    expect(parseRange('10:00-24:01')).toBe('format');
    expect(parseRange('10:00-10:00')).toBe('order');
    const result = checkCallingHours(['09:00-12:00', 'x', '18:00-13:00', '11:30-12:30', '08:00-09:30']);
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'tasks.hours_format', index: 1, params: { range: 'x' } },
        { code: 'tasks.hours_order', index: 2, params: { range: '18:00-13:00' } },
        { code: 'tasks.hours_overlap', index: 3, params: { range: '11:30-12:30', other: '09:00-12:00' } },
        { code: 'tasks.hours_overlap', index: 4, params: { range: '08:00-09:30', other: '09:00-12:00' } },
      ],
    });
    expect(checkCallingHours([])).toEqual({ ok: false, problems: [{ code: 'tasks.hours_required' }] });
    expect(checkCallingHours(Array.from({ length: 11 }, (_, i) => `${i}:00-${i}:30`)).ok).toBe(false);
  });
});

describe('task rules', () => {
  const draft: TaskDraft = {
    templateId: 't',
    name: '任务',
    callerNumbers: ['02180344315'],
    robots: 1,
    callingHours: ['09:00-18:00'],
    validity: { kind: 'permanent' },
    numberHiding: 'none',
    exportAllowed: true,
  };

  it('pass a good draft and say what is wrong in both languages', () => {
    expect(validateTaskDraft(draft, { callerNumbers: ['02180344315'], maxRobots: 4, now: 0 })).toEqual([]);
    const [issue] = validateTaskDraft({ ...draft, robots: 9 }, { maxRobots: 4 });
    expect(describeTaskIssue(issue!, 'zh-CN')).toBe('机器人数须为 1 到 4 之间的整数');
    expect(describeTaskIssue(issue!, 'en')).toBe('The robot count must be a whole number from 1 to 4');
  });

  it('check only the fields an edit changes', () => {
    expect(validateTaskEdit({ id: 'x' })).toEqual([]);
    expect(validateTaskEdit({ id: 'x', name: 'a'.repeat(51) }).map((i) => i.code)).toEqual([
      'tasks.name_too_long',
    ]);
    expect(validateTaskEdit({ id: 'x', callingHours: ['1-2'] })[0]).toMatchObject({
      field: 'callingHours',
      index: 0,
    });
  });
});

describe('chart buckets', () => {
  it('cover today by local hours and this week from Monday', () => {
    const now = new Date(2025, 2, 16, 10, 5).getTime(); // a Sunday
    const hours = hoursOfToday(now);
    expect(hours[0]!.start).toBe(new Date(2025, 2, 16).getTime());
    expect(hours[23]!.end).toBe(new Date(2025, 2, 17).getTime());
    const days = daysOfThisWeek(now);
    expect(days[0]!.start).toBe(new Date(2025, 2, 10).getTime());
    expect(days[6]!.end).toBe(new Date(2025, 2, 17).getTime());
  });
});

/**
 * The wizard's limits come from the account's options and the provider's capabilities, so the
 * form refuses inline what CEC would refuse (one caller number, at most 3 hour slots, no robot
 * count, no permanent campaign, names ≤ 100) while Sobot keeps its own.
 */
import { describe, expect, it } from 'vitest';
import { CEC_CAPABILITIES } from '../../../electron/services/huawei/provider/info';
import { SOBOT_CAPABILITIES } from '../../../electron/services/sobot/provider/info';
import { formLimits } from '../../../renderer/src/features/tasks/wizard/taskForm';
import { validateTaskDraft } from '../../../shared/taskRules';
import type { TaskDraft, TaskOptions } from '../../../shared/tasks';

const NOW = Date.UTC(2026, 11, 3, 4, 0, 0);
const options = (numbers: string[], maxRobots = 0): TaskOptions => ({
  templates: [],
  callerLines: numbers.map((number) => ({ number, concurrency: 1 })),
  totalConcurrency: numbers.length,
  maxRobots,
});
const draft = (over: Partial<TaskDraft> = {}): TaskDraft => ({
  templateId: 'flow-1',
  name: '回访',
  callerNumbers: ['02180344315'],
  robots: 0,
  callingHours: ['09:00-12:00'],
  validity: { kind: 'range', start: NOW, end: NOW + 86_400_000 },
  numberHiding: 'none',
  exportAllowed: false,
  ...over,
});
const codes = (d: TaskDraft, limits: ReturnType<typeof formLimits>) =>
  validateTaskDraft(d, limits).map((i) => i.code);

describe('formLimits', () => {
  it('takes CEC’s own limits from its capabilities', () => {
    expect(formLimits(options(['02180344315']), CEC_CAPABILITIES, NOW)).toEqual({
      now: NOW,
      callerNumbers: ['02180344315'],
      maxRobots: 0,
      robots: false,
      permanentValidity: false,
      maxCallerNumbers: 1,
      maxCallingHourRanges: 3,
      maxNameLength: 100,
    });
  });

  it('leaves caller numbers unchecked when the account lists none (CEC without any configured)', () => {
    const limits = formLimits(options([]), CEC_CAPABILITIES, NOW);
    expect(limits).not.toHaveProperty('callerNumbers');
    expect(codes(draft({ callerNumbers: ['075512345678'] }), limits)).toEqual([]);
  });

  it('refuses in the form what CEC would refuse', () => {
    const limits = formLimits(options(['02180344315', '01087654321']), CEC_CAPABILITIES, NOW);
    expect(codes(draft(), limits)).toEqual([]);
    expect(codes(draft({ callerNumbers: ['02180344315', '01087654321'] }), limits)).toContain(
      'tasks.caller_too_many',
    );
    expect(codes(draft({ validity: { kind: 'permanent' } }), limits)).toContain('tasks.validity_permanent');
    expect(
      codes(draft({ callingHours: ['08:00-09:00', '10:00-11:00', '12:00-13:00', '14:00-15:00'] }), limits),
    ).not.toEqual([]);
    expect(codes(draft({ name: '名'.repeat(101) }), limits)).not.toEqual([]);
    expect(codes(draft({ name: '名'.repeat(100) }), limits)).toEqual([]);
  });

  it('keeps Sobot’s limits: permanent tasks and several caller numbers pass', () => {
    const limits = formLimits(options(['02180344315', '01087654321'], 4), SOBOT_CAPABILITIES, NOW);
    expect(limits).toMatchObject({
      robots: true,
      permanentValidity: true,
      maxCallerNumbers: null,
      maxRobots: 4,
    });
    const ok = draft({
      robots: 2,
      callerNumbers: ['02180344315', '01087654321'],
      validity: { kind: 'permanent' },
    });
    expect(codes(ok, limits)).toEqual([]);
  });

  it('says nothing of the provider before its capabilities are known', () => {
    expect(formLimits(options(['02180344315'], 2), null, NOW)).toEqual({
      now: NOW,
      callerNumbers: ['02180344315'],
      maxRobots: 2,
    });
  });
});

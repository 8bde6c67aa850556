import { afterEach, describe, expect, it } from 'vitest';
import { ResultsReader } from '../../../electron/services/results/resultsQuery';
import { CEC_OUTCOME_CODES } from '../../../shared/codes/huaweiCec';
import {
  choicesOf,
  groupOf,
  onlyChoice,
  outcomeChoices,
  toggleChoice,
  type OutcomeCodes,
} from '../../../shared/outcomeGroups';
import { ACCOUNT, setupResults } from './support';

type Setup = Awaited<ReturnType<typeof setupResults>>;
let current: Setup | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

describe('outcome groups of a provider’s own codes (CEC failCode groups)', () => {
  it('puts CEC calls in the group of their failCode, the rest in unknown', () => {
    expect(groupOf(CEC_OUTCOME_CODES, 'connected', '00000')?.id).toBe('success');
    expect(groupOf(CEC_OUTCOME_CODES, 'busy', '00537')?.id).toBe('user');
    expect(groupOf(CEC_OUTCOME_CODES, 'unknown', '99999')?.id).toBe('unknown');
    expect(CEC_OUTCOME_CODES.groups.map((g) => g.id)).toEqual([
      'success',
      'user',
      'platform',
      'resources',
      'system',
      'unknown',
    ]);
  });

  it('counts and filters the groups in SQL exactly as groupOf places each call', async () => {
    const s = (current = await setupResults({ sandbox: { seed: 21, autoRun: false } }));
    const taskId = s.sandbox!.control.seedTask({ name: '分组', rows: 80, completed: 80 });
    await s.results.sync(taskId);
    const source = { kind: 'task', taskId } as const;
    const all = s.results.query(source, {}, 0, 500).calls;
    const failed = all.find((c) => c.outcome !== 'connected' && c.outcomeCode !== '')!;
    expect(failed).toBeDefined();
    // A spec over the codes these calls have: connected, one code, everything else.
    const spec: OutcomeCodes = {
      name: { 'zh-CN': '代码', en: 'Code' },
      groups: [
        { id: 'ok', label: { 'zh-CN': '成功', en: 'OK' }, outcomes: ['connected'] },
        {
          id: 'one',
          label: { 'zh-CN': '一', en: 'One' },
          codes: [{ code: failed.outcomeCode, label: { 'zh-CN': '一', en: 'One' } }],
        },
        { id: 'rest', label: { 'zh-CN': '其他', en: 'Rest' } },
      ],
    };
    const reader = new ResultsReader(s.services.db, () => spec);
    const expected = new Map<string, number>();
    for (const c of all) {
      const id = groupOf(spec, c.outcome, c.outcomeCode)!.id;
      expected.set(id, (expected.get(id) ?? 0) + 1);
    }
    const counts = reader.counts(ACCOUNT, source, {});
    expect(new Map(counts.byGroup!.map((g) => [g.group, g.count]))).toEqual(expected);
    expect(expected.get('one')).toBeGreaterThan(0);
    for (const [id, n] of expected) {
      expect(reader.page(ACCOUNT, source, { outcomeGroups: [id] }, 0, 500).total).toBe(n);
      const chosen = reader.counts(ACCOUNT, source, { outcomeGroups: [id] });
      expect(chosen.total).toBe(n);
      // Faceted: every group's count stays, to add another.
      expect(chosen.byGroup).toEqual(counts.byGroup);
    }
    // The chips offer the groups and toggle them into the filter.
    const choices = outcomeChoices(counts, {}, () => ({ 'zh-CN': '', en: '' }));
    expect(choices.map((c) => c.key)).toEqual(counts.byGroup!.map((g) => `g:${g.group}`));
    expect(toggleChoice({ outcomeGroups: ['ok'] }, 'g:one')).toEqual({ outcomeGroups: ['ok', 'one'] });
    // Without groups (Sobot) the counts have none and outcomeGroups is ignored.
    expect(s.results.counts(source, {}).byGroup).toBeUndefined();
    expect(s.results.query(source, { outcomeGroups: ['one'] }, 0, 500).total).toBe(all.length);
  });
});

describe('the status select without code groups (Sobot)', () => {
  it('keeps the outcome names as its values, as before the groups', () => {
    const counts = { byOutcome: [{ outcome: 'connected' as const, count: 3 }] };
    const choices = outcomeChoices(counts, { outcomes: ['busy'] }, () => ({ 'zh-CN': '', en: '' }));
    expect(choices.map((c) => [c.key, c.count, c.chosen])).toEqual([
      ['connected', 3, false],
      ['busy', 0, true],
    ]);
    expect(onlyChoice('connected')).toEqual({ outcomes: ['connected'], outcomeGroups: [] });
    expect(onlyChoice('g:user')).toEqual({ outcomes: [], outcomeGroups: ['user'] });
    expect(toggleChoice({ outcomes: ['busy'] }, 'busy')).toEqual({ outcomes: [] });
    expect(onlyChoice('')).toEqual({ outcomes: [], outcomeGroups: [] });
    expect(choicesOf(['connected', 'g:user', 'busy'])).toEqual({
      outcomes: ['connected', 'busy'],
      outcomeGroups: ['user'],
    });
    expect(choicesOf([])).toEqual({ outcomes: [], outcomeGroups: [] });
  });
});

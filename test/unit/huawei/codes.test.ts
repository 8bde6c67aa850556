/**
 * The failCode table against the fragments themselves: every code printed in 表4 (外呼结果错误
 * 原因码说明) is in the table with both labels, a neutral outcome and the fragments' group.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CEC_FAIL_CODES,
  CEC_ISALES_CODES,
  CEC_NUMBER_PROBLEMS,
  CEC_QC_STATUS,
  cecCallVerdict,
  cecCodeMeaning,
  cecQcStatus,
} from '../../../shared/codes/huaweiCec';

// The 表4 bullet of the fragments, copied verbatim (checked against the document where it is
// beside the repository, as in this workspace).
const FIXTURE = fileURLToPath(new URL('../../fixtures/huawei/failcode-table.txt', import.meta.url));
const SPEC_PATH = fileURLToPath(new URL('../../../../shared/spec/huawei-cec-fragments.txt', import.meta.url));

function failCodeSection(): string {
  return readFileSync(FIXTURE, 'utf8').trim();
}

describe('CEC failCode table', () => {
  const section = failCodeSection();
  const printed = [...section.matchAll(/(?<!\d)(\d{5})(?!\d)/g)].map((m) => m[1]!);

  it.skipIf(!existsSync(SPEC_PATH))('the fixture is the fragments’ table, verbatim', () => {
    expect(readFileSync(SPEC_PATH, 'utf8')).toContain(section);
  });

  it('the fragments print the codes the test expects (sanity of the extraction)', () => {
    expect(printed.length).toBe(26);
    expect(printed.filter((c) => c === '34606')).toHaveLength(2);
  });

  it('holds every code of the fragments, leading zeros kept, with both labels', () => {
    for (const code of printed) {
      const row = CEC_FAIL_CODES[code];
      expect(row, code).toBeDefined();
      expect(row!.label['zh-CN'].length, code).toBeGreaterThan(1);
      expect(row!.label.en.length, code).toBeGreaterThan(1);
    }
    expect(Object.keys(CEC_FAIL_CODES).sort()).toEqual([...new Set(printed)].sort());
  });

  it('groups codes as the fragments do', () => {
    const group = (from: string, to: string): string[] =>
      [
        ...section
          .slice(section.indexOf(from), to ? section.indexOf(to) : undefined)
          .matchAll(/(?<!\d)(\d{5})(?!\d)/g),
      ].map((m) => m[1]!);
    const user = group('用户侧拆线', '平台正常拆线');
    const platform = group('平台正常拆线', '系统资源不足');
    const resources = group('系统资源不足', '系统异常');
    const system = group('系统异常', '');
    expect(user).toHaveLength(10);
    for (const c of user) expect(CEC_FAIL_CODES[c]!.group, c).toBe('user');
    // 34606 is printed under both platform and resources: it has one row (resources).
    for (const c of platform.filter((c) => c !== '34606'))
      expect(CEC_FAIL_CODES[c]!.group, c).toBe('platform');
    for (const c of resources) expect(CEC_FAIL_CODES[c]!.group, c).toBe('resources');
    for (const c of system) expect(CEC_FAIL_CODES[c]!.group, c).toBe('system');
    expect(CEC_FAIL_CODES['00000']!.group).toBe('success');
  });

  it('maps every code to a neutral outcome, 34606 to a single one', () => {
    const outcomes = new Set([
      'connected',
      'no_answer',
      'busy',
      'rejected',
      'hung_up',
      'powered_off',
      'out_of_service',
      'vacant',
      'not_dialled',
      'failed',
    ]);
    for (const code of printed) expect(outcomes.has(CEC_FAIL_CODES[code]!.outcome), code).toBe(true);
    expect(cecCallVerdict({ callStatus: 5, failCode: '34606' }).outcome).toBe('not_dialled');
    expect(CEC_FAIL_CODES['00537']!.outcome).toBe('busy');
    expect(CEC_FAIL_CODES['00548']!.outcome).toBe('powered_off');
    expect(CEC_FAIL_CODES['00538']!.outcome).toBe('vacant');
  });

  it('reads "0" and "00000" with callStatus 6 as success, and unknown codes honestly', () => {
    expect(cecCallVerdict({ callStatus: 6, failCode: '0' })).toMatchObject({
      outcome: 'connected',
      group: 'success',
    });
    expect(cecCallVerdict({ callStatus: 6, failCode: '00000' }).outcome).toBe('connected');
    expect(cecCallVerdict({ callStatus: 5, failCode: '00603' })).toMatchObject({
      outcome: 'no_answer',
      group: 'user',
    });
    const unknown = cecCallVerdict({ callStatus: 5, failCode: '09999' });
    expect(unknown).toMatchObject({ outcome: 'unknown', group: 'unknown' });
    expect(unknown.label.en).toBe('Unknown (09999)');
    expect(unknown.label['zh-CN']).toContain('09999');
    // A leading zero is part of the code: 531 is not 00531.
    expect(cecCallVerdict({ callStatus: 5, failCode: '531' }).outcome).toBe('unknown');
  });
});

describe('CEC result codes and QC status', () => {
  it('names every documented iSales code and is honest about others', () => {
    for (const code of [
      '0200000',
      '0200002',
      '0200005',
      '0200007',
      '0200009',
      '0200011',
      '0200018',
      '0200022',
      '0200024',
      '0200029',
    ])
      expect(CEC_ISALES_CODES[code], code).toBeDefined();
    expect(cecCodeMeaning('0300008').en).toMatch(/throttled/);
    expect(cecCodeMeaning('0300011').en).toMatch(/does not exist/);
    expect(cecCodeMeaning('0209999').en).toContain('0209999');
  });

  it('reads QC status 2 as done, 0/1/3 as pending, 9 and 31–40 as failed', () => {
    expect(cecQcStatus(2).state).toBe('done');
    for (const s of [0, 1, 3]) expect(cecQcStatus(s).state).toBe('pending');
    for (const s of [9, ...Array.from({ length: 10 }, (_, i) => 31 + i)])
      expect(cecQcStatus(s).state, String(s)).toBe('failed');
    expect(Object.keys(CEC_QC_STATUS)).toHaveLength(15);
    expect(cecQcStatus(77).label.en).toContain('77');
  });

  it('has both labels for every row problem', () => {
    for (const label of Object.values(CEC_NUMBER_PROBLEMS)) {
      expect(label['zh-CN']).not.toBe('');
      expect(label.en).not.toBe('');
    }
  });
});

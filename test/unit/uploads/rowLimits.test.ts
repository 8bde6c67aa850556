/**
 * The plan names each provider's own row limits with their figures (CEC: sessionId ≤ 32,
 * called ≤ 24 of 0-9 * #, callData ≤ 1024 bytes); a provider that declares none keeps the
 * generic words.
 */
import { describe, expect, it } from 'vitest';
import { CEC_CAPABILITIES } from '../../../electron/services/huawei/provider/info';
import { SOBOT_CAPABILITIES } from '../../../electron/services/sobot/provider/info';
import { excludedProblemLabel, rowLimitItems } from '../../../shared/codes/uploads';

const cec = CEC_CAPABILITIES.rows;
const sobot = SOBOT_CAPABILITIES.rows;

describe('provider row limits in the plan', () => {
  it('CEC declares the limits of its number call', () => {
    expect(cec).toMatchObject({
      maxKeyLength: 32,
      phoneCharacters: '0-9*#',
      maxPhoneLength: 24,
      maxVariablesBytes: 1024,
    });
  });

  it('names the CEC figure in each problem label, Chinese and English', () => {
    expect(excludedProblemLabel('row.key_too_long', 'zh-CN', cec)).toBe(
      '编号超过 32 个字符（外呼平台的上限）',
    );
    expect(excludedProblemLabel('row.key_too_long', 'en', cec)).toContain('32 characters');
    expect(excludedProblemLabel('row.phone_rejected', 'zh-CN', cec)).toBe(
      '号码只能包含 0-9*#，最多 24 位（外呼平台的规则）',
    );
    expect(excludedProblemLabel('row.variables_too_large', 'zh-CN', cec)).toContain('1024 字节');
    expect(excludedProblemLabel('row.variables_too_large', 'en', cec)).toContain('1024 bytes');
  });

  it('keeps the generic words where the provider declares no figure, or no limits are given', () => {
    const generic = excludedProblemLabel('row.key_too_long', 'zh-CN');
    expect(generic).toBe('编号超过外呼平台允许的长度');
    expect(excludedProblemLabel('row.key_too_long', 'zh-CN', sobot)).toBe(generic);
    expect(excludedProblemLabel('row.phone_rejected', 'en', sobot)).toBe(
      excludedProblemLabel('row.phone_rejected', 'en'),
    );
    // A code with no provider figure is untouched by the limits.
    expect(excludedProblemLabel('row.key_invalid', 'zh-CN', cec)).toBe(
      excludedProblemLabel('row.key_invalid', 'zh-CN'),
    );
  });

  it('lists every declared limit once, and none for Sobot', () => {
    expect(rowLimitItems(cec, 'zh-CN')).toEqual([
      { code: 'row.key_too_long', text: '编号最多 32 个字符' },
      { code: 'row.phone_rejected', text: '号码只含 0-9*#、最多 24 位' },
      { code: 'row.variables_too_large', text: '变量最多 1024 字节' },
    ]);
    expect(rowLimitItems(cec, 'en').map((i) => i.text)).toEqual([
      'ids of at most 32 characters',
      'numbers of only 0-9*#, at most 24 characters',
      'variables of at most 1024 bytes',
    ]);
    expect(rowLimitItems(sobot, 'zh-CN')).toEqual([]);
  });
});

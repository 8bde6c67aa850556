import type { Localized } from '../locale';
import type { OutcomeCodes, OutcomeGroup } from '../outcomeGroups';

/**
 * Huawei Cloud CEC call outcomes: the outbound `failCode` table of the fragments (表4 外呼结果错误
 * 原因码说明) with each code's group and meaning in each language, and a call's verdict from its
 * callStatus and failCode. Codes are compared as strings: they keep their leading zeros (`00531`).
 * The other CEC codes are in huaweiCec.ts, which re-exports these.
 */

/** The fragments' groups of failCodes, plus success. */
export type CecFailGroup = 'success' | 'user' | 'platform' | 'resources' | 'system';

/**
 * What a call came to, in the operator's words (provider-neutral; the adapter maps it onto the
 * domain's call outcome). `not_dialled`: the platform never reached the callee.
 */
export type CecCallOutcome =
  | 'connected'
  | 'no_answer'
  | 'busy'
  | 'rejected'
  | 'hung_up'
  | 'powered_off'
  | 'out_of_service'
  | 'vacant'
  | 'not_dialled'
  | 'failed'
  | 'unknown';

/** One row of the failCode table. */
export interface CecFailCode {
  group: CecFailGroup;
  outcome: CecCallOutcome;
  label: Localized;
}

const user = (outcome: CecCallOutcome, zh: string, en: string): CecFailCode => ({
  group: 'user',
  outcome,
  label: { 'zh-CN': zh, en },
});
const platform = (outcome: CecCallOutcome, zh: string, en: string): CecFailCode => ({
  group: 'platform',
  outcome,
  label: { 'zh-CN': zh, en },
});
const resources = (zh: string, en: string): CecFailCode => ({
  group: 'resources',
  outcome: 'failed',
  label: { 'zh-CN': zh, en },
});
const system = (zh: string, en: string): CecFailCode => ({
  group: 'system',
  outcome: 'failed',
  label: { 'zh-CN': zh, en },
});

/**
 * Every failCode of the fragments. 34606 is listed twice there (platform, and again under
 * "not enough resources" without a text): it has one row, in the resources group, because the
 * fragments name its usual cause as the concurrent-call limit being reached; its outcome is
 * `not_dialled` either way (the callee was never called).
 */
export const CEC_FAIL_CODES: Readonly<Record<string, CecFailCode>> = {
  '00000': { group: 'success', outcome: 'connected', label: { 'zh-CN': '外呼成功', en: 'Connected' } },
  '00531': user('hung_up', '外呼用户挂机', 'The callee hung up'),
  '00537': user('busy', '被叫忙', 'The callee was busy'),
  '00538': user('vacant', '空号或错号', 'Vacant or wrong number'),
  '00548': user('powered_off', '手机关机', 'The phone was switched off'),
  '00549': user('out_of_service', '手机不在服务区', 'The phone was out of the service area'),
  '00551': user('hung_up', '用户挂机', 'The callee hung up'),
  '00601': user('rejected', '应答前用户挂机', 'The callee hung up before answering'),
  '00603': user('no_answer', '无应答后拆线', 'No answer'),
  '00604': user('rejected', '呼叫被拒绝', 'The call was rejected'),
  '00701': user('hung_up', '转队列后用户在排队中挂机', 'The callee hung up while queued for an agent'),
  '00702': platform('failed', '排队超时，平台释放呼叫', 'Queued too long: the platform released the call'),
  '01040': platform('no_answer', '振铃超时，平台释放呼叫', 'Rang too long: the platform released the call'),
  '01043': platform('failed', '平台内部等待外呼结果超时', 'The platform timed out waiting for the result'),
  '01046': platform('failed', '占用座席失败', 'No agent could be reserved'),
  '01049': platform('failed', '外呼检测超时', 'Outbound detection timed out'),
  '34601': platform('not_dialled', '外呼任务不存在', 'The campaign does not exist'),
  '34605': platform('not_dialled', '电话号码为空', 'The number was empty'),
  '34606': {
    group: 'resources',
    outcome: 'not_dialled',
    label: {
      'zh-CN': '试呼失败（常见原因：并发外呼数已达上限），未呼出到用户',
      en: 'The call could not be placed (usually the concurrent-call limit): the callee was not called',
    },
  },
  '34608': platform('failed', '呼出后未得到结果，超时回写', 'No result came back after dialling (timed out)'),
  '00602': resources(
    '系统资源不足，请联系管理员检查资源配置',
    'Not enough system resources: ask the administrator to check them',
  ),
  '00605': resources(
    '系统资源不足，平台侧拆线',
    'Not enough system resources: the platform released the call',
  ),
  '01048': resources(
    '系统资源不足，平台侧拆线',
    'Not enough system resources: the platform released the call',
  ),
  '00606': system('系统异常，请联系管理员排查', 'System error: ask the administrator to look into it'),
  '34611': system('其他系统异常', 'Other system error'),
};

/** The groups' names, as the fragments' table heads them (分类). */
export const CEC_FAIL_GROUP_LABELS: Readonly<Record<CecFailGroup | 'unknown', Localized>> = {
  success: { 'zh-CN': '外呼成功', en: 'Connected' },
  user: { 'zh-CN': '用户侧拆线', en: 'User side' },
  platform: { 'zh-CN': '平台正常拆线', en: 'Platform released' },
  resources: { 'zh-CN': '系统资源不足', en: 'Not enough resources' },
  system: { 'zh-CN': '系统异常', en: 'System error' },
  unknown: { 'zh-CN': '未知原因', en: 'Unknown reason' },
};

const FAIL_GROUPS = ['user', 'platform', 'resources', 'system'] as const;

/**
 * The failCode groups as the Results screen offers them (`ProviderCapabilities.outcomeCodes`):
 * success is a connected call (cecCallVerdict: callStatus 6 with `0`/`00000`/nothing), each
 * failure group holds its documented codes, and every other call (an undocumented code) is
 * unknown. The same rule as {@link cecCallVerdict}, so a chip never disagrees with a row.
 */
export const CEC_OUTCOME_CODES: OutcomeCodes = {
  name: { 'zh-CN': '失败原因码（failCode）', en: 'Failure code (failCode)' },
  groups: [
    { id: 'success', label: CEC_FAIL_GROUP_LABELS.success, outcomes: ['connected'] },
    ...FAIL_GROUPS.map((group): OutcomeGroup => ({
      id: group,
      label: CEC_FAIL_GROUP_LABELS[group],
      codes: Object.entries(CEC_FAIL_CODES)
        .filter(([, row]) => row.group === group)
        .map(([code, row]) => ({ code, label: row.label }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    })),
    { id: 'unknown', label: CEC_FAIL_GROUP_LABELS.unknown },
  ],
};

/** What the platform says about one call: its callStatus and failCode as sent. */
export interface CecCallFacts {
  /** 6 success, 5 failure (other values are shown as unknown). */
  callStatus: number | null;
  /** As sent, leading zeros kept; `"0"` or `"00000"` on success. */
  failCode: string;
}

/** A call's outcome with its group and the label to show. */
export interface CecCallVerdict {
  outcome: CecCallOutcome;
  group: CecFailGroup | 'unknown';
  label: Localized;
}

const CONNECTED = CEC_FAIL_CODES['00000']!;

/** The label for a code nobody documented: "unknown (code)". */
export function unknownFailCode(code: string): Localized {
  return { 'zh-CN': `未知原因（${code}）`, en: `Unknown (${code})` };
}

/**
 * The verdict on a call. callStatus 6 with failCode `"0"`, `"00000"` or nothing is success; a
 * failed call takes its row of the table; anything undocumented is "unknown (code)".
 */
export function cecCallVerdict(facts: CecCallFacts): CecCallVerdict {
  const code = facts.failCode.trim();
  if (facts.callStatus === 6 && (code === '' || code === '0' || code === '00000'))
    return { outcome: 'connected', group: 'success', label: CONNECTED.label };
  const row = CEC_FAIL_CODES[code];
  // A documented failure code: its row, whatever callStatus claims (the code is more specific).
  if (row && row.group !== 'success') return { outcome: row.outcome, group: row.group, label: row.label };
  if (facts.callStatus === 6) return { outcome: 'connected', group: 'success', label: CONNECTED.label };
  return { outcome: 'unknown', group: 'unknown', label: unknownFailCode(code === '' ? '—' : code) };
}

import type { Localized } from '../locale';
import type { OutcomeCodes, OutcomeGroup } from '../outcomeGroups';

/**
 * Huawei Cloud CEC codes with their meaning in each language: the outbound `failCode` table of
 * the fragments (表4 外呼结果错误原因码说明), the CC-iSales / CC-FS result codes the spec README
 * names, and the quality-inspection `status` values. Codes are compared as strings: they keep
 * their leading zeros (`00531`, `0200000`).
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

/** CC-iSales success (`returnCode` / `resultCode`). */
export const CEC_ISALES_SUCCESS = '0200000';

/** CC-iSales result codes the spec README documents. */
export const CEC_ISALES_CODES: Readonly<Record<string, Localized>> = {
  '0200000': { 'zh-CN': '操作成功', en: 'Success' },
  '0200001': {
    'zh-CN': '参数异常（详情见服务器描述）',
    en: 'A parameter was refused (the server’s description has the details)',
  },
  '0200002': {
    'zh-CN': '开始时间不能早于今天',
    en: 'The begin time cannot be before today',
  },
  '0200003': {
    'zh-CN': '该设备类型的外呼活动已达上限（20 个）',
    en: 'This device class already has the maximum of 20 campaigns',
  },
  '0200004': {
    'zh-CN': '该设备类型的外呼活动已达上限（20 个）',
    en: 'This device class already has the maximum of 20 campaigns',
  },
  '0200005': { 'zh-CN': '外呼活动名称已存在', en: 'A campaign with this name already exists' },
  '0200006': {
    'zh-CN': '服务器数据库操作异常，请稍后重试',
    en: 'The server’s database failed: try again later',
  },
  '0200007': { 'zh-CN': '外呼活动不存在或已删除', en: 'The campaign does not exist or was deleted' },
  '0200009': { 'zh-CN': '外呼活动正在执行，不能删除', en: 'A running campaign cannot be deleted' },
  '0200011': {
    'zh-CN': '外呼活动当前状态不允许该操作',
    en: 'The campaign’s status does not allow this',
  },
  '0200018': { 'zh-CN': '号码重复', en: 'A number is a duplicate' },
  '0200019': {
    'zh-CN': '外呼活动当前状态不允许添加号码',
    en: 'The campaign’s status does not allow adding numbers',
  },
  '0200020': {
    'zh-CN': '外呼活动的号码超过 200,000 条',
    en: 'The campaign would hold more than 200,000 numbers',
  },
  '0200022': { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Requests are too frequent: try again shortly' },
  '0200024': { 'zh-CN': '号码在黑名单中', en: 'A number is on the blocklist' },
  '0200029': { 'zh-CN': '一次提交的号码过多', en: 'Too many numbers in one request' },
  '02000001': { 'zh-CN': '参数值为空', en: 'A parameter is empty' },
  '02000002': { 'zh-CN': '参数包含非法字符', en: 'A parameter contains characters that are not allowed' },
  '02000003': { 'zh-CN': '参数长度超过规定长度', en: 'A parameter is longer than allowed' },
  '02000004': { 'zh-CN': '参数长度小于规定长度', en: 'A parameter is shorter than allowed' },
  '02000005': { 'zh-CN': '参数长度不在规定范围内', en: 'A parameter’s length is out of range' },
  '02000006': { 'zh-CN': '参数值类型不正确', en: 'A parameter has the wrong type' },
  '02000007': { 'zh-CN': '参数值大小不正确', en: 'A parameter’s value is out of range' },
  '02000008': { 'zh-CN': '参数转换异常，请检查请求参数', en: 'A parameter could not be converted' },
  '02000009': { 'zh-CN': '参数组合不正确', en: 'The combination of parameters is not valid' },
  '02000010': { 'zh-CN': 'hour 和 minute 必须同时存在', en: 'hour and minute must be given together' },
  '02000011': { 'zh-CN': '参数个数超过规定个数', en: 'Too many parameters' },
};

/** Why a row cannot be added to a campaign, found before anything is sent. */
export type CecNumberProblem =
  | 'session_id_empty'
  | 'session_id_too_long'
  | 'session_id_repeated'
  | 'called_empty'
  | 'called_characters'
  | 'called_too_long'
  | 'custom_field_too_long'
  | 'call_data_too_large';

/** What the upload plan shows for each problem. */
export const CEC_NUMBER_PROBLEMS: Readonly<Record<CecNumberProblem, Localized>> = {
  session_id_empty: { 'zh-CN': '缺少行标识（sessionId）', en: 'The row has no id (sessionId)' },
  session_id_too_long: {
    'zh-CN': '行标识（sessionId）超过 32 个字符',
    en: 'The row id (sessionId) is longer than 32 characters',
  },
  session_id_repeated: {
    'zh-CN': '行标识（sessionId）与前面的行重复',
    en: 'The row id (sessionId) repeats an earlier row',
  },
  called_empty: { 'zh-CN': '缺少被叫号码', en: 'The number to call is missing' },
  called_characters: {
    'zh-CN': '被叫号码只能包含数字、* 和 #',
    en: 'The number to call may hold only digits, * and #',
  },
  called_too_long: { 'zh-CN': '被叫号码超过 24 位', en: 'The number to call is longer than 24 characters' },
  custom_field_too_long: {
    'zh-CN': '自定义字段超过 200 个字符',
    en: 'The custom field is longer than 200 characters',
  },
  call_data_too_large: {
    'zh-CN': '变量内容过多：转成 JSON 后超过 1024 字节',
    en: 'The variables are too large: more than 1024 bytes as JSON',
  },
};

/** CC-FS failure codes (HTTP 200 with a JSON body instead of the WAV). */
export const CEC_CCFS_CODES: Readonly<Record<string, Localized>> = {
  '0300008': {
    'zh-CN': '录音下载流量控制，请稍后重试',
    en: 'Recording downloads are throttled: try again shortly',
  },
  '0300011': { 'zh-CN': '录音文件不存在', en: 'The recording file does not exist' },
};

/** The meaning of an iSales or CC-FS code; an unknown code still gets an honest message. */
export function cecCodeMeaning(code: string): Localized {
  return (
    CEC_ISALES_CODES[code] ??
    CEC_CCFS_CODES[code] ?? {
      'zh-CN': `华为云 CEC 返回未知错误码 ${code}`,
      en: `Huawei CEC answered an unknown code ${code}`,
    }
  );
}

/** Where a quality-inspection transcript stands. */
export type CecQcState = 'done' | 'pending' | 'failed';

/** The QC `status` values of the fragments. */
export const CEC_QC_STATUS: Readonly<Record<number, { state: CecQcState; label: Localized }>> = {
  0: { state: 'pending', label: { 'zh-CN': '等待质检', en: 'Waiting for inspection' } },
  1: { state: 'pending', label: { 'zh-CN': '质检处理中', en: 'Being inspected' } },
  2: { state: 'done', label: { 'zh-CN': '处理成功', en: 'Done' } },
  3: { state: 'pending', label: { 'zh-CN': 'ASR 转写中', en: 'Being transcribed' } },
  9: {
    state: 'failed',
    label: {
      'zh-CN': '质检失败（出错，或已达每日质检音频流量或文件数上限）',
      en: 'Inspection failed (an error, or the daily audio or file limit was reached)',
    },
  },
  31: {
    state: 'failed',
    label: { 'zh-CN': 'ASR 转写结果语音内容为空', en: 'The transcription found no speech' },
  },
  32: { state: 'failed', label: { 'zh-CN': '语音转文本失败', en: 'Speech-to-text failed' } },
  33: {
    state: 'failed',
    label: { 'zh-CN': '上传语音文件至 ASR 失败', en: 'Uploading the audio to ASR failed' },
  },
  34: { state: 'failed', label: { 'zh-CN': 'ASR 传输任务提交失败', en: 'Submitting the ASR task failed' } },
  35: {
    state: 'failed',
    label: { 'zh-CN': '执行多媒体质检任务失败', en: 'The multimedia inspection task failed' },
  },
  36: { state: 'failed', label: { 'zh-CN': 'TUC 质检失败', en: 'TUC inspection failed' } },
  37: {
    state: 'failed',
    label: { 'zh-CN': 'ASR 将语音文件转换为文本失败', en: 'ASR could not convert the audio to text' },
  },
  38: {
    state: 'failed',
    label: { 'zh-CN': '更新质检结果失败', en: 'Updating the inspection result failed' },
  },
  39: { state: 'failed', label: { 'zh-CN': '执行质检任务失败', en: 'The inspection task failed' } },
  40: { state: 'failed', label: { 'zh-CN': '语音文件无效', en: 'The audio file is invalid' } },
};

/** The QC state of a `status` value; undocumented values count as failed, labelled unknown. */
export function cecQcStatus(status: number): { state: CecQcState; label: Localized } {
  return (
    CEC_QC_STATUS[status] ?? {
      state: 'failed',
      label: { 'zh-CN': `未知质检状态（${status}）`, en: `Unknown inspection status (${status})` },
    }
  );
}

/**
 * Codes the Huawei client raises itself (not server codes, not the shared `net.*` ones): a
 * refused signature or token, bad input caught before sending, a recording that is not audio.
 */
export const CEC_CLIENT_MESSAGES = {
  'huawei.auth_refused': {
    'zh-CN':
      '华为云拒绝了签名（HTTP 401）：AK 或 SK 不正确，请在账号中重新填写；如确认无误，再检查本机时间是否准确（误差须在 15 分钟内）',
    en: 'Huawei CEC refused the signature (HTTP 401): the AK or SK is wrong, enter them again in the account; if they are right, check that this computer’s clock is right (within 15 minutes)',
  },
  'huawei.clock_skew': {
    'zh-CN': '本机时间与华为云服务器相差过大，签名被拒绝（HTTP 401）：请校准本机时间后重试',
    en: 'This computer’s clock is too far from the Huawei CEC server’s, so the signature was refused (HTTP 401): set the clock right and try again',
  },
  'huawei.qc_auth_refused': {
    'zh-CN': '质检接口拒绝了访问（HTTP 401）：请检查质检 app key 和 app secret',
    en: 'The quality-inspection service refused access (HTTP 401): check the QC app key and app secret',
  },
  'huawei.invalid_param': {
    'zh-CN': '参数不正确，未发送到服务器',
    en: 'A parameter is invalid: nothing was sent to the server',
  },
  'huawei.not_wav': {
    'zh-CN': '录音下载返回的不是 WAV 文件',
    en: 'The recording download did not return a WAV file',
  },
  'huawei.row_rejected': { 'zh-CN': '该行数据无法提交', en: 'This row cannot be submitted' },
  'huawei.create_uncertain': {
    'zh-CN': '创建外呼活动的请求已发出但结果未知，请先在活动列表中确认是否已创建，再决定是否重试',
    en: 'The create-campaign request was sent but its outcome is unknown: check the campaign list before trying again',
  },
  'huawei.unexpected': {
    'zh-CN': '发生了意外错误，请重试；如果问题持续，请查看日志',
    en: 'Something unexpected went wrong: try again, and check the log if it persists',
  },
} satisfies Record<string, Localized>;

/**
 * `huawei.clock_skew` with the measured difference: which way this machine's clock is off and
 * by about how many minutes (from the server's `Date`).
 * @param skewMs this machine's signing time minus the server's time
 */
export function cecClockSkewMessage(skewMs: number): Localized {
  const minutes = Math.max(1, Math.round(Math.abs(skewMs) / 60_000));
  const ahead = skewMs > 0;
  return {
    'zh-CN': `本机时间比华为云服务器${ahead ? '快' : '慢'}约 ${minutes} 分钟，签名因此被拒绝（HTTP 401）：请校准本机时间（建议开启自动同步时间）后重试`,
    en: `This computer’s clock is about ${minutes} minute${minutes === 1 ? '' : 's'} ${ahead ? 'ahead of' : 'behind'} the Huawei CEC server’s, so the signature was refused (HTTP 401): set the clock right (turn on automatic time) and try again`,
  };
}

/** One of the client-side codes of {@link CEC_CLIENT_MESSAGES}. */
export type CecClientCode = keyof typeof CEC_CLIENT_MESSAGES;

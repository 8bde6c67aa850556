import type { Localized } from '../locale';

/**
 * Huawei Cloud CEC codes with their meaning in each language: the CC-iSales / CC-FS result codes
 * the spec README names and the quality-inspection `status` values, with the outbound `failCode`
 * table and a call's verdict (huaweiCecCalls.ts) re-exported. Codes are compared as strings: they
 * keep their leading zeros (`00531`, `0200000`).
 */
export * from './huaweiCecCalls';

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

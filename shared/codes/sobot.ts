import type { Localized } from '../locale';
import type { CallOutcome } from '../results';
import type { TaskStatus } from '../tasks';

/**
 * Sobot iCall V1 `ret_code` values (spec section 3) with their meaning in each language.
 * Codes are compared as strings: they arrive with leading zeros.
 */
export const SOBOT_SUCCESS = '000000';

export const SOBOT_RET_CODES: Record<string, Localized> = {
  '000000': { 'zh-CN': '操作成功', en: 'Success' },
  '320001': {
    'zh-CN': 'appid 或 signature 有误，请检查账号的 appid 和 signature',
    en: 'The appid or signature is wrong: check the account’s appid and signature',
  },
  '329999': { 'zh-CN': '服务器系统未知异常，请稍后重试', en: 'Unknown server error: try again later' },
  '320011': { 'zh-CN': '模板 id 为空', en: 'The template id is missing' },
  '320012': { 'zh-CN': '任务名称为空', en: 'The task name is missing' },
  '320013': { 'zh-CN': '机器人数量有误', en: 'The robot count is invalid' },
  '320014': { 'zh-CN': '外显号码为空', en: 'The caller number is missing' },
  '320015': { 'zh-CN': '有效期类型为空', en: 'The validity type is missing' },
  '320016': {
    'zh-CN': '自定义有效期的开始或结束时间为空',
    en: 'The start or end of the custom validity period is missing',
  },
  '320017': { 'zh-CN': '拨打时间段为空', en: 'The calling hours are missing' },
  '320018': { 'zh-CN': 'data 格式错误', en: 'The data field is malformed' },
  '320019': { 'zh-CN': '任务或模板有误', en: 'The task or template is wrong' },
  '320020': { 'zh-CN': '任务已经被删除', en: 'The task has been deleted' },
  '320021': { 'zh-CN': '任务 id 为空', en: 'The task id is missing' },
  '320022': { 'zh-CN': '任务 id 有误', en: 'The task id is wrong' },
  '320023': { 'zh-CN': '任务未开始或已完结', en: 'The task has not started or is already finished' },
  '320024': {
    'zh-CN': '只有暂停中的任务可以继续',
    en: 'Only a paused task can be resumed',
  },
  '320025': { 'zh-CN': '验证邮箱为空', en: 'The email to verify is missing' },
  '320026': { 'zh-CN': '开始时间为空', en: 'The begin time is missing' },
  '320027': { 'zh-CN': '结束时间为空', en: 'The end time is missing' },
  '320028': { 'zh-CN': '文件格式不正确', en: 'The file format is not accepted' },
  '320029': { 'zh-CN': '超过最大上传条数', en: 'More rows than the upload limit' },
  '320030': { 'zh-CN': '上传的数据有误', en: 'The uploaded data is invalid' },
  '320031': { 'zh-CN': '上传文件不存在', en: 'The upload file is missing' },
  '320032': { 'zh-CN': 'outid 为空', en: 'The outid is missing' },
  '320033': { 'zh-CN': 'outid 数量超出限制', en: 'Too many outids in one request' },
};

/** The meaning of a ret_code; an unknown code still gets an honest message. */
export function sobotCodeMeaning(code: string): Localized {
  return (
    SOBOT_RET_CODES[code] ?? {
      'zh-CN': `服务器返回未知错误码 ${code}`,
      en: `The server answered an unknown error code ${code}`,
    }
  );
}

/**
 * Call (dial) status codes and the outcome each means. 8 is undefined in the document: it and
 * any other code read as `unknown`, keeping the code.
 */
export const SOBOT_CALL_OUTCOMES: Record<string, CallOutcome> = {
  '0': 'not_dialled',
  '1': 'dialling',
  '2': 'connected',
  '3': 'no_answer',
  '4': 'powered_off',
  '5': 'suspended',
  '6': 'vacant',
  '7': 'rejected',
  '9': 'busy',
};

export function sobotCallOutcome(code: number | string): CallOutcome {
  return SOBOT_CALL_OUTCOMES[String(code)] ?? 'unknown';
}

/** Task status codes and the neutral status each means. `query_task` lists only unfinished tasks. */
export const SOBOT_TASK_STATUSES: Record<string, TaskStatus> = {
  '-1': 'deleted',
  '0': 'not_started',
  '1': 'running',
  '2': 'finished',
  '3': 'outside_hours',
  '4': 'queued',
  '5': 'paused',
};

export function sobotTaskStatus(code: number | string): TaskStatus {
  return SOBOT_TASK_STATUSES[String(code)] ?? 'unknown';
}

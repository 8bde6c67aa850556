/**
 * The server side of the iCall V1 code table (document section 3), in the document's own
 * wording: the sandbox answers what the vendor's server answers, not the app's friendlier labels
 * (those live in shared/codes/sobot.ts).
 */

export const RET_OK = '000000';

export const RET_MESSAGES: Readonly<Record<string, string>> = {
  '320001': 'appid或者signature有误',
  '329999': '系统未知异常',
  '320011': '模板id为空',
  '320012': '任务名称为空',
  '320013': '机器人数量有误',
  '320014': '外显号码为空',
  '320015': '有效期类型为空',
  '320016': '自定义有效期开始或结束时间为空',
  '320017': '拨打时间段为空',
  '320018': 'data格式错误',
  '320019': '任务或者模板有误',
  '320020': '任务已经被删除',
  '320021': '任务id为空',
  '320022': '任务id有误',
  '320023': '任务未开始或已完结',
  '320024': '只有暂停中的任务可以继续操作',
  '320025': '验证邮箱为空',
  '320026': '开始时间为空',
  '320027': '结束时间为空',
  '320028': '文件格式不正确',
  '320029': '大于最大上传条数',
  '320030': '上传的数据有误',
  '320031': '上传文件不存在',
  '320032': 'outid为空',
  '320033': 'outid数量超出限制',
};

/**
 * A documented business error. Handlers throw it; the router turns it into
 * `{"ret_code": code, "ret_msg": message}` with HTTP 200, as the vendor's server does.
 */
export class SandboxError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? RET_MESSAGES[code] ?? '系统未知异常');
    this.name = 'SandboxError';
    this.code = code;
  }
}

/** Throws the documented error for `code`; `detail` replaces the stock message when given. */
export function reject(code: string, detail?: string): never {
  throw new SandboxError(code, detail);
}

/** A JSON reply body (before serialisation). */
export type Reply = Record<string, unknown>;

/** The success envelope with the document's Chinese message. */
export function success(retMsg: string, fields: Reply = {}): Reply {
  return { ...fields, ret_msg: retMsg, ret_code: RET_OK };
}

/** The error envelope for a code. */
export function failure(code: string, message?: string): Reply {
  return { ret_code: code, ret_msg: message ?? RET_MESSAGES[code] ?? '系统未知异常' };
}

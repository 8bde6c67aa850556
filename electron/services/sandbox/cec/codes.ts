/**
 * The server side of CEC's result codes, in the platform's own wording: every iSales and
 * CC-FS answer is HTTP 200 with `resultCode`/`returnCode` (iSales) or `resultCode` (CC-FS).
 * Which code answers which mistake, where the manual is silent, is this sandbox's choice and
 * is written next to the check that raises it.
 */

export const OK = '0200000';

const MESSAGES: Readonly<Record<string, string>> = {
  '0200001': '参数异常',
  '0200002': '开始时间不能早于当天',
  '0200004': '外呼活动数量已达上限',
  '0200005': '外呼活动名称已存在',
  '0200006': '数据库操作异常',
  '0200007': '外呼活动不存在',
  '0200009': '外呼活动正在执行，不允许删除',
  '0200011': '外呼活动状态不允许该操作',
  '0200018': '号码重复',
  '0200019': '外呼活动状态不允许添加号码',
  '0200020': '外呼号码数量超过上限',
  '0200022': '请求过于频繁',
  '0200024': '号码在黑名单中',
  '0200029': '号码数量超过单次上限',
  '0300008': '流控，请稍后再试',
  '0300011': '文件不存在',
};

/** A documented refusal; handlers throw it, the router answers it. */
export class CecReject extends Error {
  constructor(
    readonly code: string,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[code] ?? '失败'}: ${detail}` : (MESSAGES[code] ?? '失败'));
  }
}

/** Throws the refusal for `code`. */
export function refuse(code: string, detail?: string): never {
  throw new CecReject(code, detail);
}

/** The iSales success envelope. */
export function isalesOk(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { returnCode: OK, resultCode: OK, returnDesc: 'success', resultDesc: 'success', ...fields };
}

/** The iSales failure envelope. */
export function isalesFail(code: string, message?: string): Record<string, unknown> {
  const desc = message ?? MESSAGES[code] ?? '失败';
  return { returnCode: code, resultCode: code, returnDesc: desc, resultDesc: desc };
}

/** The CC-FS failure body (HTTP 200, JSON instead of the file). */
export function ccfsFail(code: string, message?: string): Record<string, unknown> {
  return { resultCode: code, resultDesc: message ?? MESSAGES[code] ?? '失败', resultData: '' };
}

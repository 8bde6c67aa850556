import type { Localized } from '../locale';

/**
 * Stable codes for network and transport failures (anything that is not a server `ret_code`),
 * with the message shown to the operator. Pure data: both main and the renderer import it.
 */
export const NET_ERROR_CODES = [
  'net.timeout',
  'net.offline',
  'net.unreachable',
  'net.aborted',
  'net.http_status',
  'net.bad_response',
  'net.redirected',
  'net.too_large',
  'net.certificate',
] as const;

/** One of {@link NET_ERROR_CODES}. */
export type NetErrorCode = (typeof NET_ERROR_CODES)[number];

/** What each transport failure means to the operator, in every language. */
export const NET_MESSAGES: Record<NetErrorCode, Localized> = {
  'net.timeout': {
    'zh-CN': '服务器在规定时间内没有响应，请检查网络后重试',
    en: 'The server did not answer in time: check the network and try again',
  },
  'net.offline': {
    'zh-CN': '无法解析服务器地址，请检查网络连接或账号中的服务地址',
    en: 'The server name could not be resolved: check the network connection or the account’s server address',
  },
  'net.unreachable': {
    'zh-CN': '无法连接到服务器，请检查网络或账号中的服务地址',
    en: 'The server could not be reached: check the network or the account’s server address',
  },
  'net.aborted': { 'zh-CN': '操作已取消', en: 'The operation was cancelled' },
  'net.http_status': {
    'zh-CN': '服务器返回了错误的 HTTP 状态，请稍后重试',
    en: 'The server answered with an HTTP error: try again later',
  },
  'net.bad_response': {
    'zh-CN': '服务器返回的内容无法识别（可能是网关页面或内容不完整），请检查服务地址后重试',
    en: 'The server’s answer could not be read (perhaps a gateway page or a cut-off body): check the server address and try again',
  },
  'net.redirected': {
    'zh-CN': '服务器要求跳转到其他地址，为保护账号凭据已拒绝，请检查账号中的服务地址',
    en: 'The server redirected the request elsewhere; it was refused to protect the account’s credentials: check the server address',
  },
  'net.too_large': {
    'zh-CN': '服务器返回的内容过大，已停止读取',
    en: 'The server’s answer was too large and reading it was stopped',
  },
  'net.certificate': {
    'zh-CN': '服务器证书不受信任：如租户使用私有 CA，请在账号中添加其 CA 证书',
    en: 'The server’s certificate is not trusted: if the tenant uses a private CA, add its CA certificate to the account',
  },
};

/** True when `code` is one of the transport codes of this table. */
export function isNetErrorCode(code: string): code is NetErrorCode {
  return (NET_ERROR_CODES as readonly string[]).includes(code);
}

import type { Localized } from '../locale';

/** Messages for the app's own error codes (not the vendor's). */
export const APP_ERRORS = {
  'ipc.forbidden_sender': {
    'zh-CN': '拒绝来自非本应用页面的请求',
    en: 'Refused a request that did not come from the app’s own window',
  },
  'ipc.unknown_channel': { 'zh-CN': '未知的请求', en: 'Unknown request' },
  'ipc.invalid_input': { 'zh-CN': '请求的内容不正确', en: 'The request was not valid' },
  'app.unexpected': {
    'zh-CN': '发生了意外错误，已记录在日志中',
    en: 'Something unexpected went wrong; it was written to the log',
  },
  'prefs.write_failed': {
    'zh-CN': '无法保存偏好设置，请检查数据文件夹是否可写',
    en: 'Could not save preferences: check that the data folder is writable',
  },
} satisfies Record<string, Localized>;

export type AppErrorCode = keyof typeof APP_ERRORS;

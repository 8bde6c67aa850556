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
    'zh-CN': '发生了意外错误，详情已写入日志',
    en: 'Something unexpected went wrong; the details were written to the log',
  },
  'settings.write_failed': {
    'zh-CN': '无法保存设置，请检查数据文件夹是否可写',
    en: 'Could not save the settings: check that the data folder is writable',
  },
  'vault.unavailable': {
    'zh-CN':
      '无法使用系统钥匙串保存账号密钥。Windows 使用凭据管理器，macOS 使用钥匙串，Linux 需要运行 Secret Service（如 gnome-keyring）。',
    en: 'The OS keychain could not be used to keep the account’s keys. Windows uses Credential Manager, macOS the Keychain; Linux needs a running Secret Service (such as gnome-keyring).',
  },
  'vault.failed': {
    'zh-CN': '系统钥匙串拒绝了操作，请确认钥匙串已解锁后重试',
    en: 'The OS keychain refused the operation: make sure it is unlocked and try again',
  },
  'accounts.not_found': { 'zh-CN': '找不到该账号', en: 'No such account' },
  'accounts.name_taken': {
    'zh-CN': '已有同名账号，请换一个名称',
    en: 'An account with this name exists already',
  },
  'accounts.builtin_readonly': {
    'zh-CN': '内置沙箱账号不能修改或删除',
    en: 'The built-in sandbox account cannot be changed or removed',
  },
  'accounts.no_credentials': {
    'zh-CN': '该账号还没有保存所需的密钥，请在设置中填写',
    en: 'This account’s keys are not stored yet: enter them in Settings',
  },
  'accounts.bad_field': {
    'zh-CN': '账号信息有误：{field}（{reason}）',
    en: 'The account is not right: {field} ({reason})',
  },
  'accounts.login_rejected': {
    'zh-CN': '登录邮箱与该 appid 不匹配',
    en: 'The login email does not belong to this appid',
  },
  'sandbox.start_failed': {
    'zh-CN': '内置沙箱服务器无法启动',
    en: 'The built-in sandbox server could not start',
  },
} satisfies Record<string, Localized>;

export type AppErrorCode = keyof typeof APP_ERRORS;

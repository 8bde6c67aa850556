import type { Localized } from '../locale';

/** Codes of results sync, the push receiver, recordings and results export. */
export const RESULTS_ERRORS = {
  'results.sync_running': {
    'zh-CN': '该任务正在同步结果，请等待完成或先取消',
    en: 'This task’s results are already syncing: wait for it or cancel it first',
  },
  'results.call_not_found': { 'zh-CN': '找不到这通电话', en: 'This call was not found' },
  'results.no_result': {
    'zh-CN': '该号码还没有通话结果',
    en: 'This row has no call result yet',
  },
  'results.export_format': {
    'zh-CN': '只能导出为 .xlsx 或 .csv 文件',
    en: 'Results can only be exported as .xlsx or .csv',
  },
  'results.export_cancelled': { 'zh-CN': '已取消导出', en: 'The export was cancelled' },
  'results.push_port': {
    'zh-CN': '端口 {port} 无法监听（可能已被占用），请换一个端口',
    en: 'Port {port} cannot be used (it may be taken): choose another one',
  },
  'results.push_host': {
    'zh-CN': '地址 {host} 不是本机的网络地址，请从列表中选择',
    en: 'The address {host} is not one of this machine’s: choose one from the list',
  },
  'recordings.undecodable': {
    'zh-CN': '录音格式无法解码',
    en: 'The recording’s audio format cannot be decoded',
  },
} satisfies Record<string, Localized>;

export type ResultsErrorCode = keyof typeof RESULTS_ERRORS;

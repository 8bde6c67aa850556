import type { Localized } from '../locale';

/** Codes of exports (lists, results, the do-not-call list). */
export const EXPORT_ERRORS = {
  'exports.write_failed': {
    'zh-CN': '文件无法写入（{reason}）：请换一个位置或检查磁盘空间',
    en: 'The file could not be written ({reason}): choose another place or check the free space',
  },
  'exports.saved_missing': {
    'zh-CN': '找不到刚才导出的文件（可能已被移动或删除）',
    en: 'The exported file is no longer there (it may have been moved or deleted)',
  },
} satisfies Record<string, Localized>;

export type ExportErrorCode = keyof typeof EXPORT_ERRORS;

/** Labels of exported files and sheets. */
export const EXPORT_NAMES = {
  results: { 'zh-CN': '通话结果', en: 'results' },
  doNotCall: { 'zh-CN': '免打扰名单', en: 'do-not-call' },
} satisfies Record<string, Localized>;

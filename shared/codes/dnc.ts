import type { Localized } from '../locale';
import type { DncSource } from '../dnc';

/** The do-not-call list's own failures. */
export const DNC_ERRORS = {
  'dnc.nothing_to_add': {
    'zh-CN': '没有可加入免打扰名单的号码',
    en: 'No numbers to add to the do-not-call list',
  },
  'dnc.masked_number': {
    'zh-CN': '这通电话的号码被隐藏了（如 182****6077），无法加入免打扰名单',
    en: 'This call’s number is hidden (like 182****6077): it cannot go on the do-not-call list',
  },
  'dnc.too_many': {
    'zh-CN': '免打扰名单最多 {max} 个号码',
    en: 'The do-not-call list holds at most {max} numbers',
  },
} satisfies Record<string, Localized>;

export type DncErrorCode = keyof typeof DNC_ERRORS;

/** How an entry got onto the list, as the screen and exports say it. */
export const DNC_SOURCE_LABELS: Record<DncSource, Localized> = {
  manual: { 'zh-CN': '手动添加', en: 'Added by hand' },
  import: { 'zh-CN': '从文件导入', en: 'Imported' },
  list: { 'zh-CN': '来自名单', en: 'From a call list' },
  call: { 'zh-CN': '来自通话', en: 'From a call' },
};

/** Column headers of an exported do-not-call list. */
export const DNC_EXPORT_HEADERS = {
  telephone: { 'zh-CN': '电话号码', en: 'Telephone' },
  scope: { 'zh-CN': '适用范围', en: 'Applies to' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  addedAt: { 'zh-CN': '加入时间', en: 'Added' },
  source: { 'zh-CN': '来源', en: 'Source' },
  allAccounts: { 'zh-CN': '所有账号', en: 'Every account' },
} satisfies Record<string, Localized>;

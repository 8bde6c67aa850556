import type { Localized } from '../../../shared/locale';
import { AppFailure } from '../contract/failure';

/** The list store's own failures, with their text in every language. */
export const LIST_ERRORS = {
  'lists.not_found': { 'zh-CN': '找不到这个名单，它可能已被删除', en: 'This call list no longer exists' },
  'lists.row_not_found': {
    'zh-CN': '找不到要修改的行，它可能已被删除',
    en: 'The row to change no longer exists',
  },
  'lists.bad_name': {
    'zh-CN': '名单名称不能为空，且不超过 200 个字符',
    en: 'A list name must be 1–200 characters',
  },
  'lists.unknown_column': { 'zh-CN': '名单中没有这一列', en: 'The list has no such column' },
  'lists.bad_edit': { 'zh-CN': '修改内容不正确', en: 'The change is not valid' },
  'lists.outid_taken': {
    'zh-CN': '编号已被本名单中的其他行使用',
    en: 'Another row of this list already uses this id',
  },
  'lists.export_failed': {
    'zh-CN': '无法写入导出文件，请检查文件夹是否可写、文件是否已在 Excel 中打开',
    en: 'Could not write the export file: check the folder is writable and the file is not open in Excel',
  },
  'lists.staged_missing': {
    'zh-CN': '要导入的文件已不在暂存区，请重新拖入文件',
    en: 'The file to import is no longer staged: drop it again',
  },
  'lists.export_format': {
    'zh-CN': '只能导出为 .xlsx 或 .csv 文件',
    en: 'Lists can be exported to .xlsx or .csv only',
  },
} satisfies Record<string, Localized>;

export type ListErrorCode = keyof typeof LIST_ERRORS;

export function listFailure(code: ListErrorCode, detail?: string): AppFailure {
  return new AppFailure(code, LIST_ERRORS[code], detail);
}

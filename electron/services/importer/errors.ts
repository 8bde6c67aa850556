import type { Localized } from '../../../shared/locale';
import { AppFailure } from '../contract/failure';

/** Why a file cannot be imported: stable codes, text in every language, nothing is created. */
export const IMPORT_ERRORS = {
  'import.unreadable': {
    'zh-CN': '无法打开这个文件，请确认文件存在且没有被其他程序占用',
    en: 'Could not open the file: check that it exists and is not locked by another program',
  },
  'import.not_a_workbook': {
    'zh-CN':
      '这不是 Excel 工作簿或 CSV 文件（可能是网页或其他格式改了扩展名），请在 Excel 中另存为 .xlsx 后再导入',
    en: 'This is not an Excel workbook or CSV file (perhaps a web page or another format renamed); save it as .xlsx in Excel and import that',
  },
  'import.truncated': {
    'zh-CN': '文件不完整（可能没有下载或复制完），请重新获取文件',
    en: 'The file is incomplete (perhaps a download or copy did not finish); get the file again',
  },
  'import.corrupt': {
    'zh-CN': '文件已损坏，无法读取，请在 Excel 中打开并另存为 .xlsx 后再导入',
    en: 'The file is damaged and cannot be read; open it in Excel, save it as .xlsx and import that',
  },
  'import.encrypted': {
    'zh-CN': '文件设置了打开密码，请在 Excel 中取消密码（文件 > 信息 > 保护工作簿）后再导入',
    en: 'The file is password-protected; remove the password in Excel (File > Info > Protect Workbook) and import again',
  },
  'import.xls_unsupported': {
    'zh-CN': '不支持旧版 .xls 格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入',
    en: 'Old .xls workbooks are not supported; use “Save As” .xlsx in Excel or WPS and import that',
  },
  'import.empty': {
    'zh-CN': '文件中没有数据行',
    en: 'The file has no data rows',
  },
  'import.too_many_rows': {
    'zh-CN': '一个名单最多 100,000 行，请把文件拆分后分别导入',
    en: 'A call list holds at most 100,000 rows; split the file and import the parts',
  },
  'import.too_many_columns': {
    'zh-CN': '列数过多（最多 200 列）',
    en: 'Too many columns (at most 200)',
  },
  'import.too_large': {
    'zh-CN':
      '文件过大或内容异常（例如压缩后极小、解压后巨大，或单元格超过 32,767 个字符），为保护电脑没有导入',
    en: 'The file is too large or abnormal (for example tiny compressed but huge when unpacked, or a cell longer than 32,767 characters); nothing was imported, to protect this computer',
  },
  'import.no_such_sheet': {
    'zh-CN': '工作簿中没有这个工作表',
    en: 'The workbook has no such sheet',
  },
  'import.bad_header_row': {
    'zh-CN': '表头所在行不正确',
    en: 'The header row is not valid',
  },
  'import.bad_mapping': {
    'zh-CN': '列的对应关系不正确：必须指定电话号码列，每列只能使用一次，变量名不能为空、重复或包含“^”“|”',
    en: 'The column mapping is not valid: choose the telephone column, use each column once, and give variables unique names without “^” or “|”',
  },
  'import.no_phone_column': {
    'zh-CN':
      '没有找到电话号码列：请在“列对应”步骤中选择哪一列是电话号码（命令行：用 --phone 列 指定，例如 --phone B 或 --phone 联系号码）',
    en: 'No phone column found: choose which column holds the phone numbers in the mapping step (command line: --phone COLUMN, e.g. --phone B or --phone Mobile)',
  },
  'import.cancelled': { 'zh-CN': '导入已取消', en: 'Import cancelled' },
} satisfies Record<string, Localized>;

export type ImportErrorCode = keyof typeof IMPORT_ERRORS;

/** A failure of the importer, ready for the dispatcher and the CLI. */
export function importFailure(code: ImportErrorCode, detail?: string): AppFailure {
  return new AppFailure(code, IMPORT_ERRORS[code], detail);
}

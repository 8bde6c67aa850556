import type { FileProblemCode } from '../importing';
import type { Localized } from '../locale';

/**
 * What a file problem means, for the mapping step, the import result and the CLI. The
 * importer's refusals (`import.*`) live with the importer (`electron/services/importer/errors.ts`).
 */
export const FILE_PROBLEMS = {
  'file.no_phone_column': {
    'zh-CN': '没有找到电话号码列：请选择哪一列是电话号码（命令行：--phone 列）',
    en: 'No phone column found: choose which column holds the phone numbers (command line: --phone COLUMN)',
  },
  'csv.mixed_encoding': {
    'zh-CN': '这一行的编码与文件其他行不同（UTF-8 与 GBK 混用），已按这一行自己的编码读取，请核对文字',
    en: 'This line is in another encoding than the rest of the file (UTF-8 mixed with GBK); it was read in its own encoding, check its text',
  },
  'csv.unclosed_quote': {
    'zh-CN': '这一行有一个没有结束的引号，它会吞掉后面的内容：已在行尾结束这个单元格，请核对',
    en: 'This line has a quote that is never closed and would swallow what follows: the cell was ended at the end of the line, check it',
  },
} satisfies Record<FileProblemCode, Localized>;

/** Why a column got its role in the suggested mapping (`campaign-desk inspect` prints these). */
export type MappingReason =
  'remembered' | 'phone_header' | 'phone_values' | 'outid_header' | 'header' | 'no_header' | 'not_mapped';

export const MAPPING_REASONS = {
  remembered: {
    'zh-CN': '与上次导入相同表头的文件，沿用上次的对应关系',
    en: 'same headers as a file imported before: the mapping chosen then',
  },
  phone_header: { 'zh-CN': '表头是电话号码的常见名称', en: 'the header is a usual name for a phone column' },
  phone_values: {
    'zh-CN': '这一列的内容大多是有效的电话号码',
    en: 'most values in this column are valid phone numbers',
  },
  outid_header: {
    'zh-CN': '表头是编号（outid）的常见名称',
    en: 'the header is a usual name for an id (outid) column',
  },
  header: {
    'zh-CN': '有表头的列作为变量，变量名取表头',
    en: 'a column with a header becomes a variable named after it',
  },
  no_header: { 'zh-CN': '这一列没有表头，不导入', en: 'the column has no header and is not imported' },
  not_mapped: { 'zh-CN': '没有对应到任何字段，不导入', en: 'not mapped to anything, not imported' },
} satisfies Record<MappingReason, Localized>;

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

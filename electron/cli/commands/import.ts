import { resolve } from 'node:path';
import { ROW_PROBLEMS } from '../../../shared/callList';
import { FILE_PROBLEMS } from '../../../shared/codes/importing';
import { format } from '../../../shared/locale';
import { importFile, type ImportRequest } from '../../services/lists/importFile';
import { parseCommandArgs, positiveInteger, stringOption, type CommandArgs } from '../args';
import type { CliCommand } from '../command';
import { reportFailure } from '../failure';
import { emit, progressLine } from '../output';

const TEXT = {
  done: {
    'zh-CN': '已导入名单 #{id}“{name}”：{rows} 行，其中 {valid} 行可拨打，{problems} 个问题。',
    en: 'Imported list #{id} “{name}”: {rows} rows, {valid} ready to dial, {problems} problems.',
  },
  more: { 'zh-CN': '……另有 {n} 个问题', en: '… and {n} more problems' },
  progress: { 'zh-CN': '正在导入：已读 {rows} 行', en: 'Importing: {rows} rows read' },
  progressOf: {
    'zh-CN': '正在导入：已读 {rows} / 约 {total} 行',
    en: 'Importing: {rows} of about {total} rows read',
  },
} as const;

/** The options `import` and `inspect` share: which sheet and header row, which columns. */
export const SHEET_OPTIONS = {
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
} as const;

/** `--sheet 2` is the second sheet; any other text is a sheet name. */
export function sheetOption(args: CommandArgs): string | number | undefined {
  const sheet = stringOption(args, 'sheet');
  return sheet !== undefined && /^\d+$/.test(sheet) ? positiveInteger(sheet, '--sheet') : sheet;
}

/** `--header-row N` as the 1-based row, or undefined (detected). */
export function headerRowOption(args: CommandArgs): number | undefined {
  const row = stringOption(args, 'header-row');
  return row === undefined ? undefined : positiveInteger(row, '--header-row');
}

/**
 * `campaign-desk import FILE [--name NAME] [--sheet N|NAME] [--header-row N] [--phone COLUMN]
 * [--var NAME=COLUMN …]`: imports a workbook or CSV with the mapping the app's mapping step
 * would propose (remembered, else automatic), changed by the options given.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import FILE [--name NAME] [--sheet N|NAME] [--header-row N] [--phone COLUMN] [--var NAME=COLUMN …]',
  summary: {
    'zh-CN': '把 Excel 或 CSV 文件导入为外呼名单',
    en: 'import an Excel or CSV file as a call list',
  },
  help: [
    {
      'zh-CN': '--name 名称          名单名称（默认：文件名）',
      en: '--name NAME         the list’s name (default: the file name)',
    },
    {
      'zh-CN': '--sheet N|名称       第 N 个工作表或工作表名称（默认：第一个有数据的）',
      en: '--sheet N|NAME      the Nth sheet or a sheet by name (default: the first with data)',
    },
    {
      'zh-CN': '--header-row N      表头所在行（默认：自动识别）',
      en: '--header-row N      the header row (default: detected)',
    },
    {
      'zh-CN': '--phone 列          电话号码列：列字母（B）或表头文字',
      en: '--phone COLUMN      the phone column: a letter (B) or its header text',
    },
    {
      'zh-CN': '--var 名称=列       变量及其列（可重复；给出时只导入这些变量）',
      en: '--var NAME=COLUMN   a variable and its column (repeatable; when given, only these)',
    },
    {
      'zh-CN': '先用 campaign-desk inspect 文件 查看表头、建议的对应关系和问题',
      en: 'See the headers, the suggested mapping and the problems first with campaign-desk inspect FILE',
    },
  ],
  async run(args, ctx) {
    const parsed = parseCommandArgs(
      args,
      {
        name: { type: 'string' },
        ...SHEET_OPTIONS,
        phone: { type: 'string' },
        var: { type: 'string', multiple: true },
      },
      ['FILE'],
    );
    const path = resolve(parsed.positionals[0]!);
    const sheet = sheetOption(parsed);
    const headerRow = headerRowOption(parsed);
    const name = stringOption(parsed, 'name');
    const phone = stringOption(parsed, 'phone');
    const variables = parsed.values['var'] as string[] | undefined;
    const request: ImportRequest = {
      ...(sheet !== undefined ? { sheet } : {}),
      ...(headerRow !== undefined ? { headerRow } : {}),
      ...(phone !== undefined ? { phone } : {}),
      ...(variables !== undefined ? { variables } : {}),
      ...(name !== undefined ? { name } : {}),
    };
    const abort = new AbortController();
    void ctx.interrupted.then(() => abort.abort());
    const progress = progressLine(ctx);
    try {
      const { lists } = ctx.core();
      const result = await importFile(path, request, {
        store: lists.store,
        memory: lists.memory,
        signal: abort.signal,
        onProgress: (p) =>
          progress.update(
            p.rowsEstimate
              ? format(TEXT.progressOf[ctx.locale], { rows: p.rowsDone, total: p.rowsEstimate })
              : format(TEXT.progress[ctx.locale], { rows: p.rowsDone }),
          ),
      });
      progress.done();
      const { list } = result;
      const document = {
        list: { id: list.id, name: list.name, rows: list.rowCount },
        valid: result.valid,
        problems: result.problems.map(({ row, column, code, value }) => ({ row, column, code, value })),
        fileProblems: result.fileProblems,
      };
      const lines = [
        format(TEXT.done[ctx.locale], {
          id: list.id,
          name: list.name,
          rows: list.rowCount,
          valid: result.valid,
          problems: result.problems.length,
        }),
      ];
      for (const problem of result.problems.slice(0, 20))
        lines.push(`  ${problem.cell}  ${ROW_PROBLEMS[problem.code][ctx.locale]}  ${problem.value}`);
      if (result.problems.length > 20)
        lines.push(`  ${format(TEXT.more[ctx.locale], { n: result.problems.length - 20 })}`);
      for (const problem of result.fileProblems)
        lines.push(`  ${problem.row ? `#${problem.row}  ` : ''}${FILE_PROBLEMS[problem.code][ctx.locale]}`);
      emit(ctx, document, lines.join('\n'));
      return 0;
    } catch (error) {
      progress.done();
      return reportFailure(ctx, error);
    }
  },
};

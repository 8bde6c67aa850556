import { resolve } from 'node:path';
import { ROW_PROBLEMS } from '../../../shared/callList';
import { format } from '../../../shared/locale';
import { importFile } from '../../services/importer/importFile';
import { inspectFile } from '../../services/importer/inspect';
import { parseCommandArgs, stringOption } from '../args';
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

const OPTIONS = { name: { type: 'string' }, sheet: { type: 'string' } } as const;

/**
 * `campaign-desk import FILE [--name NAME] [--sheet NAME]`: imports a workbook or CSV with the
 * automatic (or remembered) header row and column mapping, as the app's mapping step proposes.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import FILE [--name NAME] [--sheet NAME]',
  summary: {
    'zh-CN': '把 Excel 或 CSV 文件导入为外呼名单',
    en: 'import an Excel or CSV file as a call list',
  },
  help: [
    {
      'zh-CN': '--name 名称    名单名称（默认：文件名）',
      en: '--name NAME   the list’s name (default: the file name)',
    },
    {
      'zh-CN': '--sheet 工作表  要导入的工作表（默认：第一个）',
      en: '--sheet NAME  the sheet to import (default: the first)',
    },
  ],
  async run(args, ctx) {
    const parsed = parseCommandArgs(args, OPTIONS, ['FILE']);
    const path = resolve(parsed.positionals[0]!);
    const abort = new AbortController();
    void ctx.interrupted.then(() => abort.abort());
    const progress = progressLine(ctx);
    try {
      const { lists } = ctx.core();
      const sheet = stringOption(parsed, 'sheet');
      const name = stringOption(parsed, 'name');
      const inspection = await inspectFile(path, {
        memory: lists.memory,
        signal: abort.signal,
        ...(sheet ? { sheet } : {}),
      });
      const result = await importFile(
        path,
        {
          sheet: inspection.sheet,
          headerRow: inspection.headerRow,
          mapping: inspection.suggestedMapping,
          ...(name ? { name } : {}),
        },
        {
          store: lists.store,
          memory: lists.memory,
          signal: abort.signal,
          onProgress: (p) =>
            progress.update(
              p.rowsEstimate
                ? format(TEXT.progressOf[ctx.locale], { rows: p.rowsDone, total: p.rowsEstimate })
                : format(TEXT.progress[ctx.locale], { rows: p.rowsDone }),
            ),
        },
      );
      progress.done();
      const { list } = result;
      const document = {
        list: { id: list.id, name: list.name, rows: list.rowCount },
        valid: result.valid,
        problems: result.problems.map(({ row, column, code, value }) => ({ row, column, code, value })),
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
      emit(ctx, document, lines.join('\n'));
      return 0;
    } catch (error) {
      progress.done();
      return reportFailure(ctx, error);
    }
  },
};

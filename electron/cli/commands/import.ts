import { resolve } from 'node:path';
import { format } from '../../../shared/locale';
import { ROW_PROBLEMS } from '../../../shared/callList';
import { AppFailure, describeError } from '../../services/contract/failure';
import { importFile } from '../../services/lists/importFile';
import { inspectFile } from '../../services/importer/inspect';
import { openListServices } from '../../services/lists';
import { optionValue } from '../args';
import type { CliCommand, CliContext } from '../command';
import { emit, emitError, emitUsage } from '../output';

const TEXT = {
  usage: {
    'zh-CN': '用法：campaign-desk import 文件 [--name 名称] [--sheet 工作表]',
    en: 'usage: campaign-desk import FILE [--name NAME] [--sheet NAME]',
  },
  done: {
    'zh-CN': '已导入名单 #{id}“{name}”：{rows} 行，其中 {valid} 行可拨打，{problems} 个问题。',
    en: 'Imported list #{id} “{name}”: {rows} rows, {valid} ready to dial, {problems} problems.',
  },
  more: { 'zh-CN': '……另有 {n} 个问题', en: '… and {n} more problems' },
} as const;

/** The arguments that are not options or option values (`--name X`). */
export function positionals(args: readonly string[], valued: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (valued.includes(arg)) i++;
    else if (!arg.startsWith('--')) out.push(arg);
  }
  return out;
}

/** Reports an AppFailure (or anything else, as unexpected) the CLI way. */
export function fail(ctx: CliContext, error: unknown): number {
  if (!(error instanceof AppFailure)) ctx.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  return emitError(ctx, describeError(error, ctx.locale));
}

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
  async run(args, ctx) {
    const [file] = positionals(args, ['--name', '--sheet']);
    if (!file) return emitUsage(ctx, TEXT.usage[ctx.locale]);
    const path = resolve(file);
    const services = openListServices(ctx.dataDir);
    const abort = new AbortController();
    void ctx.interrupted.then(() => abort.abort());
    try {
      const sheet = optionValue(args, '--sheet');
      const name = optionValue(args, '--name');
      const inspection = await inspectFile(path, {
        memory: services.memory,
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
        { store: services.store, memory: services.memory, signal: abort.signal },
      );
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
      return fail(ctx, error);
    } finally {
      services.close();
    }
  },
};

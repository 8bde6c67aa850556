import { resolve } from 'node:path';
import { format } from '../../../shared/locale';
import { exportList } from '../../services/lists';
import { parseCommandArgs, positiveInteger, stringOption, UsageError } from '../args';
import type { CliCommand } from '../command';
import { reportFailure } from '../failure';
import { emit } from '../output';

const TEXT = {
  done: { 'zh-CN': '已导出 {rows} 行到 {file}', en: 'Exported {rows} rows to {file}' },
} as const;

/** `campaign-desk export LIST_ID --out FILE`: writes a list as .xlsx or .csv (by extension). */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export LIST_ID --out FILE',
  summary: { 'zh-CN': '把名单导出为 .xlsx 或 .csv 文件', en: 'export a call list to .xlsx or .csv' },
  help: [
    { 'zh-CN': '--out 文件   .xlsx 或 .csv（按扩展名）', en: '--out FILE  .xlsx or .csv (by extension)' },
  ],
  async run(args, ctx) {
    const parsed = parseCommandArgs(args, { out: { type: 'string' } }, ['LIST_ID']);
    const id = positiveInteger(parsed.positionals[0], 'LIST_ID');
    const out = stringOption(parsed, 'out');
    if (!out) throw new UsageError('missingArgument', { name: '--out' });
    try {
      const file = resolve(out);
      const { rows } = await exportList(ctx.core().lists.store, id, file, { locale: ctx.locale });
      emit(ctx, { list: id, file, rows }, format(TEXT.done[ctx.locale], { rows, file }));
      return 0;
    } catch (error) {
      return reportFailure(ctx, error);
    }
  },
};

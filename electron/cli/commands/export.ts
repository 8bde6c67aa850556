import { resolve } from 'node:path';
import { format } from '../../../shared/locale';
import { exportList, openListServices } from '../../services/lists';
import { optionValue } from '../args';
import type { CliCommand } from '../command';
import { emit, emitUsage } from '../output';
import { fail, positionals } from './import';

const TEXT = {
  usage: {
    'zh-CN': '用法：campaign-desk export 名单ID --out 文件.xlsx|文件.csv',
    en: 'usage: campaign-desk export LIST_ID --out FILE.xlsx|FILE.csv',
  },
  done: { 'zh-CN': '已导出 {rows} 行到 {file}', en: 'Exported {rows} rows to {file}' },
} as const;

/** `campaign-desk export LIST_ID --out FILE`: writes a list as .xlsx or .csv (by extension). */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export LIST_ID --out FILE',
  summary: { 'zh-CN': '把名单导出为 .xlsx 或 .csv 文件', en: 'export a call list to .xlsx or .csv' },
  async run(args, ctx) {
    const [idText] = positionals(args, ['--out']);
    const out = optionValue(args, '--out');
    const id = Number(idText);
    if (!out || !Number.isSafeInteger(id) || id <= 0) return emitUsage(ctx, TEXT.usage[ctx.locale]);
    let services;
    try {
      services = openListServices(ctx.dataDir);
      const file = resolve(out);
      const { rows } = await exportList(services.store, id, file);
      emit(ctx, { list: id, file, rows }, format(TEXT.done[ctx.locale], { rows, file }));
      return 0;
    } catch (error) {
      return fail(ctx, error);
    } finally {
      services?.close();
    }
  },
};

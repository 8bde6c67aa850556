import { format } from '../../../shared/locale';
import { localTime } from '../../services/results/export';
import { parseCommandArgs } from '../args';
import type { CliCommand } from '../command';
import { reportFailure } from '../failure';
import { emit } from '../output';

const TEXT = {
  none: { 'zh-CN': '还没有名单。', en: 'No call lists yet.' },
  line: {
    'zh-CN': '#{id}  {name}  {rows} 行（{valid} 行可拨打）  {updated}',
    en: '#{id}  {name}  {rows} rows ({valid} ready)  {updated}',
  },
} as const;

/** `campaign-desk lists`: every call list with its row and valid counts. */
export const listsCommand: CliCommand = {
  name: 'lists',
  usage: 'lists',
  summary: { 'zh-CN': '列出外呼名单', en: 'list the call lists' },
  async run(args, ctx) {
    parseCommandArgs(args, {});
    try {
      const lists = ctx.core().lists.store.listLists();
      const document = {
        lists: lists.map((list) => ({
          id: list.id,
          name: list.name,
          rows: list.rowCount,
          valid: list.validCount,
          sourceFile: list.sourceFile,
          createdAt: new Date(list.createdAt).toISOString(),
          updatedAt: new Date(list.updatedAt).toISOString(),
        })),
      };
      const human = lists.length
        ? lists
            .map((list) =>
              format(TEXT.line[ctx.locale], {
                id: list.id,
                name: list.name,
                rows: list.rowCount,
                valid: list.validCount,
                updated: localTime(list.updatedAt),
              }),
            )
            .join('\n')
        : TEXT.none[ctx.locale];
      emit(ctx, document, human);
      return 0;
    } catch (error) {
      return reportFailure(ctx, error);
    }
  },
};

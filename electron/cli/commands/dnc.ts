import { resolve } from 'node:path';
import { DNC_EXPORT_HEADERS, DNC_SOURCE_LABELS } from '../../../shared/codes/dnc';
import type { DncAddResult } from '../../../shared/dnc';
import { format, type Locale, type Localized } from '../../../shared/locale';
import { PHONE_INVALID_REASONS } from '../../../shared/phone';
import type { DncFeature } from '../../services/dnc/feature';
import { parseCommandArgs, positiveInteger, stringOption, UsageError, type CommandArgs } from '../args';
import type { CliCommand, CliContext } from '../command';
import { reportFailure } from '../failure';
import { emit } from '../output';

const TEXT = {
  added: {
    'zh-CN': '新加入 {added} 个号码，{already} 个已在名单中，{invalid} 个不是有效号码',
    en: '{added} numbers added, {already} already on the list, {invalid} not valid numbers',
  },
  removed: { 'zh-CN': '已移除 {n} 个号码', en: '{n} numbers removed' },
  exported: { 'zh-CN': '已导出 {rows} 个号码到 {file}', en: 'Exported {rows} numbers to {file}' },
  total: { 'zh-CN': '共 {total} 个号码', en: '{total} numbers' },
} satisfies Record<string, Localized>;

const say = (locale: Locale, key: keyof typeof TEXT, params?: Record<string, string | number>): string =>
  format(TEXT[key][locale], params);

/** `--all`: every account's list; otherwise the active account's. */
const targetOf = (parsed: CommandArgs): 'all' | 'account' => (parsed.values['all'] ? 'all' : 'account');

/** For list/remove/export: `--all` only every account's, `--account` only the active account's, else both. */
function scopeOf(parsed: CommandArgs): 'all' | 'account' | 'both' {
  if (parsed.values['all'] && parsed.values['account'])
    throw new UsageError('badValue', { option: '--all', value: '--account' });
  return parsed.values['all'] ? 'all' : parsed.values['account'] ? 'account' : 'both';
}

function addedText(result: DncAddResult, locale: Locale): string {
  const lines = [
    say(locale, 'added', { added: result.added, already: result.already, invalid: result.invalidCount }),
  ];
  for (const bad of result.invalid.slice(0, 10))
    lines.push(`  ${bad.value}: ${PHONE_INVALID_REASONS[bad.reason][locale]}`);
  return lines.join('\n');
}

async function run(dnc: () => DncFeature, args: string[], ctx: CliContext): Promise<number> {
  const [verb, ...rest] = args;
  const { locale } = ctx;
  switch (verb) {
    case undefined:
    case 'list': {
      const parsed = parseCommandArgs(
        rest,
        {
          all: { type: 'boolean' },
          account: { type: 'boolean' },
          search: { type: 'string' },
          limit: { type: 'string' },
        },
        [],
      );
      const limitText = stringOption(parsed, 'limit');
      const page = dnc().page({
        scope: scopeOf(parsed),
        ...(stringOption(parsed, 'search') ? { search: stringOption(parsed, 'search')! } : {}),
        limit: limitText === undefined ? 200 : Math.min(positiveInteger(limitText, '--limit'), 1000),
      });
      const lines = page.entries.map((entry) =>
        [
          entry.telephone,
          entry.accountId ?? DNC_EXPORT_HEADERS.allAccounts[locale],
          new Date(entry.addedAt).toISOString().slice(0, 10),
          DNC_SOURCE_LABELS[entry.source][locale],
          entry.reason ?? '',
        ].join('\t'),
      );
      lines.push(say(locale, 'total', { total: page.total }));
      emit(ctx, page, lines.join('\n'));
      return 0;
    }
    case 'add': {
      const parsed = parseCommandArgs(
        rest,
        { all: { type: 'boolean' }, reason: { type: 'string' } },
        ['NUMBER…'],
        1,
      );
      const numbers = parsed.positionals;
      const reason = stringOption(parsed, 'reason');
      const result = dnc().add({
        telephones: numbers,
        target: targetOf(parsed),
        ...(reason ? { reason } : {}),
      });
      emit(ctx, result, addedText(result, locale));
      return 0;
    }
    case 'remove': {
      const parsed = parseCommandArgs(
        rest,
        { all: { type: 'boolean' }, account: { type: 'boolean' } },
        ['NUMBER…'],
        1,
      );
      const n = dnc().removeTelephones(parsed.positionals, scopeOf(parsed));
      emit(ctx, { removed: n }, say(locale, 'removed', { n }));
      return 0;
    }
    case 'import': {
      const parsed = parseCommandArgs(
        rest,
        {
          all: { type: 'boolean' },
          sheet: { type: 'string' },
          'header-row': { type: 'string' },
          phone: { type: 'string' },
          reason: { type: 'string' },
        },
        ['FILE'],
      );
      const sheet = stringOption(parsed, 'sheet');
      const headerRow = stringOption(parsed, 'header-row');
      const phone = stringOption(parsed, 'phone');
      const reasonColumn = stringOption(parsed, 'reason');
      const result = await dnc().importFile(resolve(parsed.positionals[0]!), {
        target: targetOf(parsed),
        ...(sheet !== undefined ? { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet } : {}),
        ...(headerRow !== undefined ? { headerRow: positiveInteger(headerRow, '--header-row') } : {}),
        ...(phone !== undefined ? { phone } : {}),
        ...(reasonColumn !== undefined ? { reasonColumn } : {}),
      });
      emit(ctx, result, addedText(result, locale));
      return 0;
    }
    case 'export': {
      const parsed = parseCommandArgs(
        rest,
        { out: { type: 'string' }, all: { type: 'boolean' }, account: { type: 'boolean' } },
        [],
      );
      const out = stringOption(parsed, 'out');
      if (!out) throw new UsageError('missingArgument', { name: '--out' });
      const extension = /\.(xlsx|csv)$/i.exec(out)?.[1]?.toLowerCase();
      if (extension !== 'xlsx' && extension !== 'csv')
        throw new UsageError('badValue', { option: '--out', value: out });
      const file = resolve(out);
      const { rows } = await dnc().exportTo(file, extension, locale, scopeOf(parsed));
      emit(ctx, { file, rows }, say(locale, 'exported', { rows, file }));
      return 0;
    }
    default:
      throw new UsageError('badValue', { option: 'dnc', value: verb });
  }
}

/** `campaign-desk dnc …`: the do-not-call list every upload plan checks. */
export const dncCommand: CliCommand = {
  name: 'dnc',
  usage: 'dnc [list] | add NUMBER… | remove NUMBER… | import FILE | export --out FILE',
  summary: {
    'zh-CN': '免打扰名单：这些号码永远不会上传到任务',
    en: 'the do-not-call list: these numbers are never uploaded into a task',
  },
  help: [
    {
      'zh-CN': 'list [--all|--account] [--search 文本] [--limit N]   列出号码（默认：本账号和所有账号的）',
      en: 'list [--all|--account] [--search TEXT] [--limit N]   the numbers (default: this account’s and every account’s)',
    },
    {
      'zh-CN': 'add 号码… [--all] [--reason 原因]                   加入号码（--all：对所有账号生效）',
      en: 'add NUMBER… [--all] [--reason TEXT]                add numbers (--all: for every account)',
    },
    {
      'zh-CN': 'remove 号码… [--all|--account]                     移除号码',
      en: 'remove NUMBER… [--all|--account]                   remove numbers',
    },
    {
      'zh-CN': 'import 文件 [--all] [--sheet N|名称] [--header-row N] [--phone 列] [--reason 列]',
      en: 'import FILE [--all] [--sheet N|NAME] [--header-row N] [--phone COLUMN] [--reason COLUMN]',
    },
    {
      'zh-CN': 'export --out 文件.xlsx|文件.csv [--all|--account]    导出',
      en: 'export --out FILE.xlsx|FILE.csv [--all|--account]   export',
    },
  ],
  async run(args, ctx) {
    try {
      return await run(() => ctx.core().dnc, args, ctx);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return reportFailure(ctx, error);
    }
  },
};

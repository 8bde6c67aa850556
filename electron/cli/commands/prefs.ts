import { format } from '../../../shared/locale';
import { prefsPatchSchema } from '../../../shared/schemas/prefs';
import { createJsonFilePrefs } from '../../services/prefs/jsonFilePrefs';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { reportFailure } from '../failure';
import { emit } from '../output';

const INVALID = {
  'zh-CN':
    '无效的设置 “{pair}”：可用 locale=zh-CN|en，theme=system|light|dark，updates=on|off，updateFeedUrl=https://…（留空则清除）',
  en: 'Invalid setting “{pair}”: use locale=zh-CN|en, theme=system|light|dark, updates=on|off, updateFeedUrl=https://… (empty clears it)',
};

/** Typed values from the command line's strings (`updates=on`, an empty feed URL clears it). */
function typed(key: string, value: string): unknown {
  if (key === 'updates')
    return value === 'on' || value === 'true' ? true : value === 'off' || value === 'false' ? false : value;
  if (key === 'updateFeedUrl') return value === '' ? null : value;
  return value;
}

/** `campaign-desk prefs [key=value …]`: read or change the UI preferences the app uses. */
export const prefsCommand: CliCommand = {
  name: 'prefs',
  usage: 'prefs [locale=zh-CN|en] [theme=system|light|dark] [updates=on|off] [updateFeedUrl=URL]',
  summary: { 'zh-CN': '查看或修改界面偏好设置', en: 'show or change the interface preferences' },
  help: [
    {
      'zh-CN': 'locale=zh-CN|en       界面语言（命令行也默认使用它）',
      en: 'locale=zh-CN|en       the interface language (the CLI speaks it too)',
    },
    { 'zh-CN': 'theme=system|light|dark  主题', en: 'theme=system|light|dark  the theme' },
    {
      'zh-CN': 'updates=on|off        安装版应用是否检查更新（默认关闭）',
      en: 'updates=on|off        whether the installed app checks for updates (off by default)',
    },
    {
      'zh-CN': 'updateFeedUrl=URL     更新源（含 latest.yml 的 https 文件夹）；留空则清除',
      en: 'updateFeedUrl=URL     the update feed (the https folder holding latest.yml); empty clears it',
    },
  ],
  async run(args, ctx) {
    const store = createJsonFilePrefs(ctx.dataDir);
    const patch: Record<string, unknown> = {};
    for (const pair of args) {
      const [key, value] = pair.split('=', 2);
      if (pair.startsWith('-')) throw new UsageError('unknownOption', { option: pair });
      if (!key || value === undefined)
        throw new UsageError('text', { text: format(INVALID[ctx.locale], { pair }) }, 'cli.invalid_setting');
      patch[key] = typed(key, value);
    }
    const parsed = prefsPatchSchema.safeParse(patch);
    if (!parsed.success)
      throw new UsageError(
        'text',
        { text: format(INVALID[ctx.locale], { pair: args.join(' ') }) },
        'cli.invalid_setting',
      );
    try {
      const prefs = args.length > 0 ? store.set(parsed.data) : store.get();
      emit(
        ctx,
        prefs,
        Object.entries(prefs)
          .map(([key, value]) => `${key}=${value === null ? '' : String(value)}`)
          .join('\n'),
      );
      return 0;
    } catch (error) {
      return reportFailure(ctx, error);
    }
  },
};

import { format } from '../../../shared/locale';
import { prefsPatchSchema } from '../../../shared/schemas/prefs';
import { createJsonFilePrefs } from '../../services/prefs/jsonFilePrefs';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { reportFailure } from '../failure';
import { emit } from '../output';

const INVALID = {
  'zh-CN': '无效的设置 “{pair}”：可用 locale=zh-CN|en，theme=system|light|dark',
  en: 'Invalid setting “{pair}”: use locale=zh-CN|en, theme=system|light|dark',
};

/** `campaign-desk prefs [key=value …]`: read or change the UI preferences the app uses. */
export const prefsCommand: CliCommand = {
  name: 'prefs',
  usage: 'prefs [locale=zh-CN|en] [theme=system|light|dark]',
  summary: { 'zh-CN': '查看或修改界面偏好设置', en: 'show or change the interface preferences' },
  help: [
    {
      'zh-CN': 'locale=zh-CN|en       界面语言（命令行也默认使用它）',
      en: 'locale=zh-CN|en       the interface language (the CLI speaks it too)',
    },
    { 'zh-CN': 'theme=system|light|dark  主题', en: 'theme=system|light|dark  the theme' },
  ],
  async run(args, ctx) {
    const store = createJsonFilePrefs(ctx.dataDir);
    const patch: Record<string, string> = {};
    for (const pair of args) {
      const [key, value] = pair.split('=', 2);
      if (pair.startsWith('-')) throw new UsageError('unknownOption', { option: pair });
      if (!key || value === undefined)
        throw new UsageError('text', { text: format(INVALID[ctx.locale], { pair }) }, 'cli.invalid_setting');
      patch[key] = value;
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
          .map(([key, value]) => `${key}=${String(value)}`)
          .join('\n'),
      );
      return 0;
    } catch (error) {
      return reportFailure(ctx, error);
    }
  },
};

import { format } from '../../../shared/locale';
import { prefsPatchSchema } from '../../../shared/schemas/prefs';
import { describeError } from '../../services/contract/failure';
import { createJsonFilePrefs } from '../../services/prefs/jsonFilePrefs';
import type { CliCommand } from '../command';
import { emit, emitError } from '../output';

const INVALID = {
  'zh-CN': '无效的设置 “{pair}”：可用 locale=zh-CN|en，theme=system|light|dark',
  en: 'Invalid setting “{pair}”: use locale=zh-CN|en, theme=system|light|dark',
};

/** `campaign-desk prefs [key=value …]`: read or change the UI preferences the app uses. */
export const prefsCommand: CliCommand = {
  name: 'prefs',
  usage: 'prefs [locale=zh-CN|en] [theme=system|light|dark]',
  summary: { 'zh-CN': '查看或修改界面偏好设置', en: 'show or change the interface preferences' },
  async run(args, ctx) {
    const store = createJsonFilePrefs(ctx.dataDir);
    const patch: Record<string, string> = {};
    for (const pair of args) {
      const [key, value] = pair.split('=', 2);
      if (!key || value === undefined) {
        return emitError(ctx, {
          code: 'cli.invalid_setting',
          message: format(INVALID[ctx.locale], { pair }),
        });
      }
      patch[key] = value;
    }
    const parsed = prefsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      return emitError(ctx, {
        code: 'cli.invalid_setting',
        message: format(INVALID[ctx.locale], { pair: args.join(' ') }),
      });
    }
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
      return emitError(ctx, describeError(error, ctx.locale));
    }
  },
};

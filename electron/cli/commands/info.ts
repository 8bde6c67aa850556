import type { CliCommand } from '../command';
import { emit } from '../output';

/** `campaign-desk info`: what `app:info` answers in the app, for bug reports and scripts. */
export const infoCommand: CliCommand = {
  name: 'info',
  usage: 'info',
  summary: { 'zh-CN': '显示版本、数据文件夹和平台', en: 'show the version, data folder and platform' },
  async run(_args, ctx) {
    const info = { version: ctx.version, dataDir: ctx.dataDir, platform: process.platform };
    emit(ctx, info, `Campaign Desk ${info.version}\n${info.dataDir}\n${info.platform}`);
    return 0;
  },
};

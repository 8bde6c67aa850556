import { join } from 'node:path';
import { LOG_FILE_NAME } from '../../services/logFile';
import { parseCommandArgs } from '../args';
import type { CliCommand } from '../command';
import { emit } from '../output';

/** `campaign-desk info`: what `app:info` answers in the app, for bug reports and scripts. */
export const infoCommand: CliCommand = {
  name: 'info',
  usage: 'info',
  summary: {
    'zh-CN': '显示版本、数据文件夹、日志文件和平台',
    en: 'show the version, data folder, log file and platform',
  },
  async run(args, ctx) {
    parseCommandArgs(args, {});
    const info = {
      version: ctx.version,
      dataDir: ctx.dataDir,
      logFile: join(ctx.dataDir, 'logs', LOG_FILE_NAME),
      platform: process.platform,
    };
    emit(ctx, info, `Campaign Desk ${info.version}\n${info.dataDir}\n${info.logFile}\n${info.platform}`);
    return 0;
  },
};

/**
 * A `campaign-desk` run whose one command prints far more than a pipe holds, for the test that
 * a reader closing the pipe early (`| head`) ends the program quietly. Usage: floodChild.ts
 */
import { runAsProgram } from '../../electron/cli/main';
import type { CliCommand } from '../../electron/cli/command';

const flood: CliCommand = {
  name: 'flood',
  usage: 'flood',
  summary: { 'zh-CN': '大量输出', en: 'a lot of output' },
  async run(_args, ctx) {
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 20_000; i++) {
      if (!ctx.stdout.write(line)) await new Promise((resolve) => ctx.stdout.once('drain', resolve));
    }
    return 0;
  },
};

runAsProgram(['--data-dir', process.env.FLOOD_DIR ?? '/tmp', 'flood'], [flood]);

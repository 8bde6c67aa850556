import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { isLocale, localeFromTag, type Locale } from '../../shared/locale';
import { defaultDataDir } from '../services/paths';
import { readAppVersion } from '../services/version';
import { parseGlobalArgs, UsageError } from './args';
import type { CliCommand, CliContext } from './command';
import { COMMANDS } from './commands/index';
import { cliText, helpText } from './help';

/**
 * `campaign-desk`: the same services as the desktop app, from a terminal or a script.
 * Exit codes: 0 success, 1 the command failed, 2 the command line was wrong.
 */
export async function runCli(
  argv: readonly string[],
  io: Pick<CliContext, 'stdin' | 'stdout' | 'stderr'>,
  env: Record<string, string | undefined> = process.env,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const envLocale = localeFromTag(env.CAMPAIGN_DESK_LANG ?? env.LC_ALL ?? env.LANG);
  let locale: Locale = envLocale;
  const version = readAppVersion();
  try {
    const args = parseGlobalArgs(argv);
    if (args.lang !== undefined) {
      if (!isLocale(args.lang)) throw new UsageError(`--lang must be zh-CN or en`);
      locale = args.lang;
    }
    if (args.version) {
      io.stdout.write(args.json ? `${JSON.stringify({ version })}\n` : `${version}\n`);
      return 0;
    }
    const command = commands.find((candidate) => candidate.name === args.command);
    if (args.help || args.command === undefined || args.command === 'help') {
      io.stdout.write(helpText(locale, version, commands));
      return args.command === undefined && !args.help ? 2 : 0;
    }
    if (!command) {
      io.stderr.write(`${cliText(locale, 'unknownCommand', { command: args.command })}\n`);
      return 2;
    }
    const ctx: CliContext = {
      dataDir: resolve(args.dataDir ?? defaultDataDir(process.platform, env, homedir())),
      json: args.json,
      locale,
      version,
      ...io,
      interrupted: new Promise((done) => {
        process.once('SIGINT', () => done());
        process.once('SIGTERM', () => done());
      }),
    };
    return await command.run(args.rest, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${cliText(locale, 'usageError', { message: error.message })}\n`);
      return 2;
    }
    throw error;
  }
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isEntry) {
  runCli(process.argv.slice(2), process)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}

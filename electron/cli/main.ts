import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { isLocale, localeFromTag, type Locale } from '../../shared/locale';
import { createCore, type Core } from '../services/core/createCore';
import { nodeAdapters } from '../services/core/nodeHost';
import { defaultDataDir } from '../services/paths';
import { PREFS_FILE } from '../services/prefs/jsonFilePrefs';
import { createJsonSettingsFile } from '../services/settings/settingsFile';
import { readAppVersion } from '../services/version';
import { parseGlobalArgs, UsageError, type GlobalArgs } from './args';
import type { CliCommand, CliContext } from './command';
import { COMMANDS } from './commands/index';
import { cliText, commandHelp, helpText } from './help';

/** The process streams a run uses (tests pass their own). */
export type CliIo = Pick<CliContext, 'stdin' | 'stdout' | 'stderr'>;

/**
 * The language of the messages: `--lang`, else `CAMPAIGN_DESK_LANG`, else the interface
 * language the operator chose in the app's preferences, else the environment's.
 */
function chooseLocale(args: GlobalArgs, dataDir: string, env: Record<string, string | undefined>): Locale {
  if (args.lang !== undefined) {
    if (!isLocale(args.lang)) throw new UsageError('badValue', { option: '--lang', value: args.lang });
    return args.lang;
  }
  if (env.CAMPAIGN_DESK_LANG && isLocale(env.CAMPAIGN_DESK_LANG)) return env.CAMPAIGN_DESK_LANG;
  // Only a language the operator chose (a fresh folder's default says nothing about them).
  const stored = (
    createJsonSettingsFile(join(dataDir, PREFS_FILE)).read('prefs') as { locale?: unknown } | undefined
  )?.locale;
  return isLocale(stored) ? stored : localeFromTag(env.LC_ALL ?? env.LANG);
}

/**
 * `campaign-desk`: the same core as the desktop app, from a terminal or a script.
 * Exit codes: 0 success, 1 the command failed, 2 the command line was wrong.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  env: Record<string, string | undefined> = process.env,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  let locale: Locale = localeFromTag(env.CAMPAIGN_DESK_LANG ?? env.LC_ALL ?? env.LANG);
  const version = readAppVersion();
  let command: CliCommand | undefined;
  let core: Core | null = null;
  let json = argv.includes('--json');
  try {
    const args = parseGlobalArgs(argv);
    json = args.json;
    const dataDir = resolve(args.dataDir ?? defaultDataDir(process.platform, env, homedir()));
    locale = chooseLocale(args, dataDir, env);
    if (args.version) {
      io.stdout.write(args.json ? `${JSON.stringify({ version })}\n` : `${version}\n`);
      return 0;
    }
    command = commands.find((candidate) => candidate.name === args.command);
    if (args.command === undefined || args.command === 'help') {
      io.stdout.write(helpText(locale, version, commands));
      return args.command === undefined && !args.help ? 2 : 0;
    }
    if (!command) {
      io.stderr.write(`${cliText(locale, 'unknownCommand', { command: args.command })}\n`);
      return 2;
    }
    if (args.help) {
      io.stdout.write(commandHelp(locale, command));
      return 0;
    }
    const ctx: CliContext = {
      dataDir,
      json: args.json,
      locale,
      version,
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      tty: (io.stderr as { isTTY?: boolean }).isTTY === true,
      interrupted: new Promise((done) => {
        process.once('SIGINT', () => done());
        process.once('SIGTERM', () => done());
      }),
      core: () => (core ??= createCore(nodeAdapters(dataDir, 'cli'))),
    };
    return await command.run(args.rest, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      const message = cliText(locale, 'usageError', { message: error.text(locale) });
      if (json) io.stdout.write(`${JSON.stringify({ error: { code: error.code, message } }, null, 2)}\n`);
      io.stderr.write(`${message}\n`);
      if (command) io.stderr.write(`${cliText(locale, 'usageLine', { usage: command.usage })}\n`);
      return 2;
    }
    throw error;
  } finally {
    await (core as Core | null)?.close();
  }
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isEntry) runAsProgram(process.argv.slice(2));

/**
 * Runs as the `campaign-desk` program. A reader that stops early (`| head`) closes the pipe:
 * that is the reader's choice, not a failure, so the program ends quietly instead of printing
 * a stack trace.
 */
export function runAsProgram(argv: readonly string[], commands: readonly CliCommand[] = COMMANDS): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  runCli(argv, process, process.env, commands)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}

/** The global options every command understands, split from the command and its own arguments. */
export interface GlobalArgs {
  dataDir: string | undefined;
  json: boolean;
  help: boolean;
  version: boolean;
  /** `--lang zh-CN|en` for messages; defaults from the environment. */
  lang: string | undefined;
  command: string | undefined;
  rest: string[];
}

export class UsageError extends Error {}

/**
 * Global options may stand before or after the command name (`campaign-desk --json lists` and
 * `campaign-desk lists --json` both work); everything else is left, in order, for the command.
 */
export function parseGlobalArgs(argv: readonly string[]): GlobalArgs {
  const out: GlobalArgs = {
    dataDir: undefined,
    json: false,
    help: false,
    version: false,
    lang: undefined,
    command: undefined,
    rest: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (name === '--data-dir') out.dataDir = value();
    else if (name === '--lang') out.lang = value();
    else if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--version' || arg === '-v') out.version = true;
    else if (out.command === undefined && !arg.startsWith('-')) out.command = arg;
    else out.rest.push(arg);
  }
  return out;
}

/** Reads `--name value` / `--name=value` from a command's own arguments. */
export function optionValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === name) return args[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

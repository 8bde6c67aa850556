import { parseArgs } from 'node:util';
import { format, type Locale, type Localized } from '../../shared/locale';

/** The global options every command understands, split from the command and its own arguments. */
export interface GlobalArgs {
  dataDir: string | undefined;
  json: boolean;
  /** `--help` / `-h`: the global help, or the command's own when a command is named. */
  help: boolean;
  version: boolean;
  /** `--lang zh-CN|en` for messages; defaults from the preferences, then the environment. */
  lang: string | undefined;
  command: string | undefined;
  rest: string[];
}

const USAGE_TEXT = {
  needsValue: { 'zh-CN': '{option} 需要一个值', en: '{option} needs a value' },
  unknownOption: { 'zh-CN': '不认识的选项 {option}', en: 'unknown option {option}' },
  missingArgument: { 'zh-CN': '缺少 {name}', en: '{name} is missing' },
  extraArgument: { 'zh-CN': '多余的参数 “{value}”', en: 'unexpected argument “{value}”' },
  notFlag: { 'zh-CN': '{option} 不带值', en: '{option} takes no value' },
  badValue: { 'zh-CN': '{option} 的值不正确：{value}', en: 'invalid value for {option}: {value}' },
  text: { 'zh-CN': '{text}', en: '{text}' },
} satisfies Record<string, Localized>;

/** A wrong command line (exit code 2), said in the user's language when it is printed. */
export class UsageError extends Error {
  /** The stable code a script reads (`--json`). */
  readonly code: string;

  constructor(
    readonly kind: keyof typeof USAGE_TEXT,
    readonly params: Record<string, string> = {},
    code = 'cli.usage',
  ) {
    super(format(USAGE_TEXT[kind].en, params));
    this.name = 'UsageError';
    this.code = code;
  }

  text(locale: Locale): string {
    return format(USAGE_TEXT[this.kind][locale], this.params);
  }
}

const GLOBAL_VALUED = new Set(['--data-dir', '--lang']);

/**
 * Global options may stand before or after the command name (`campaign-desk --json lists` and
 * `campaign-desk lists --json` both work); everything else is left, in order, for the command,
 * which parses it strictly (see {@link parseCommandArgs}).
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
      if (next === undefined || next === '') throw new UsageError('needsValue', { option: name });
      return next;
    };
    if (GLOBAL_VALUED.has(name)) {
      if (name === '--data-dir') out.dataDir = value();
      else out.lang = value();
    } else if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--version' || arg === '-v') out.version = true;
    else if (arg === '--') {
      out.rest.push(...argv.slice(i));
      break;
    } else if (out.command === undefined && !arg.startsWith('-')) out.command = arg;
    else out.rest.push(arg);
  }
  return out;
}

/** A command's own options, as `node:util` parseArgs takes them. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** What a command's own arguments parse into. */
export interface CommandArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Parses a command's own arguments strictly: an option the command does not know, a missing
 * value or a positional too many is a UsageError (exit code 2), never silently ignored.
 * @param names the positionals in order (`LIST_ID`, …); those after `required` are optional; a
 *   last name ending in `…` (`NUMBER…`) takes any number of values
 */
export function parseCommandArgs(
  args: readonly string[],
  options: OptionSpec,
  names: readonly string[] = [],
  required = names.length,
): CommandArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'(-{1,2}[^'\s]+)/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(
        options[option.replace(/^-+/, '')]?.type === 'boolean' ? 'notFlag' : 'needsValue',
        {
          option,
        },
      );
    throw new UsageError('unknownOption', { option: option || String(args.find((a) => a.startsWith('-'))) });
  }
  for (const [name, value] of Object.entries(parsed.values))
    if (options[name]?.type === 'string' && (value === '' || (Array.isArray(value) && value.includes(''))))
      throw new UsageError('needsValue', { option: `--${name}` });
  if (parsed.positionals.length < required)
    throw new UsageError('missingArgument', { name: names[parsed.positionals.length]! });
  const variadic = names.at(-1)?.endsWith('…') ?? false;
  if (!variadic && parsed.positionals.length > names.length)
    throw new UsageError('extraArgument', { value: parsed.positionals[names.length]! });
  return { values: parsed.values as CommandArgs['values'], positionals: parsed.positionals };
}

/** A string option's value (undefined when absent). */
export function stringOption(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A positive integer argument, or a UsageError naming it. */
export function positiveInteger(value: string | undefined, name: string): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0)
    throw new UsageError('badValue', { option: name, value: value ?? '' });
  return n;
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

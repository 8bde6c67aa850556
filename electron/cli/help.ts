import { format, type Locale, type Localized } from '../../shared/locale';
import type { CliCommand } from './command';

const TEXT = {
  title: { 'zh-CN': 'Campaign Desk 外呼任务台 命令行 {version}', en: 'Campaign Desk command line {version}' },
  usage: { 'zh-CN': '用法', en: 'Usage' },
  commands: { 'zh-CN': '命令', en: 'Commands' },
  options: { 'zh-CN': '全局选项', en: 'Global options' },
  noCommands: { 'zh-CN': '（暂无命令）', en: '(no commands yet)' },
  optDataDir: {
    'zh-CN': '数据文件夹（默认：应用的数据文件夹）',
    en: 'the data folder (default: the app’s data folder)',
  },
  optJson: { 'zh-CN': '以 JSON 输出，便于脚本处理', en: 'machine-readable JSON output' },
  optLang: { 'zh-CN': '消息语言：zh-CN 或 en', en: 'message language: zh-CN or en' },
  optVersion: { 'zh-CN': '显示版本', en: 'print the version' },
  optHelp: { 'zh-CN': '显示本帮助', en: 'show this help' },
  unknownCommand: {
    'zh-CN': '未知命令 “{command}”。运行 campaign-desk --help 查看可用命令。',
    en: 'Unknown command “{command}”. Run campaign-desk --help to list the commands.',
  },
  usageError: { 'zh-CN': '命令行有误：{message}', en: 'Invalid command line: {message}' },
  usageLine: { 'zh-CN': '用法：campaign-desk {usage}', en: 'Usage: campaign-desk {usage}' },
  commandHelpHint: {
    'zh-CN': '全局选项（--data-dir、--json、--lang）见 campaign-desk --help',
    en: 'Global options (--data-dir, --json, --lang): see campaign-desk --help',
  },
} satisfies Record<string, Localized>;

export function cliText(locale: Locale, key: keyof typeof TEXT, params?: Record<string, string>): string {
  return format(TEXT[key][locale], params);
}

/** The `--help` page: usage, every command with its summary, and the global options. */
export function helpText(locale: Locale, version: string, commands: readonly CliCommand[]): string {
  const t = (key: keyof typeof TEXT): string => cliText(locale, key, { version });
  // Columns fit a terminal: a usage longer than the column puts its summary on the next line.
  const width = Math.min(48, Math.max(24, ...commands.map((command) => command.usage.length + 2)));
  const entry = (usage: string, summary: string): string =>
    usage.length + 2 <= width
      ? `  ${usage.padEnd(width)}${summary}`
      : `  ${usage}\n  ${' '.repeat(width)}${summary}`;
  const lines = [
    t('title'),
    '',
    `${t('usage')}: campaign-desk [--data-dir DIR] [--json] [--lang zh-CN|en] <command> [options]`,
    '',
    `${t('commands')}:`,
    ...(commands.length === 0
      ? [`  ${t('noCommands')}`]
      : commands.map((command) => entry(command.usage, command.summary[locale]))),
    '',
    `${t('options')}:`,
    `  ${'--data-dir DIR'.padEnd(width)}${t('optDataDir')}`,
    `  ${'--json'.padEnd(width)}${t('optJson')}`,
    `  ${'--lang zh-CN|en'.padEnd(width)}${t('optLang')}`,
    `  ${'--version, -v'.padEnd(width)}${t('optVersion')}`,
    `  ${'--help, -h'.padEnd(width)}${t('optHelp')}`,
    '',
  ];
  return lines.join('\n');
}

/** `campaign-desk <command> --help`: its usage, what it does, and each of its options. */
export function commandHelp(locale: Locale, command: CliCommand): string {
  const lines = [
    cliText(locale, 'usageLine', { usage: command.usage }),
    '',
    command.summary[locale],
    ...(command.help && command.help.length > 0
      ? ['', ...command.help.map((line) => `  ${line[locale]}`)]
      : []),
    '',
    cliText(locale, 'commandHelpHint'),
    '',
  ];
  return lines.join('\n');
}

import type { AccountView } from '../../../shared/accounts';
import { format, type Locale, type Localized } from '../../../shared/locale';
import { readFileSync } from 'node:fs';
import {
  isProviderId,
  PROVIDER_IDS,
  type AccountFieldSpec,
  type ProviderInfo,
} from '../../../shared/providers';
import type { AccountService } from '../../services/accounts/service';
import { providerInfos } from '../../services/providers/registry';
import { parseCommandArgs, stringOption, UsageError, type OptionSpec } from '../args';
import type { CliCommand, CliContext } from '../command';
import { reportFailure } from '../failure';
import { emit, emitError } from '../output';
import { readSecret } from '../secretInput';

const TEXT = {
  notFound: { 'zh-CN': '找不到名为 “{name}” 的账号', en: 'No account named “{name}”' },
  secretPrompt: {
    'zh-CN': '{names}（输入时不显示，每行 名称=值）：',
    en: '{names} (not shown; one name=value per line): ',
  },
  onePrompt: { 'zh-CN': '{name}（输入时不显示）：', en: '{name} (not shown): ' },
  noSecrets: {
    'zh-CN': '没有读到 {names}：请通过标准输入提供，例如 printf %s "$SIG" | campaign-desk accounts add …',
    en: 'No {names} given: pass them on standard input, e.g. printf %s "$SIG" | campaign-desk accounts add …',
  },
  added: { 'zh-CN': '已添加账号 “{name}”', en: 'Added account “{name}”' },
  using: { 'zh-CN': '当前账号：{name}', en: 'Active account: {name}' },
  removed: { 'zh-CN': '已删除账号 “{name}”', en: 'Removed account “{name}”' },
  testOk: { 'zh-CN': '连接成功', en: 'Connected' },
  passed: { 'zh-CN': '通过', en: 'passed' },
  failed: { 'zh-CN': '未通过', en: 'failed' },
  skipped: { 'zh-CN': '已跳过', en: 'skipped' },
} satisfies Record<string, Localized>;

const say = (locale: Locale, key: keyof typeof TEXT, params?: Record<string, string | number>): string =>
  format(TEXT[key][locale], params);

/** `baseUrl` → `--base-url`: a provider field as a command-line option. */
const optionOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A PEM field is given as a file (`caPem` → `--ca-file`), never pasted on the command line. */
const fieldOption = (field: AccountFieldSpec): string =>
  field.kind === 'pem' ? optionOf(field.name).replace(/-pem$/, '') + '-file' : optionOf(field.name);

/** Every provider's settings and revealed secrets, as options of `accounts add`. */
function addOptions(providers: readonly ProviderInfo[]): OptionSpec {
  const options: OptionSpec = { provider: { type: 'string' }, name: { type: 'string' } };
  for (const provider of providers) {
    for (const field of provider.fields) options[fieldOption(field)] = { type: 'string' };
    for (const secret of provider.secrets.filter((s) => s.revealed))
      options[optionOf(secret.name)] = { type: 'string' };
  }
  return options;
}

/**
 * The secrets read from standard input: `name=value` lines, or — for a provider with a single
 * hidden secret (Sobot's signature) — the bare value. Never from the command line, where other
 * users could see them in `ps` and they would land in shell history.
 */
function parseSecrets(text: string, hidden: readonly string[]): Record<string, string> {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const pairs = lines.map((line) => /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim()));
  if (pairs.length > 0 && pairs.every((pair) => pair && hidden.includes(pair[1]!)))
    return Object.fromEntries(pairs.map((pair) => [pair![1]!, pair![2]!]));
  if (hidden.length === 1 && lines.length === 1) return { [hidden[0]!]: lines[0]!.trim() };
  return {};
}

/** A PEM file's text. @throws UsageError when it cannot be read */
function readPem(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError('badValue', { option: '--ca-file', value: path });
  }
}

function line(
  account: AccountView,
  activeId: string,
  providers: readonly ProviderInfo[],
  locale: Locale,
): string {
  const mark = account.id === activeId ? '*' : ' ';
  const provider = providers.find((p) => p.id === account.provider)?.label[locale] ?? account.provider;
  const settings: Record<string, string> = account.settings;
  const secrets: Record<string, { value?: string }> = account.secrets;
  const ids = Object.values(secrets).flatMap((s) => (s.value ? [s.value] : []));
  const where = account.builtIn ? '(sandbox)' : (settings['baseUrl'] ?? '');
  return [`${mark} ${account.name}`, provider, ids.join(' '), where].filter(Boolean).join('\t');
}

async function add(accounts: () => AccountService, args: string[], ctx: CliContext): Promise<number> {
  const providers = providerInfos();
  const parsed = parseCommandArgs(args, addOptions(providers), []);
  const providerId = stringOption(parsed, 'provider') ?? 'sobot';
  if (!isProviderId(providerId))
    throw new UsageError('badValue', {
      option: '--provider',
      value: `${providerId} (${PROVIDER_IDS.join('|')})`,
    });
  const provider = providers.find((p) => p.id === providerId)!;
  const name = stringOption(parsed, 'name');
  if (!name) throw new UsageError('missingArgument', { name: '--name' });
  const settings: Record<string, string> = {};
  for (const field of provider.fields) {
    const given = stringOption(parsed, fieldOption(field));
    const value =
      given !== undefined && field.kind === 'pem' ? readPem(given) : (given ?? field.defaultValue);
    if (value === undefined && field.required)
      throw new UsageError('missingArgument', { name: `--${fieldOption(field)}` });
    if (value !== undefined) settings[field.name] = value;
  }
  // Options of another provider's fields are refused rather than silently dropped.
  for (const other of Object.keys(parsed.values))
    if (
      !['provider', 'name'].includes(other) &&
      !provider.fields.some((f) => fieldOption(f) === other) &&
      !provider.secrets.some((s) => s.revealed && optionOf(s.name) === other)
    )
      throw new UsageError('badValue', { option: `--${other}`, value: provider.id });
  const secrets: Record<string, string> = {};
  for (const secret of provider.secrets.filter((s) => s.revealed)) {
    const value = stringOption(parsed, optionOf(secret.name));
    if (!value && secret.required)
      throw new UsageError('missingArgument', { name: `--${optionOf(secret.name)}` });
    if (value) secrets[secret.name] = value;
  }
  const hidden = provider.secrets.filter((s) => !s.revealed).map((s) => s.name);
  if (hidden.length > 0) {
    const prompt =
      hidden.length === 1
        ? say(ctx.locale, 'onePrompt', { name: hidden[0]! })
        : say(ctx.locale, 'secretPrompt', { names: hidden.join(', ') });
    const given = parseSecrets(await readSecret(ctx.stdin, prompt, ctx.stderr), hidden);
    const missing = provider.secrets.filter((s) => !s.revealed && s.required && !given[s.name]);
    if (missing.length > 0)
      return emitError(ctx, {
        code: 'cli.empty_secret',
        message: say(ctx.locale, 'noSecrets', { names: missing.map((s) => s.name).join(', ') }),
      });
    Object.assign(secrets, given);
  }
  const saved = await accounts().save({ provider: provider.id, name, settings, secrets });
  const account = saved.state.accounts.find((a) => a.id === saved.id);
  emit(ctx, account, say(ctx.locale, 'added', { name }));
  return 0;
}

async function run(accounts: () => AccountService, args: string[], ctx: CliContext): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'add') return add(accounts, rest, ctx);
  if (verb !== undefined && !['list', 'use', 'remove', 'test'].includes(verb))
    throw new UsageError('badValue', { option: 'accounts', value: verb });
  const expected = verb === 'use' || verb === 'remove' ? ['NAME'] : verb === 'test' ? ['NAME'] : [];
  parseCommandArgs(rest, {}, expected, verb === 'test' ? 0 : expected.length);
  const service = accounts();
  const state = await service.state();
  const find = (name: string | undefined): AccountView | null => {
    const account = state.accounts.find((a) => a.name === name || a.id === name);
    if (!account)
      emitError(ctx, {
        code: 'accounts.not_found',
        message: say(ctx.locale, 'notFound', { name: name ?? '' }),
      });
    return account ?? null;
  };
  switch (verb) {
    case 'list':
    case undefined: {
      parseCommandArgs(rest, {});
      const lines = state.accounts.map((a) => line(a, state.activeId, state.providers, ctx.locale));
      emit(ctx, state, lines.join('\n'));
      return 0;
    }
    case 'use':
    case 'remove': {
      const { positionals } = parseCommandArgs(rest, {}, ['NAME']);
      const account = find(positionals[0]);
      if (!account) return 1;
      if (verb === 'use') {
        await service.use(account.id);
        emit(ctx, { activeId: account.id }, say(ctx.locale, 'using', { name: account.name }));
      } else {
        await service.remove(account.id);
        emit(ctx, { removed: account.id }, say(ctx.locale, 'removed', { name: account.name }));
      }
      return 0;
    }
    case 'test': {
      const { positionals } = parseCommandArgs(rest, {}, ['NAME'], 0);
      const account = positionals[0] === undefined ? find(state.activeId) : find(positionals[0]);
      if (!account) return 1;
      const report = await service.test(account.id);
      const text = report.checks
        .map(
          (check) =>
            `${check.label[ctx.locale]}: ${say(ctx.locale, check.outcome)}${check.detail ? ` (${check.detail})` : ''}`,
        )
        .join('\n');
      emit(ctx, report, `${say(ctx.locale, 'testOk')}\n${text}`);
      return 0;
    }
    default:
      throw new UsageError('badValue', { option: 'accounts', value: verb });
  }
}

/** `campaign-desk accounts …`: the same accounts as Settings, secrets in the OS keychain. */
export const accountsCommand: CliCommand = {
  name: 'accounts',
  usage: 'accounts [list] | add … | use NAME | remove NAME | test [NAME]',
  summary: {
    'zh-CN': '管理账号（密钥从标准输入读取，保存在系统钥匙串）',
    en: 'manage accounts (keys read from stdin, kept in the OS keychain)',
  },
  help: [
    {
      'zh-CN': `add --provider ${PROVIDER_IDS.join('|')} --name 名称 --base-url URL …  添加账号；密钥从标准输入读取`,
      en: `add --provider ${PROVIDER_IDS.join('|')} --name NAME --base-url URL …  add an account; keys from stdin`,
    },
    {
      'zh-CN': '    智齿：--appid APPID [--email 邮箱]，标准输入给 signature',
      en: '    Sobot: --appid APPID [--email EMAIL], the signature on stdin',
    },
    {
      'zh-CN':
        '    华为 CEC：--vdn-id N [--cc-id N] [--qc-domain URL] [--time-zone 时区] [--ca-file PEM文件] [--caller-numbers 号码,…] [--flows 接入码=名称,…]，',
      en: '    Huawei CEC: --vdn-id N [--cc-id N] [--qc-domain URL] [--time-zone ZONE] [--ca-file PEM] [--caller-numbers N,…] [--flows CODE=NAME,…],',
    },
    {
      'zh-CN': '    标准输入每行 名称=值：ak、sk，可选 qc_app_key、qc_app_secret',
      en: '    stdin one name=value a line: ak, sk, optionally qc_app_key, qc_app_secret',
    },
    {
      'zh-CN': 'use 名称 | remove 名称             切换或删除账号',
      en: 'use NAME | remove NAME        switch to or remove an account',
    },
    {
      'zh-CN': 'test [名称]                        测试连接（15 秒内答复）',
      en: 'test [NAME]                   test the connection (answers within 15 s)',
    },
  ],
  async run(args, ctx) {
    try {
      return await run(() => ctx.core().accounts, args, ctx);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return reportFailure(ctx, error);
    }
  },
};

import type { AccountView } from '../../../shared/accounts';
import { format, type Locale, type Localized } from '../../../shared/locale';
import { accountDraftSchema } from '../../../shared/schemas/accounts';
import type { AccountService } from '../../services/accounts/service';
import { describeError } from '../../services/contract/failure';
import { createNodeAccounts } from '../../services/core/hostServices';
import { describeProviderError } from '../../services/providers/registry';
import { optionValue } from '../args';
import type { CliCommand, CliContext } from '../command';
import { emit, emitError } from '../output';
import { readSecret } from '../secretInput';

const TEXT = {
  usage: {
    'zh-CN':
      '用法：accounts list | add --name 名称 --appid APPID --base-url URL [--email 邮箱] | use 名称 | remove 名称 | test [名称]',
    en: 'Usage: accounts list | add --name NAME --appid APPID --base-url URL [--email EMAIL] | use NAME | remove NAME | test [NAME]',
  },
  notFound: { 'zh-CN': '找不到名为 “{name}” 的账号', en: 'No account named “{name}”' },
  invalid: { 'zh-CN': '账号信息不正确：{fields}', en: 'Invalid account details: {fields}' },
  signaturePrompt: { 'zh-CN': 'signature（输入时不显示）：', en: 'signature (not shown): ' },
  emptySignature: {
    'zh-CN': 'signature 为空：请通过标准输入提供，例如 printf %s "$SIG" | campaign-desk accounts add …',
    en: 'The signature is empty: give it on standard input, e.g. printf %s "$SIG" | campaign-desk accounts add …',
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

function byName(accounts: AccountView[], name: string | undefined): AccountView | undefined {
  return accounts.find((account) => account.name === name || account.id === name);
}

function line(account: AccountView, activeId: string): string {
  const mark = account.id === activeId ? '*' : ' ';
  const where = account.builtIn ? '(sandbox)' : account.settings.baseUrl;
  const email = account.settings.email;
  return `${mark} ${account.name}\t${account.secrets.appid.value ?? ''}\t${where}${email ? `\t${email}` : ''}`;
}

async function run(service: AccountService, args: string[], ctx: CliContext): Promise<number> {
  const [verb, ...rest] = args;
  const state = await service.state();
  const find = (name: string | undefined): AccountView | null => {
    const account = byName(state.accounts, name);
    if (!account)
      emitError(ctx, {
        code: 'accounts.not_found',
        message: say(ctx.locale, 'notFound', { name: name ?? '' }),
      });
    return account ?? null;
  };
  switch (verb) {
    case 'list':
    case undefined:
      emit(ctx, state, state.accounts.map((account) => line(account, state.activeId)).join('\n'));
      return 0;
    case 'add': {
      const draft = {
        provider: 'sobot',
        name: optionValue(rest, '--name') ?? '',
        settings: {
          baseUrl: optionValue(rest, '--base-url') ?? '',
          email: optionValue(rest, '--email') ?? '',
        },
        secrets: { appid: optionValue(rest, '--appid') ?? '' },
      };
      const parsed = accountDraftSchema.safeParse(draft);
      if (!parsed.success) {
        const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
        return emitError(ctx, {
          code: 'cli.invalid_account',
          message: say(ctx.locale, 'invalid', { fields }),
        });
      }
      const signature = await readSecret(ctx.stdin, say(ctx.locale, 'signaturePrompt'), ctx.stderr);
      if (!signature)
        return emitError(ctx, { code: 'cli.empty_signature', message: say(ctx.locale, 'emptySignature') });
      const saved = await service.save({ ...parsed.data, secrets: { ...parsed.data.secrets, signature } });
      const account = saved.state.accounts.find((a) => a.id === saved.id);
      emit(ctx, account, say(ctx.locale, 'added', { name: parsed.data.name }));
      return 0;
    }
    case 'use': {
      const account = find(rest[0]);
      if (!account) return 1;
      await service.use(account.id);
      emit(ctx, { activeId: account.id }, say(ctx.locale, 'using', { name: account.name }));
      return 0;
    }
    case 'remove': {
      const account = find(rest[0]);
      if (!account) return 1;
      await service.remove(account.id);
      emit(ctx, { removed: account.id }, say(ctx.locale, 'removed', { name: account.name }));
      return 0;
    }
    case 'test': {
      const account = rest[0] === undefined ? byName(state.accounts, state.activeId) : find(rest[0]);
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
      ctx.stderr.write(`${say(ctx.locale, 'usage')}\n`);
      return 2;
  }
}

/** `campaign-desk accounts …`: the same accounts as Settings, credentials in the OS keychain. */
export const accountsCommand: CliCommand = {
  name: 'accounts',
  usage: 'accounts list|add|use|remove|test',
  summary: {
    'zh-CN': '管理账号（signature 从标准输入读取，保存在系统钥匙串）',
    en: 'manage accounts (signature read from stdin, kept in the OS keychain)',
  },
  async run(args, ctx) {
    const { accounts, sandbox } = createNodeAccounts(ctx.dataDir);
    try {
      return await run(accounts, args, ctx);
    } catch (error) {
      return emitError(ctx, describeError(error, ctx.locale, [describeProviderError]));
    } finally {
      await sandbox.close();
    }
  },
};

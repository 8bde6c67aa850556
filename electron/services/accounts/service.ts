import { randomUUID } from 'node:crypto';
import type {
  AccountDraft,
  AccountsState,
  AccountView,
  ConnectionReport,
  SecretState,
} from '../../../shared/accounts';
import { APP_ERRORS } from '../../../shared/codes/app';
import { format } from '../../../shared/locale';
import type { ProviderId } from '../../../shared/providers';
import { AppFailure } from '../contract/failure';
import { silentLogger, type Logger } from '../log';
import type { SecretRegistry } from '../logFile';
import { providerFactory, providerInfos } from '../providers/registry';
import type { Provider, ProviderFactory } from '../providers/types';
import type { CredentialStore } from '../vault/credentials';
import { BUILT_IN_ACCOUNTS, builtInAccount } from './builtIn';
import type { AccountProfile, ProfileStore } from './profiles';
import type { SandboxProvider } from './sandboxProvider';

export interface AccountServiceDeps {
  profiles: ProfileStore;
  credentials: CredentialStore;
  sandbox: SandboxProvider;
  /** Injected for tests; default global fetch. */
  fetch?: typeof globalThis.fetch;
  log?: Logger;
  /** Secrets read from the keychain are registered here, so the log never shows them. */
  secrets?: SecretRegistry;
  /** Told after every change, so hosts can broadcast `accounts:changed`. */
  onChange?: (state: AccountsState) => void;
  now?: () => number;
}

/** How long "test connection" may take in all, retries included. */
export const TEST_CONNECTION_MS = 15_000;

/** An account's provider, made with its credentials read just now. */
export interface AccountSession {
  accountId: string;
  provider: Provider;
  factory: ProviderFactory;
  /**
   * The hosts of the account's own addresses (its base URL…): media main fetches for it may be
   * on this machine or its network only when it is on one of these.
   */
  trustedHosts: string[];
}

const BUILT_IN_IDS = BUILT_IN_ACCOUNTS.map((account) => account.id);

function badField(field: string, reason: string): AppFailure {
  const text = APP_ERRORS['accounts.bad_field'];
  return new AppFailure(
    'accounts.bad_field',
    { 'zh-CN': format(text['zh-CN'], { field, reason }), en: format(text.en, { field, reason }) },
    field,
  );
}

/**
 * Accounts of every provider: profiles in settings, secrets in the keychain, and the built-in
 * sandbox accounts. Every provider call reads the account's secrets from the vault at call time
 * through `sessionFor()`; nothing here hands a secret to a caller outside main.
 */
export class AccountService {
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(private readonly deps: AccountServiceDeps) {
    this.log = deps.log ?? silentLogger;
    this.now = deps.now ?? Date.now;
  }

  /** Every account (the built-in ones first), the active one, what keeps the secrets, the providers. */
  async state(): Promise<AccountsState> {
    const available = await this.deps.credentials.vault.check();
    const views: AccountView[] = BUILT_IN_ACCOUNTS.map((account) =>
      this.view(
        {
          id: account.id,
          name: account.name,
          provider: account.provider,
          settings: account.shownSettings,
          defaults: {},
        },
        account.secrets,
        true,
      ),
    );
    for (const profile of this.deps.profiles.list()) {
      const stored = available
        ? await this.deps.credentials.read(profile.provider, profile.id).catch(() => null)
        : null;
      views.push(this.view(profile, stored ?? {}, false));
    }
    return {
      accounts: views,
      activeId: this.activeId(),
      vault: { kind: this.deps.credentials.vault.kind, available },
      providers: providerInfos(),
    };
  }

  /** Creates or updates an account; the secrets go to the keychain before the profile is saved. */
  async save(draft: AccountDraft): Promise<{ id: string; state: AccountsState }> {
    if (builtInAccount(draft.id ?? '')) throw AppFailure.of('accounts.builtin_readonly');
    const profiles = this.deps.profiles.list();
    const existing = draft.id === undefined ? undefined : profiles.find((p) => p.id === draft.id);
    if (draft.id !== undefined && !existing) throw AppFailure.of('accounts.not_found');
    if (existing && existing.provider !== draft.provider) throw badField('provider', 'cannot change');
    const name = draft.name.trim();
    const taken = [...BUILT_IN_ACCOUNTS, ...profiles].some((p) => p.name === name && p.id !== draft.id);
    if (taken) throw AppFailure.of('accounts.name_taken');
    const factory = providerFactory(draft.provider);
    const settings = this.knownFields(draft.settings, factory.info.fields);
    const secrets = this.knownFields(draft.secrets ?? {}, factory.info.secrets);
    const id = existing?.id ?? randomUUID();
    const stored = existing ? await this.deps.credentials.read(draft.provider, id) : null;
    const problem = factory.checkAccount(settings, secrets, new Set(Object.keys(stored ?? {})));
    if (problem) throw badField(problem.field, problem.reason);
    this.deps.secrets?.add(
      ...factory.info.secrets.filter((spec) => !spec.revealed).map((spec) => secrets[spec.name]),
    );
    await this.deps.credentials.write(draft.provider, id, secrets);
    const profile: AccountProfile = {
      id,
      name,
      provider: draft.provider,
      settings,
      defaults: draft.defaults ?? existing?.defaults ?? {},
    };
    this.deps.profiles.save(
      existing ? profiles.map((p) => (p.id === id ? profile : p)) : [...profiles, profile],
    );
    return { id, state: await this.changed() };
  }

  async remove(id: string): Promise<AccountsState> {
    if (builtInAccount(id)) throw AppFailure.of('accounts.builtin_readonly');
    const profiles = this.deps.profiles.list();
    const profile = profiles.find((p) => p.id === id);
    if (!profile) throw AppFailure.of('accounts.not_found');
    await this.deps.credentials.remove(profile.provider, id);
    this.deps.profiles.save(profiles.filter((p) => p.id !== id));
    return this.changed();
  }

  async use(id: string): Promise<AccountsState> {
    this.profileOf(id);
    this.deps.profiles.setActive(id);
    return this.changed();
  }

  /** The active account's id (cheap: no keychain read), for data kept per account. */
  activeId(): string {
    return this.deps.profiles.activeId(BUILT_IN_IDS);
  }

  /** The ids of every account on `provider` (built-in ones first; no keychain read). */
  accountsOf(provider: ProviderId): string[] {
    return [
      ...BUILT_IN_ACCOUNTS.filter((account) => account.provider === provider).map((account) => account.id),
      ...this.deps.profiles
        .list()
        .filter((profile) => profile.provider === provider)
        .map((profile) => profile.id),
    ];
  }

  /** The provider an account is on (no keychain read): for its capabilities and pure rules. */
  factoryFor(id: string = this.activeId()): ProviderFactory {
    return providerFactory(this.profileOf(id).provider);
  }

  /** An account's settings (never secrets; no keychain read), e.g. its time zone for a push. */
  settingsFor(id: string = this.activeId()): Readonly<Record<string, string>> {
    return this.profileOf(id).settings;
  }

  /** The account's provider with its credentials read just now. */
  async sessionFor(id: string = this.activeId()): Promise<AccountSession> {
    const profile = this.profileOf(id);
    const factory = providerFactory(profile.provider);
    const builtIn = builtInAccount(id);
    let settings = profile.settings;
    let secrets: Record<string, string>;
    if (builtIn) {
      settings = builtIn.settings(await this.deps.sandbox.url());
      secrets = builtIn.secrets;
    } else {
      const stored = await this.deps.credentials.read(profile.provider, id);
      const missing = factory.info.secrets.some((s) => s.required && !stored?.[s.name]);
      if (!stored || missing) throw AppFailure.of('accounts.no_credentials');
      secrets = stored;
    }
    this.deps.secrets?.add(
      ...factory.info.secrets.filter((spec) => !spec.revealed).map((spec) => secrets[spec.name]),
    );
    const provider = factory.create({
      settings,
      secrets,
      fetch: this.deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      log: this.log,
    });
    const trustedHosts = factory.info.fields.flatMap((field) => {
      if (field.kind !== 'url' || !settings[field.name]) return [];
      try {
        return [new URL(settings[field.name]!).hostname];
      } catch {
        return [];
      }
    });
    return { accountId: id, provider, factory, trustedHosts };
  }

  /** "Test connection": the provider's harmless check, answered within {@link TEST_CONNECTION_MS}. */
  async test(id: string = this.activeId()): Promise<ConnectionReport> {
    const { provider } = await this.sessionFor(id);
    return provider.check({ deadline: this.now() + TEST_CONNECTION_MS });
  }

  /** The profile of an account, the built-in ones included. */
  private profileOf(id: string): AccountProfile {
    const builtIn = builtInAccount(id);
    if (builtIn)
      return {
        id,
        name: builtIn.name,
        provider: builtIn.provider,
        settings: builtIn.shownSettings,
        defaults: {},
      };
    const profile = this.deps.profiles.list().find((p) => p.id === id);
    if (!profile) throw AppFailure.of('accounts.not_found');
    return profile;
  }

  /** Only the provider's own fields, trimmed (a PEM keeps its inner line breaks). */
  private knownFields(
    given: Record<string, string>,
    specs: readonly { name: string }[],
  ): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { name } of specs) if (given[name] !== undefined) out[name] = given[name].trim();
    return out;
  }

  private view(profile: AccountProfile, secrets: Record<string, string>, builtIn: boolean): AccountView {
    const factory = providerFactory(profile.provider);
    const states: Record<string, SecretState> = {};
    for (const spec of factory.info.secrets) {
      const value = secrets[spec.name];
      states[spec.name] = value
        ? spec.revealed
          ? { stored: true, value }
          : { stored: true }
        : { stored: false };
    }
    const settings: Record<string, string> = {};
    for (const field of factory.info.fields) settings[field.name] = profile.settings[field.name] ?? '';
    return {
      id: profile.id,
      name: profile.name,
      provider: profile.provider as ProviderId,
      settings,
      secrets: states,
      builtIn,
      defaults: profile.defaults,
    } as AccountView;
  }

  private async changed(): Promise<AccountsState> {
    const state = await this.state();
    this.deps.onChange?.(state);
    return state;
  }
}

import { randomUUID } from 'node:crypto';
import {
  SANDBOX_ACCOUNT_ID,
  type AccountDraft,
  type AccountsState,
  type AccountView,
  type ConnectionReport,
} from '../../../shared/accounts';
import { AppFailure } from '../contract/failure';
import type { Logger } from '../log';
import { SANDBOX_APPID, SANDBOX_EMAIL, SANDBOX_SIGNATURE } from '../sandbox/index';
import { createSobotClient, type SobotClient, type SobotClientOptions } from '../sobot/index';
import type { CredentialStore } from '../vault/credentials';
import type { AccountProfile, ProfileStore } from './profiles';
import type { SandboxProvider } from './sandboxProvider';

export interface AccountServiceDeps {
  profiles: ProfileStore;
  credentials: CredentialStore;
  sandbox: SandboxProvider;
  /** Injected for tests; default global fetch. */
  fetch?: typeof globalThis.fetch;
  log?: Logger;
  /** Told after every change, so hosts can broadcast `accounts:changed`. */
  onChange?: (state: AccountsState) => void;
}

const SANDBOX_NAME = '沙箱 Sandbox';

/**
 * Accounts: profiles in settings, credentials in the keychain, and the built-in sandbox account.
 * Every Sobot call reads the account's credentials from the vault at call time through
 * `clientFor()`; nothing here hands the signature to a caller outside main.
 */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  /** Every account (the sandbox first), the active one, and what keeps the credentials. */
  async state(): Promise<AccountsState> {
    const available = await this.deps.credentials.vault.check();
    const views: AccountView[] = [this.sandboxView()];
    for (const profile of this.deps.profiles.list()) {
      const stored = available ? await this.deps.credentials.read(profile.id).catch(() => null) : null;
      views.push({
        ...profile,
        appid: stored?.appid ?? '',
        hasSignature: stored !== null,
        builtIn: false,
      });
    }
    return {
      accounts: views,
      activeId: this.deps.profiles.activeId(),
      vault: { kind: this.deps.credentials.vault.kind, available },
    };
  }

  /** Creates or updates an account; the credentials go to the keychain before the profile is saved. */
  async save(draft: AccountDraft): Promise<{ id: string; state: AccountsState }> {
    if (draft.id === SANDBOX_ACCOUNT_ID) throw AppFailure.of('accounts.builtin_readonly');
    const profiles = this.deps.profiles.list();
    const existing = draft.id === undefined ? undefined : profiles.find((p) => p.id === draft.id);
    if (draft.id !== undefined && !existing) throw AppFailure.of('accounts.not_found');
    const name = draft.name.trim();
    if (name === SANDBOX_NAME || profiles.some((p) => p.name === name && p.id !== draft.id)) {
      throw AppFailure.of('accounts.name_taken');
    }
    const id = existing?.id ?? randomUUID();
    const signature = draft.signature === undefined || draft.signature === '' ? undefined : draft.signature;
    await this.deps.credentials.write(id, draft.appid.trim(), signature);
    const profile: AccountProfile = {
      id,
      name,
      provider: 'sobot',
      baseUrl: draft.baseUrl.trim(),
      email: draft.email?.trim() ?? '',
      defaults: draft.defaults ?? existing?.defaults ?? {},
    };
    this.deps.profiles.save(
      existing ? profiles.map((p) => (p.id === id ? profile : p)) : [...profiles, profile],
    );
    return { id, state: await this.changed() };
  }

  async remove(id: string): Promise<AccountsState> {
    if (id === SANDBOX_ACCOUNT_ID) throw AppFailure.of('accounts.builtin_readonly');
    const profiles = this.deps.profiles.list();
    if (!profiles.some((p) => p.id === id)) throw AppFailure.of('accounts.not_found');
    await this.deps.credentials.remove(id);
    this.deps.profiles.save(profiles.filter((p) => p.id !== id));
    return this.changed();
  }

  async use(id: string): Promise<AccountsState> {
    this.profileOrSandbox(id);
    this.deps.profiles.setActive(id);
    return this.changed();
  }

  /** The active account's id (cheap: no keychain read), for data kept per account. */
  activeId(): string {
    return this.deps.profiles.activeId();
  }

  /** A client for the account (default: the active one) with its credentials read just now. */
  async clientFor(
    id: string = this.deps.profiles.activeId(),
    options: Partial<SobotClientOptions> = {},
  ): Promise<SobotClient> {
    const profile = this.profileOrSandbox(id);
    const common = {
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      ...(this.deps.log ? { log: this.deps.log } : {}),
      ...options,
    };
    if (profile === 'sandbox') {
      return createSobotClient({
        baseUrl: await this.deps.sandbox.url(),
        appid: SANDBOX_APPID,
        signature: SANDBOX_SIGNATURE,
        ...common,
      });
    }
    const credentials = await this.deps.credentials.read(id);
    if (!credentials) throw AppFailure.of('accounts.no_credentials');
    return createSobotClient({ baseUrl: profile.baseUrl, ...credentials, ...common });
  }

  /** "Test connection": query_robot_num, and check_login_name when the account has an email. */
  async test(id: string = this.deps.profiles.activeId()): Promise<ConnectionReport> {
    const profile = this.profileOrSandbox(id);
    const email = profile === 'sandbox' ? SANDBOX_EMAIL : profile.email;
    const client = await this.clientFor(id);
    const { robot_num } = await client.queryRobotNum();
    if (!email) return { robotNum: robot_num, login: 'skipped' };
    const check = await client.checkLoginName({ email });
    return check.check_result === 1
      ? { robotNum: robot_num, login: 'passed' }
      : { robotNum: robot_num, login: 'failed', ...(check.reason ? { reason: check.reason } : {}) };
  }

  private profileOrSandbox(id: string): AccountProfile | 'sandbox' {
    if (id === SANDBOX_ACCOUNT_ID) return 'sandbox';
    const profile = this.deps.profiles.list().find((p) => p.id === id);
    if (!profile) throw AppFailure.of('accounts.not_found');
    return profile;
  }

  private sandboxView(): AccountView {
    return {
      id: SANDBOX_ACCOUNT_ID,
      name: SANDBOX_NAME,
      provider: 'sobot',
      baseUrl: '',
      email: SANDBOX_EMAIL,
      appid: SANDBOX_APPID,
      hasSignature: true,
      builtIn: true,
      defaults: {},
    };
  }

  private async changed(): Promise<AccountsState> {
    const state = await this.state();
    this.deps.onChange?.(state);
    return state;
  }
}

import type { Broadcast } from '../contract/dispatch';
import type { Logger } from '../log';
import type { SecretRegistry } from '../logFile';
import type { SettingsFile } from '../settings/settingsFile';
import { CredentialStore } from '../vault/credentials';
import type { SecretVault } from '../vault/vault';
import { ProfileStore } from './profiles';
import type { SandboxProvider } from './sandboxProvider';
import { AccountService } from './service';

export interface AccountsWiring {
  settings: SettingsFile;
  vault: SecretVault;
  sandbox: SandboxProvider;
  broadcast?: Broadcast;
  fetch?: typeof globalThis.fetch;
  log?: Logger;
  secrets?: SecretRegistry;
}

/** Builds the account service the way every host does, broadcasting `accounts:changed`. */
export function createAccountService(wiring: AccountsWiring): AccountService {
  return new AccountService({
    profiles: new ProfileStore(wiring.settings),
    credentials: new CredentialStore(wiring.vault),
    sandbox: wiring.sandbox,
    ...(wiring.fetch ? { fetch: wiring.fetch } : {}),
    ...(wiring.log ? { log: wiring.log } : {}),
    ...(wiring.secrets ? { secrets: wiring.secrets } : {}),
    ...(wiring.broadcast ? { onChange: (state) => wiring.broadcast?.('accounts:changed', state) } : {}),
  });
}

import type { AccountService, AccountSession } from '../../electron/services/accounts/service';
import type { SobotClient } from '../../electron/services/sobot';
import { sobotFactory, sobotProvider } from '../../electron/services/sobot/provider/index';

/** Tests run their servers on this machine: loopback is trusted as the account's own host. */
const TEST_TRUSTED_HOSTS = ['127.0.0.1', 'localhost'];

/** An account session whose provider is Sobot over the given client (tests pass their own client). */
export function sobotSession(client: SobotClient, accountId = 'sandbox'): AccountSession {
  return {
    accountId,
    provider: sobotProvider(client),
    factory: sobotFactory,
    trustedHosts: [...TEST_TRUSTED_HOSTS],
  };
}

/** The account service's provider side, every account answering with Sobot over `client`. */
export function accountsOver(
  client: SobotClient | (() => SobotClient),
  accountId = 'sandbox',
): Pick<AccountService, 'sessionFor' | 'factoryFor' | 'activeId'> {
  const get = typeof client === 'function' ? client : () => client;
  return {
    activeId: () => accountId,
    sessionFor: (id = accountId) => Promise.resolve(sobotSession(get(), id)),
    factoryFor: () => sobotFactory,
  };
}

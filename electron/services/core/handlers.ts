import type { AppInfo } from '../../../shared/contract';
import type { AccountService } from '../accounts/service';
import type { Broadcast, Handlers } from '../contract/dispatch';
import type { PrefsStore } from '../prefs/store';

export interface CoreServices {
  appInfo: AppInfo;
  prefs: PrefsStore;
  accounts: AccountService;
  broadcast: Broadcast;
}

/**
 * The contract's handlers over the services. Every host (Electron main, the browser harness)
 * registers exactly this object, so the app behaves the same whichever host serves it.
 */
export function createHandlers(services: CoreServices): Handlers {
  const { accounts } = services;
  return {
    'app:info': () => services.appInfo,
    'prefs:get': () => services.prefs.get(),
    'prefs:set': (patch) => {
      const next = services.prefs.set(patch);
      services.broadcast('prefs:changed', next);
      return next;
    },
    'accounts:list': () => accounts.state(),
    'accounts:save': (draft) => accounts.save(draft),
    'accounts:remove': ({ id }) => accounts.remove(id),
    'accounts:use': ({ id }) => accounts.use(id),
    'accounts:test': ({ id }) => accounts.test(id),
  };
}

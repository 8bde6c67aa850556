import type { AppInfo } from '../../../shared/contract';
import type { accountCalls } from '../../../shared/contracts/accounts';
import type { appCalls } from '../../../shared/contracts/app';
import type { AccountService } from '../accounts/service';
import type { Broadcast, FeatureHandlers, Handlers } from '../contract/dispatch';
import { updateHandlers } from '../desktop/handlers';
import type { UpdateService } from '../desktop/updates';
import { dncHandlers } from '../dnc/handlers';
import type { DncFeature } from '../dnc/feature';
import type { ListsFeature } from '../lists/feature';
import { listHandlers } from '../lists/handlers';
import type { ResultsFeature } from '../results/feature';
import { resultHandlers } from '../results/handlers';
import type { PrefsStore } from '../prefs/store';
import { taskHandlers } from '../tasks/handlers';
import type { TaskService } from '../tasks/service';
import type { UploadService } from '../uploads/api';
import { uploadHandlers } from '../uploads/handlers';

export interface CoreServices {
  appInfo: AppInfo;
  prefs: PrefsStore;
  accounts: AccountService;
  lists: ListsFeature;
  tasks: TaskService;
  results: ResultsFeature;
  uploads: UploadService;
  dnc: DncFeature;
  updates: UpdateService;
  broadcast: Broadcast;
}

function appHandlers(services: CoreServices): FeatureHandlers<typeof appCalls> {
  return {
    'app:info': () => services.appInfo,
    'prefs:get': () => services.prefs.get(),
    'prefs:set': (patch) => {
      const next = services.prefs.set(patch);
      services.broadcast('prefs:changed', next);
      services.updates.prefsChanged();
      return next;
    },
  };
}

function accountHandlers(accounts: AccountService): FeatureHandlers<typeof accountCalls> {
  return {
    'accounts:list': () => accounts.state(),
    'accounts:save': (draft) => accounts.save(draft),
    'accounts:remove': ({ id }) => accounts.remove(id),
    'accounts:use': ({ id }) => accounts.use(id),
    'accounts:test': ({ id }) => accounts.test(id),
  };
}

/**
 * The contract's handlers over the services. Every host (Electron main, the browser harness)
 * registers exactly this object, so the app behaves the same whichever host serves it.
 */
export function createHandlers(services: CoreServices): Handlers {
  return {
    ...appHandlers(services),
    ...accountHandlers(services.accounts),
    ...listHandlers(services.lists),
    ...taskHandlers(services.tasks),
    ...resultHandlers(services.results),
    ...uploadHandlers(services.uploads),
    ...dncHandlers(services.dnc, services.lists),
    ...updateHandlers(services.updates),
  };
}

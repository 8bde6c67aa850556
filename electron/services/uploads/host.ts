import type { AccountService } from '../accounts/service';
import type { Broadcast } from '../contract/dispatch';
import type { ListServices } from '../lists/index';
import type { Logger } from '../log';
import type { CampaignLookups, UploadService } from './api';
import type { UploadsOffMain } from './offMain';
import { createUploadService } from './service';

/**
 * The upload service as an app host runs it (Electron main, the browser harness): over the
 * app database and list store, with the accounts' clients, every progress broadcast to the
 * windows as `uploads:progress`.
 */
export function createHostUploads(
  lists: ListServices,
  accounts: Pick<AccountService, 'sessionFor' | 'factoryFor' | 'activeId'>,
  broadcast: Broadcast,
  log?: Logger,
  campaign?: CampaignLookups,
  offMain?: UploadsOffMain,
): UploadService {
  return createUploadService({
    ...(campaign ? { campaign } : {}),
    ...(offMain ? { offMain } : {}),
    db: lists.db,
    lists: lists.store,
    sessionFor: (accountId) => accounts.sessionFor(accountId),
    factoryFor: (accountId) => accounts.factoryFor(accountId),
    activeId: () => accounts.activeId(),
    onProgress: (progress) => broadcast('uploads:progress', progress),
    ...(log ? { log } : {}),
  });
}

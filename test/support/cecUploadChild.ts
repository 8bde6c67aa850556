/**
 * The process the CEC upload crash test kills: uploads a list into a campaign of the CEC
 * sandbox through the upload service (start, or resume the unfinished upload of that list),
 * printing `batch N` after every answered request and `done STATE ROWS` at the end.
 * Usage: cecUploadChild.ts DATA_DIR CEC_BASE_URL LIST_ID CAMPAIGN_ID
 */
import type { AccountSession } from '../../electron/services/accounts/service';
import { createHuaweiCecClient } from '../../electron/services/huawei';
import { cecFactory, cecProvider } from '../../electron/services/huawei/provider/index';
import { openListServices } from '../../electron/services/lists';
import { CEC_SANDBOX_AK, CEC_SANDBOX_SK } from '../../electron/services/sandbox/index';
import { createUploadService } from '../../electron/services/uploads';
import { ACCOUNT } from './uploads';

const [dataDir, baseUrl, listArg, taskId] = process.argv.slice(2) as [string, string, string, string];
const listId = Number(listArg);
const client = createHuaweiCecClient({
  baseUrl,
  ak: CEC_SANDBOX_AK,
  sk: CEC_SANDBOX_SK,
  vdnId: 1,
  retry: false,
});
const session: AccountSession = {
  accountId: ACCOUNT,
  provider: cecProvider(client, { callerNumbers: [], flows: [] }),
  factory: cecFactory,
  trustedHosts: [],
};
const services = openListServices(dataDir);
const uploads = createUploadService({
  db: services.db,
  lists: services.store,
  activeId: () => ACCOUNT,
  sessionFor: () => Promise.resolve(session),
  factoryFor: () => cecFactory,
});
const plan = await uploads.plan({ listId, taskId });
let last = -1;
const onProgress = (p: { batchesDone: number }): void => {
  if (p.batchesDone === last) return;
  last = p.batchesDone;
  process.stdout.write(`batch ${p.batchesDone}\n`);
};
const handle =
  plan.unfinishedUploadId === null
    ? await uploads.start({ listId, taskId }, { onProgress })
    : await uploads.resume(plan.unfinishedUploadId, { onProgress });
const summary = await handle.done;
process.stdout.write(`done ${summary.state} ${JSON.stringify(summary.rows)}\n`);
services.close();

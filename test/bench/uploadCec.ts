/**
 * The CEC line of the upload benchmark: 400 rows into a Huawei CEC sandbox campaign through the
 * upload service, with the sandbox's injected latency. CC-iSales takes ≤ 20 rows a request and
 * requests ≥ 1 s apart, so 20 requests cannot take less than 19 s (the floor, the named
 * baseline); the target is within 10 % of it.
 */
import type { AccountSession } from '../../electron/services/accounts/service';
import { createHuaweiCecClient } from '../../electron/services/huawei';
import { cecFactory, cecProvider } from '../../electron/services/huawei/provider/index';
import type { ListServices } from '../../electron/services/lists';
import {
  CEC_FLOWS,
  CEC_SANDBOX_AK,
  CEC_SANDBOX_SK,
  type SandboxHandle,
} from '../../electron/services/sandbox';
import { createUploadService } from '../../electron/services/uploads';
import { makeList, mobiles } from '../support/uploads';

export const CEC_ROWS = 400;
/** 20 requests, 19 gaps of the 1 s rule. */
export const CEC_FLOOR_MS = (CEC_ROWS / 20 - 1) * 1000;

/** Runs the CEC line; answers elapsed/floor, or null when the upload did not land every row. */
export async function benchCecUpload(sandbox: SandboxHandle, services: ListServices): Promise<number | null> {
  const client = createHuaweiCecClient({
    baseUrl: sandbox.cec.baseUrl,
    ak: CEC_SANDBOX_AK,
    sk: CEC_SANDBOX_SK,
    vdnId: 1,
  });
  const now = Date.now();
  const { campaignId } = await client.createCampaign({
    name: `bench ${now}`,
    beginTime: now,
    endTime: now + 86_400_000,
    slots: [{ begin: '00:00', end: '23:59' }],
    callerNo: '02180344315',
    flowAccessCode: CEC_FLOWS[0]!.accessCode,
  });
  const session: AccountSession = {
    accountId: 'bench-cec',
    provider: cecProvider(client, { callerNumbers: [], flows: [] }),
    factory: cecFactory,
    trustedHosts: [],
  };
  const uploads = createUploadService({
    db: services.db,
    lists: services.store,
    activeId: () => 'bench-cec',
    sessionFor: () => Promise.resolve(session),
    factoryFor: () => cecFactory,
  });
  // Clear of the demo blocklist.
  const listId = makeList(services, mobiles(CEC_ROWS, 500_000), 'bench-cec');
  const started = performance.now();
  const summary = await (await uploads.start({ listId, taskId: campaignId })).done;
  const elapsed = performance.now() - started;
  const held = sandbox.control.cec.campaignNumbers(campaignId).length;
  const ratio = elapsed / CEC_FLOOR_MS;
  console.log(
    `cec 20/request  ${elapsed.toFixed(0).padStart(8)} ms  ${summary.batchesDone} requests  ${held} on the campaign  ` +
      `(floor ${CEC_FLOOR_MS} ms by the 1 s rule; ratio ${ratio.toFixed(3)}, target ≤ 1.10)`,
  );
  await uploads.close();
  await client.close();
  return summary.state === 'done' && held === CEC_ROWS ? ratio : null;
}

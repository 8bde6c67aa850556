import { accountsOver } from '../../support/providers';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallListColumns } from '../../../shared/callList';
import { openListServices, type ListServices } from '../../../electron/services/lists/index';
import { ImportSession } from '../../../electron/services/lists/importSession';
import { createMediaProxy } from '../../../electron/services/media/proxy';
import {
  SANDBOX_APPID,
  SANDBOX_SIGNATURE,
  startSandbox,
  type SandboxHandle,
} from '../../../electron/services/sandbox/index';
import type { SandboxOptions } from '../../../electron/services/sandbox/index';
import { createSobotClient } from '../../../electron/services/sobot/index';
import { ResultsFeature, type ResultsFeatureDeps } from '../../../electron/services/results/feature';

export const ACCOUNT = 'acc-1';

/** The document's own push example, byte for byte: invalid JSON (bare 02180344315, 000000…). */
export const PUSH_EXAMPLE = readFileSync(new URL('../../fixtures/sobot/push.example.txt', import.meta.url));
/** The call id in {@link PUSH_EXAMPLE}. */
export const PUSH_CALLID = 'soboticallbcf37279feb441ee99f33a9814d26b00';

/** A results feature over a fresh data folder and (optionally) a sandbox. */
export async function setupResults(
  options: {
    sandbox?: SandboxOptions;
    deps?: Partial<ResultsFeatureDeps>;
    /** Deps that need the database (e.g. a resolver over it). */
    depsFor?: (services: ListServices) => Partial<ResultsFeatureDeps>;
  } = {},
): Promise<{
  dataDir: string;
  services: ListServices;
  sandbox: SandboxHandle | null;
  results: ResultsFeature;
  events: [string, unknown][];
  close(): Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-results-'));
  const services = openListServices(dataDir);
  const sandbox = options.sandbox ? await startSandbox(options.sandbox) : null;
  const events: [string, unknown][] = [];
  const results = new ResultsFeature({
    db: services.db,
    dataDir,
    accounts: accountsOver(
      () => createSobotClient({ baseUrl: sandbox!.url, appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE }),
      ACCOUNT,
    ),
    lists: services.store,
    media: createMediaProxy({ dir: join(dataDir, 'cache', 'media'), trustedHosts: ['127.0.0.1'] }),
    broadcast: (event, payload) => events.push([event, payload]),
    pushHost: '127.0.0.1',
    ...options.deps,
    ...options.depsFor?.(services),
  });
  return {
    dataDir,
    services,
    sandbox,
    results,
    events,
    async close() {
      await results.close();
      services.close();
      await sandbox?.close();
    },
  };
}

/** Adds a call list whose rows have the given phones, outids and a 姓名 variable. */
export function addList(
  services: ListServices,
  name: string,
  rows: { phone: string; outid: string; name: string }[],
) {
  const columns: CallListColumns = {
    telephoneHeader: '手机号码',
    outidHeader: 'outid',
    variables: ['姓名'],
    order: ['var:姓名', 'telephone', 'outid'],
  };
  const session = new ImportSession(services.store, {
    name,
    sourceFile: null,
    sourceSheet: null,
    headerRow: 1,
    columns,
  });
  session.append(
    rows.map((row, index) => ({
      sourceRow: index + 2,
      telephoneRaw: row.phone,
      outid: row.outid,
      variables: [row.name],
    })),
  );
  return session.finish();
}

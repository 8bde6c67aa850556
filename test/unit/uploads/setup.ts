import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle } from '../../../electron/services/sandbox/index';
import type { SobotClient } from '../../../electron/services/sobot/index';
import type { UploadServiceDeps } from '../../../electron/services/uploads';
import { startCountingProxy } from '../../support/countingProxy';
import { createTask, mobiles, openUploads, sandboxClient, type TestRow } from '../../support/uploads';

/** 20 valid rows plus one of each kind of problem, and a 400 number the sandbox filters. */
export function mixedRows(): TestRow[] {
  const rows = mobiles(20);
  rows.push({ telephone: '12345', variables: ['坏号', ''] }); // phone.invalid
  rows.push({ telephone: '', variables: ['无号', ''] }); // phone.missing
  rows.push({ telephone: rows[0]!.telephone, variables: ['重复', ''] }); // phone.duplicate
  rows.push({ telephone: '13900009999', variables: ['a^b', ''] }); // variable.unencodable
  rows.push({ telephone: '4008001234', variables: ['热线', ''] }); // valid here, filtered by the server
  return rows;
}

/** A sandbox (clock stopped: nothing is dialled), a task, and an upload service over a temp data folder. */
export async function uploadFixture(
  options: Partial<UploadServiceDeps> & { latencyMs?: number; fetch?: typeof globalThis.fetch } = {},
) {
  const { latencyMs, fetch: customFetch, ...deps } = options;
  const sandbox: SandboxHandle = await startSandbox({ autoRun: false, seed: 3, latencyMs: latencyMs ?? 0 });
  // The proxy counts every outid add_task_data receives: the sandbox hides repeats.
  const proxy = await startCountingProxy(sandbox.url);
  const client: SobotClient = sandboxClient(proxy.url, customFetch ? { fetch: customFetch } : {});
  const taskId = await createTask(client);
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-uploads-'));
  const { services, uploads } = openUploads(dataDir, client, deps);
  return {
    sandbox,
    proxy,
    client,
    taskId,
    dataDir,
    services,
    uploads,
    async close() {
      await uploads.close();
      services.close();
      await proxy.close();
      await sandbox.close();
    },
  };
}

/** outids received more than once by add_task_data. */
export function sentTwice(received: ReadonlyMap<string, number>): string[] {
  return [...received].filter(([, n]) => n > 1).map(([outid]) => outid);
}

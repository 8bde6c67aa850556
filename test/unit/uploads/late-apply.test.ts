/**
 * Exactly once when the server is late: a batch the server applies after the client gave up
 * waiting (a timeout, then the rows appear on the task a moment later) must not be sent again.
 * The sandbox here stores repeated outids (as a server that does not deduplicate), and every
 * test counts how often each outid reached the server.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SANDBOX_APPID,
  SANDBOX_SIGNATURE,
  startSandbox,
  type SandboxHandle,
} from '../../../electron/services/sandbox/index';
import { createSobotClient } from '../../../electron/services/sobot';
import { createUploadService } from '../../../electron/services/uploads';
import { openListServices, type ListServices } from '../../../electron/services/lists';
import { accountsOver } from '../../support/providers';
import { createTask, makeList, mobiles, sandboxClient } from '../../support/uploads';

let sandbox: SandboxHandle | null = null;
let services: ListServices | null = null;
afterEach(async () => {
  await sandbox?.close();
  services?.close();
  sandbox = null;
  services = null;
});

/** An upload of 300 rows in batches of 100 whose first batch the server applies `lateMs` late. */
async function lateUpload(settleMs: number, lateMs = 500) {
  sandbox = await startSandbox({ autoRun: false });
  sandbox.control.storeRepeats(true);
  services = openListServices(mkdtempSync(join(tmpdir(), 'cd-late-')));
  // The client waits 200 ms per attempt; the server takes `lateMs` for the faulted batch.
  const client = sandboxClient(sandbox.url);
  const uploading = createSobotClient({
    baseUrl: sandbox.url,
    appid: SANDBOX_APPID,
    signature: SANDBOX_SIGNATURE,
    timeoutMs: 200,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  const taskId = await createTask(client);
  const listId = makeList(services, mobiles(300));
  const uploads = createUploadService({
    db: services.db,
    lists: services.store,
    ...accountsOver(uploading),
    batchRows: 100,
    settleMs,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 100))),
  });
  sandbox.control.setFault('add_task_data', `late:${lateMs}`);
  const summary = await (await uploads.start({ listId, taskId })).done;
  // Let the late request land before counting.
  await new Promise((resolve) => setTimeout(resolve, lateMs + 200));
  return {
    summary,
    arrivals: sandbox.control.outidArrivals(taskId),
    stored: sandbox.control.taskOutids(taskId),
  };
}

describe('an upload whose answer is lost while the server applies it late', () => {
  it('waits for the late batch to show on the task instead of sending it again', async () => {
    const { summary, arrivals, stored } = await lateUpload(1_500);
    expect(summary).toMatchObject({ state: 'done', outcome: { accepted: 300, failed: 0 } });
    expect(Object.keys(arrivals)).toHaveLength(300);
    expect(Object.values(arrivals).filter((n) => n !== 1)).toEqual([]);
    expect(stored).toHaveLength(300);
  });

  it('(the same upload believing "not found" at once sends the late batch twice: what the wait prevents)', async () => {
    // Applied 2 s late, so the look-ups (right after the 200 ms timeout) finish before it lands
    // even on a loaded machine.
    const { arrivals, stored } = await lateUpload(0, 2_000);
    expect(Object.values(arrivals).filter((n) => n === 2)).toHaveLength(100);
    expect(stored).toHaveLength(400);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccountService } from '../../../electron/services/accounts/create';
import type { SandboxProvider } from '../../../electron/services/accounts/sandboxProvider';
import { createMediaProxy } from '../../../electron/services/media/proxy';
import {
  SANDBOX_APPID,
  SANDBOX_SIGNATURE,
  startSandbox,
  type SandboxHandle,
} from '../../../electron/services/sandbox/index';
import { createSobotClient } from '../../../electron/services/sobot/index';
import { createTaskService } from '../../../electron/services/tasks/create';
import { inProcess } from '../../../electron/services/sandbox/worker/remote';
import { memorySettings, memoryVault } from '../../support/memory';

/** A Wednesday afternoon, local time: today has earlier hours and the week earlier days. */
export const SIM_START = new Date(2025, 2, 12, 15, 30).getTime();

/**
 * A task service whose sandbox account is a sandbox this test controls (clock stopped unless
 * advanced), with in-memory settings and vault and a media cache in a temp folder.
 */
export async function tasksOverSandbox() {
  const sandbox: SandboxHandle = await startSandbox({ now: () => SIM_START, autoRun: false, speed: 60 });
  const provider: SandboxProvider = {
    url: async () => sandbox.url,
    control: async () => inProcess(sandbox).control,
    close: async () => undefined,
  };
  const accounts = createAccountService({
    settings: memorySettings(),
    vault: memoryVault(),
    sandbox: provider,
  });
  const settings = memorySettings();
  const changes: string[] = [];
  const mediaDir = mkdtempSync(join(tmpdir(), 'cd-tasks-media-'));
  const media = createMediaProxy({ dir: mediaDir });
  const tasks = createTaskService({
    settings,
    accounts,
    media,
    // The service's clock is the sandbox's, so "today" is the simulated day.
    now: () => sandbox.control.now(),
    broadcast: (event, payload) => {
      if (event === 'tasks:changed') changes.push((payload as { accountId: string }).accountId);
    },
  });
  const client = createSobotClient({
    baseUrl: sandbox.url,
    appid: SANDBOX_APPID,
    signature: SANDBOX_SIGNATURE,
  });
  return { sandbox, tasks, settings, changes, client, media, mediaDir, close: () => sandbox.close() };
}

/** Rows for add_task_data. */
export function rows(count: number, prefix = 'r') {
  return Array.from({ length: count }, (_, i) => ({
    telephone: `139${String(10_000_000 + i).padStart(8, '0')}`,
    outid: `${prefix}-${i}`,
  }));
}

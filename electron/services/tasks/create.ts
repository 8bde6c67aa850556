import { join } from 'node:path';
import type { AccountService } from '../accounts/service';
import type { Broadcast } from '../contract/dispatch';
import { createMediaProxy, type MediaProxy, type MediaProxyOptions } from '../media/proxy';
import { createJsonSettingsFile, type SettingsFile } from '../settings/settingsFile';
import { KnownTaskStore, TASKS_FILE_NAME } from './knownTasks';
import { TaskService, type TaskServiceDeps } from './service';

/** Where the media proxy caches audio inside a data folder. */
export function mediaCacheDir(dataDir: string): string {
  return join(dataDir, 'cache', 'media');
}

/** A media proxy caching under the data folder. */
export function createDataDirMediaProxy(
  dataDir: string,
  options: Omit<MediaProxyOptions, 'dir'> = {},
): MediaProxy {
  return createMediaProxy({ dir: mediaCacheDir(dataDir), ...options });
}

export interface TasksWiring {
  /** `tasks` settings file (electron-store in the app, `tasks.json` elsewhere). */
  settings: SettingsFile;
  accounts: AccountService;
  media: MediaProxy;
  broadcast?: Broadcast;
  /** The clock; default Date.now (tests pin it to the sandbox's simulated clock). */
  now?: () => number;
  /** Stored calls per bucket, for the chart of a provider without its own count (TaskServiceDeps). */
  syncedCalls?: TaskServiceDeps['syncedCalls'];
}

/** Builds the task service the way every host does, broadcasting `tasks:changed`. */
export function createTaskService(wiring: TasksWiring): TaskService {
  return new TaskService({
    accounts: wiring.accounts,
    known: new KnownTaskStore(wiring.settings),
    media: wiring.media,
    ...(wiring.now ? { now: wiring.now } : {}),
    ...(wiring.syncedCalls ? { syncedCalls: wiring.syncedCalls } : {}),
    ...(wiring.broadcast
      ? { onChange: (accountId) => wiring.broadcast?.('tasks:changed', { accountId }) }
      : {}),
  });
}

/** The task service of a data folder as the CLI and the harness keep it (`tasks.json`). */
export function createNodeTaskService(
  dataDir: string,
  accounts: AccountService,
  options: { media?: MediaProxy; broadcast?: Broadcast } = {},
): { tasks: TaskService; media: MediaProxy } {
  const media = options.media ?? createDataDirMediaProxy(dataDir);
  const tasks = createTaskService({
    settings: createJsonSettingsFile(join(dataDir, `${TASKS_FILE_NAME}.json`)),
    accounts,
    media,
    ...(options.broadcast ? { broadcast: options.broadcast } : {}),
  });
  return { tasks, media };
}

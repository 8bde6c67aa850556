import { join } from 'node:path';
import type { AppInfo } from '../../../shared/contract';
import { ACCOUNTS_FILE_NAME } from '../accounts/profiles';
import { createAccountService } from '../accounts/create';
import type { AccountService } from '../accounts/service';
import { createLazySandbox, type SandboxProvider } from '../accounts/sandboxProvider';
import { SANDBOX_STATE_FILE_NAME, type SandboxOptions } from '../sandbox/index';
import { createDispatcher, type Broadcast, type Dispatch } from '../contract/dispatch';
import { ListsFeature } from '../lists/feature';
import { openListServices } from '../lists/index';
import type { Logger } from '../log';
import { createJsonFilePrefs } from '../prefs/jsonFilePrefs';
import type { PrefsStore } from '../prefs/store';
import { createJsonSettingsFile } from '../settings/settingsFile';
import { ResultsFeature } from '../results/feature';
import { describeSobotError } from '../sobot/index';
import type { MediaProxy } from '../media/proxy';
import { createNodeTaskService } from '../tasks/create';
import type { TaskService } from '../tasks/service';
import { createHostUploads, createJournalOutidResolver, type UploadService } from '../uploads/index';
import { createKeyringVault } from '../vault/keyringVault';
import type { SecretVault } from '../vault/vault';
import { readAppVersion } from '../version';
import { createHandlers } from './handlers';

export interface NodeHostOptions {
  dataDir: string;
  host: AppInfo['host'];
  allowedOrigins: readonly string[];
  broadcast?: Broadcast;
  /** Default: the OS keychain. */
  vault?: SecretVault;
  log?: Logger;
  /** How the embedded sandbox runs (tests slow it down with `latencyMs`). */
  sandbox?: SandboxOptions;
}

export interface NodeHost {
  prefs: PrefsStore;
  accounts: AccountService;
  sandbox: SandboxProvider;
  lists: ListsFeature;
  tasks: TaskService;
  results: ResultsFeature;
  uploads: UploadService;
  /** Serves `/media/<id>` (with `serveMedia`) for the audio main fetched. */
  media: MediaProxy;
  dispatch: Dispatch;
  /** Stops what the host started (the embedded sandbox). */
  close(): Promise<void>;
}

/**
 * The accounts of a data folder, as the CLI and the harness keep them (`accounts.json`). The
 * built-in sandbox keeps its state in the folder too (`sandbox-state.json`), so a task created
 * by one CLI command is still there for the next, unless `sandbox.stateFile` says otherwise
 * (given as undefined: in memory only).
 */
export function createNodeAccounts(
  dataDir: string,
  options: { vault?: SecretVault; broadcast?: Broadcast; log?: Logger; sandbox?: SandboxOptions } = {},
): { accounts: AccountService; sandbox: SandboxProvider } {
  const sandbox = createLazySandbox({
    stateFile: join(dataDir, SANDBOX_STATE_FILE_NAME),
    ...options.sandbox,
    ...(options.log ? { log: options.log } : {}),
  });
  const accounts = createAccountService({
    settings: createJsonSettingsFile(join(dataDir, `${ACCOUNTS_FILE_NAME}.json`)),
    vault: options.vault ?? createKeyringVault(),
    sandbox,
    ...(options.broadcast ? { broadcast: options.broadcast } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return { accounts, sandbox };
}

/**
 * Everything a host without Electron (the browser harness) needs to serve the contract:
 * the same handlers as the desktop app over file-backed stores in `dataDir`.
 */
export function createNodeHost(options: NodeHostOptions): NodeHost {
  const broadcast: Broadcast = options.broadcast ?? (() => undefined);
  const prefs = createJsonFilePrefs(options.dataDir);
  const { accounts, sandbox } = createNodeAccounts(options.dataDir, {
    broadcast,
    ...(options.vault ? { vault: options.vault } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
  });
  const { tasks, media } = createNodeTaskService(options.dataDir, accounts, { broadcast });
  const listServices = openListServices(options.dataDir, { exclusive: true });
  const lists = new ListsFeature({ dataDir: options.dataDir, services: listServices, broadcast });
  const uploads = createHostUploads(listServices, accounts, broadcast, options.log);
  const results = new ResultsFeature({
    db: listServices.db,
    resolver: createJournalOutidResolver(listServices.db),
    dataDir: options.dataDir,
    accounts,
    lists: listServices.store,
    media,
    tasks,
    broadcast,
    locale: () => prefs.get().locale,
    ...(options.log ? { log: options.log } : {}),
  });
  void results.push.resume();
  const handlers = createHandlers({
    appInfo: {
      version: readAppVersion(),
      dataDir: options.dataDir,
      platform: process.platform,
      host: options.host,
    },
    prefs,
    accounts,
    lists,
    tasks,
    results,
    uploads,
    broadcast,
  });
  const dispatch = createDispatcher({
    handlers,
    allowedOrigins: options.allowedOrigins,
    locale: () => prefs.get().locale,
    describers: [describeSobotError],
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    prefs,
    accounts,
    sandbox,
    lists,
    tasks,
    results,
    uploads,
    media,
    dispatch,
    close: async () => {
      await uploads.close();
      await results.close();
      lists.close();
      await sandbox.close();
    },
  };
}

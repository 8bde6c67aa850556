/**
 * One core for every host. Electron main, the browser harness and the CLI each call
 * `createCore()` with their few host adapters (data folder, settings files, keychain, where
 * events go, how exports choose a file); every service is built here once, the same way, so the
 * hosts cannot disagree about how the app is wired.
 */
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { AppInfo } from '../../../shared/contract';
import { createAccountService } from '../accounts/create';
import { ACCOUNTS_FILE_NAME } from '../accounts/profiles';
import type { AccountService } from '../accounts/service';
import { createLazySandbox, type SandboxProvider } from '../accounts/sandboxProvider';
import { createDispatcher, type Broadcast, type Dispatch, type Handlers } from '../contract/dispatch';
import { openAppDatabase } from '../db/appDatabase';
import { DbReader } from '../db/worker/dbReader';
import { UpdateService, type Updater } from '../desktop/updates';
import { DncFeature } from '../dnc/feature';
import { DncStore } from '../dnc/store';
import { describeTransportError } from '../http/describe';
import { dataFolderHost, ExportService, type ExportHost } from '../exports/service';
import { ListsFeature } from '../lists/feature';
import { listServicesOver } from '../lists/index';
import type { Logger } from '../log';
import { createFileLogger, SecretRegistry } from '../logFile';
import type { MediaProxy } from '../media/proxy';
import { createPrefsStore, PREFS_FILE_NAME, type PrefsStore } from '../prefs/store';
import { describeProviderError } from '../providers/registry';
import { ResultsFeature } from '../results/feature';
import { SANDBOX_STATE_FILE_NAME, type SandboxOptions } from '../sandbox/index';
import type { SettingsFile } from '../settings/settingsFile';
import { createDataDirMediaProxy, createTaskService } from '../tasks/create';
import { TASKS_FILE_NAME } from '../tasks/knownTasks';
import type { TaskService } from '../tasks/service';
import { createHostUploads, createJournalOutidResolver, type UploadService } from '../uploads/index';
import type { SecretVault } from '../vault/vault';
import { createHandlers } from './handlers';

/** What a host gives the core. */
export interface HostAdapters {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  /** A settings file by name (electron-store in the app, `<dataDir>/<name>.json` elsewhere). */
  settingsFile(name: string): SettingsFile;
  /** The keychain (or, in the app where none answers, safeStorage). */
  vault: SecretVault;
  /** Origins of the app's own pages; none for the CLI, which has no renderer. */
  allowedOrigins?: readonly string[];
  /** Where events go (every window); default: nowhere. */
  broadcast?: Broadcast;
  /** What local media URLs start with (`app://campaign-desk/media/` in the app). */
  mediaPrefix?: string;
  /**
   * Where exports go: the save dialog (and "show in folder") in the app, a browser download in
   * the harness; default: files under `<dataDir>/exports`.
   */
  exportHost?: ExportHost;
  /** How the embedded sandbox runs (tests slow it down or pin its clock). */
  sandbox?: SandboxOptions;
  fetch?: typeof globalThis.fetch;
  /**
   * This process owns the data folder (the app holds the single-instance lock; the harness is
   * the only app on its folder): it clears staged files and imports a crash cut off at start.
   */
  exclusive?: boolean;
  /** Starts the push receiver if it was left on (the app and the harness; not a CLI command). */
  pushReceiver?: boolean;
  /**
   * Where the push receiver listens until the operator chooses: the harness keeps it on
   * loopback; the app's default is this machine's network address.
   */
  pushHost?: string;
  /** Every log line is also given here (the harness prints warnings; tests read them). */
  logMirror?: (line: string) => void;
  /** The installed app's updater (electron-updater); absent or null where the app cannot update itself. */
  updater?: (log: Logger) => Updater | null;
}

/** The services every host serves, built once. */
export interface Core {
  appInfo: AppInfo;
  log: Logger;
  /** The log file the user is told about when something unexpected happens. */
  logFile: string;
  /** Secrets read from the keychain, kept out of the log. */
  secrets: SecretRegistry;
  db: Database;
  prefs: PrefsStore;
  accounts: AccountService;
  sandbox: SandboxProvider;
  lists: ListsFeature;
  tasks: TaskService;
  results: ResultsFeature;
  uploads: UploadService;
  dnc: DncFeature;
  /** Checks the update feed and installs when nothing would be cut off; call `start()` once. */
  updates: UpdateService;
  exports: ExportService;
  /** Serves `/media/<id>` (with `serveMedia`) for the audio main fetched. */
  media: MediaProxy;
  handlers: Handlers;
  dispatch: Dispatch;
  /** Stops what the core started (uploads, syncs, the push receiver, the sandbox) and closes the database. */
  close(): Promise<void>;
}

/** Builds every service of the app over a host's adapters. */
export function createCore(adapters: HostAdapters): Core {
  const { dataDir } = adapters;
  const broadcast: Broadcast = adapters.broadcast ?? (() => undefined);
  const secrets = new SecretRegistry();
  const logger = createFileLogger(
    { dir: join(dataDir, 'logs'), ...(adapters.logMirror ? { mirror: adapters.logMirror } : {}) },
    secrets,
  );
  const log: Logger = logger;
  const prefs = createPrefsStore(adapters.settingsFile(PREFS_FILE_NAME));
  const locale = () => prefs.get().locale;
  // On its own thread in the app and the harness (its work must not hold up the contract's
  // answers); in-process for a CLI command, which answers nothing meanwhile.
  const sandbox = createLazySandbox(
    { stateFile: join(dataDir, SANDBOX_STATE_FILE_NAME), log, ...adapters.sandbox },
    adapters.host !== 'cli',
  );
  const accounts = createAccountService({
    settings: adapters.settingsFile(ACCOUNTS_FILE_NAME),
    vault: adapters.vault,
    sandbox,
    broadcast,
    log,
    secrets,
    ...(adapters.fetch ? { fetch: adapters.fetch } : {}),
  });
  const media = createDataDirMediaProxy(dataDir, {
    log,
    ...(adapters.mediaPrefix ? { publicPrefix: adapters.mediaPrefix } : {}),
    ...(adapters.fetch ? { fetch: adapters.fetch } : {}),
  });
  const tasks = createTaskService({
    settings: adapters.settingsFile(TASKS_FILE_NAME),
    accounts,
    media,
    broadcast,
    // CEC has no calls_count: its chart counts the calls synced here.
    syncedCalls: (accountId, ids, buckets) => results.reader.callsOverTime(accountId, ids, buckets),
  });
  const db = openAppDatabase(dataDir);
  const listServices = listServicesOver(db, { exclusive: adapters.exclusive ?? false });
  // Long reads (list sorts, the Results screen's pages, counts and dashboards), the bulk writes
  // (import batches, synced pages) and an upload's long statements (its rows selected and
  // checked, its journal created, its rows written per batch) run on the database worker over
  // its own WAL connection; the small writes (grid edits, pushes, an upload's record by id) stay here.
  const reader = new DbReader(dataDir);
  const exports = new ExportService(adapters.exportHost ?? dataFolderHost(dataDir));
  const lists = new ListsFeature({
    dataDir,
    services: listServices,
    broadcast,
    cleanStaging: adapters.exclusive ?? false,
    reader,
    exports,
    locale,
  });
  const dnc = new DncFeature({
    store: new DncStore(db),
    lists: listServices.store,
    activeAccountId: () => accounts.activeId(),
    callTelephone: (accountId, callId) => results.reader.telephoneOf(accountId, callId),
    broadcast,
  });
  // Upload plans leave out do-not-call numbers and numbers the task already holds or dialled.
  const uploads = createHostUploads(
    listServices,
    accounts,
    broadcast,
    log,
    {
      doNotCall: (accountId, telephones) => dnc.checker(accountId)(telephones),
      dialled: (accountId, taskId, telephones) => results.reader.dialledAmong(accountId, taskId, telephones),
    },
    reader.uploads(),
  );
  const results = new ResultsFeature({
    db,
    offMain: reader,
    resolver: createJournalOutidResolver(db),
    // Synced pages are stored on the worker, whose CallStore uses the same journal resolver.
    syncWriter: () => reader.syncWriter(),
    dataDir,
    accounts,
    lists: listServices.store,
    listsChanged: () => lists.announce(),
    media,
    tasks,
    broadcast,
    locale,
    log,
    ...(adapters.pushHost ? { pushHost: adapters.pushHost } : {}),
    exports,
  });
  if (adapters.pushReceiver) void results.push.resume();
  const appInfo: AppInfo = {
    version: adapters.version,
    dataDir,
    platform: process.platform,
    host: adapters.host,
  };
  const updates = new UpdateService({
    updater: adapters.updater?.(log) ?? null,
    currentVersion: adapters.version,
    prefs: () => prefs.get(),
    locale,
    busy: () => ({ uploads: uploads.running().length, imports: lists.runningImports() }),
    onChange: (state) => broadcast('updates:changed', state),
    log,
  });
  const handlers = createHandlers({
    appInfo,
    prefs,
    accounts,
    lists,
    tasks,
    results,
    uploads,
    dnc,
    updates,
    exports,
    broadcast,
  });
  const dispatch = createDispatcher({
    handlers,
    allowedOrigins: adapters.allowedOrigins ?? [],
    locale,
    describers: [describeTransportError, describeProviderError],
    log,
    logFile: logger.file,
  });
  let closing: Promise<void> | null = null;
  return {
    appInfo,
    log,
    logFile: logger.file,
    secrets,
    db,
    prefs,
    accounts,
    sandbox,
    lists,
    tasks,
    results,
    uploads,
    dnc,
    updates,
    exports,
    media,
    handlers,
    dispatch,
    close: () =>
      (closing ??= (async () => {
        await uploads.close();
        await results.close();
        await reader.close();
        lists.close();
        await sandbox.close();
      })()),
  };
}

import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccountService } from '../services/accounts/create';
import { ACCOUNTS_FILE_NAME } from '../services/accounts/profiles';
import { createLazySandbox } from '../services/accounts/sandboxProvider';
import { createDispatcher } from '../services/contract/dispatch';
import { createHandlers } from '../services/core/handlers';
import { createPrefsStore, PREFS_FILE_NAME } from '../services/prefs/store';
import { SANDBOX_STATE_FILE_NAME } from '../services/sandbox/index';
import { describeSobotError } from '../services/sobot/index';
import { TASKS_FILE_NAME } from '../services/tasks/knownTasks';
import { createDataDirMediaProxy, createTaskService } from '../services/tasks/create';
import { ListsFeature } from '../services/lists/feature';
import { openListServices } from '../services/lists/index';
import { ResultsFeature } from '../services/results/feature';
import { createHostUploads, createJournalOutidResolver } from '../services/uploads/index';
import { createKeyringVault } from '../services/vault/keyringVault';
import { APP_ORIGIN, registerAppSchemePrivileges, serveRenderer } from './appProtocol';
import { createElectronSettingsFile } from './electronSettingsFile';
import { broadcast, registerContract } from './ipc';
import { createSafeStorageVault, safeStorageUsable } from './safeStorageVault';
import { denyAllPermissions, hardenContents } from './security';
import { appOrigins, createMainWindow } from './window';

// Campaign Desk — Electron main. Thin wiring only: every rule lives in electron/services.

registerAppSchemePrivileges();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();

// Every web contents (the main window and anything created later) gets the same rules.
app.on('web-contents-created', (_event, contents) => {
  hardenContents(contents, { appOrigins: appOrigins(), openExternal: (url) => shell.openExternal(url) });
});

// Its tasks and results outlive a restart, as on a real server (userData is known before ready).
const sandbox = createLazySandbox({ stateFile: join(app.getPath('userData'), SANDBOX_STATE_FILE_NAME) });

void app.whenReady().then(async () => {
  const media = createDataDirMediaProxy(app.getPath('userData'), { publicPrefix: `${APP_ORIGIN}/media/` });
  serveRenderer(fileURLToPath(new URL('../renderer', import.meta.url)), media);
  denyAllPermissions(session.defaultSession);

  const keychain = createKeyringVault();
  // The OS keychain first; Electron safeStorage only where no keychain answers (shown in Settings).
  const vault =
    (await keychain.check()) || !safeStorageUsable()
      ? keychain
      : createSafeStorageVault(app.getPath('userData'));

  const prefs = createPrefsStore(createElectronSettingsFile(PREFS_FILE_NAME));
  const accounts = createAccountService({
    settings: createElectronSettingsFile(ACCOUNTS_FILE_NAME),
    vault,
    sandbox,
    broadcast,
  });
  const tasks = createTaskService({
    settings: createElectronSettingsFile(TASKS_FILE_NAME),
    accounts,
    media,
    broadcast,
  });
  const chooseExportPath = async (suggestedName: string, format: 'xlsx' | 'csv') => {
    const window = BrowserWindow.getFocusedWindow();
    const options = {
      defaultPath: suggestedName,
      filters: [{ name: format.toUpperCase(), extensions: [format] }],
    };
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  };
  const listServices = openListServices(app.getPath('userData'), { exclusive: true });
  const lists = new ListsFeature({
    dataDir: app.getPath('userData'),
    services: listServices,
    broadcast,
    chooseExportPath,
  });
  const uploads = createHostUploads(listServices, accounts, broadcast);
  const results = new ResultsFeature({
    db: listServices.db,
    resolver: createJournalOutidResolver(listServices.db),
    dataDir: app.getPath('userData'),
    accounts,
    lists: listServices.store,
    media,
    tasks,
    broadcast,
    locale: () => prefs.get().locale,
    chooseExportPath,
  });
  void results.push.resume();
  // A running upload is paused before quitting: the request in flight gets its answer and the
  // journal says `paused`. The wait is bounded; a quit that cannot wait is a crash, which the
  // journal survives too (the upload then shows as interrupted and resumes).
  let uploadsStopped = false;
  app.on('before-quit', (event) => {
    if (uploadsStopped || uploads.running().length === 0) return;
    event.preventDefault();
    uploadsStopped = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000));
    void Promise.race([uploads.close(), timeout]).finally(() => app.quit());
  });
  app.on('will-quit', () => {
    void results.close();
    lists.close();
  });
  const handlers = createHandlers({
    appInfo: {
      version: app.getVersion(),
      dataDir: app.getPath('userData'),
      platform: process.platform,
      host: 'electron',
    },
    prefs,
    accounts,
    lists,
    tasks,
    results,
    uploads,
    broadcast,
  });
  registerContract(
    createDispatcher({
      handlers,
      allowedOrigins: appOrigins(),
      locale: () => prefs.get().locale,
      describers: [describeSobotError],
    }),
  );

  createMainWindow();
});

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void sandbox.close();
});

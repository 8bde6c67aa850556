import { app, BrowserWindow, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import type { EventName, EventPayload } from '../../shared/contract';
import { createCore } from '../services/core/createCore';
import { runSingleInstance } from '../services/desktop/singleInstance';
import { WINDOW_STATE_FILE_NAME } from '../services/desktop/windowState';
import { createKeyringVault } from '../services/vault/keyringVault';
import { APP_ORIGIN, registerAppSchemePrivileges, serveRenderer } from './appProtocol';
import { createElectronSettingsFile } from './electronSettingsFile';
import { chooseExportPath } from './exportDialog';
import { broadcast, registerContract } from './ipc';
import { applyAppMenu } from './menu';
import { createSafeStorageVault, safeStorageUsable } from './safeStorageVault';
import { denyAllPermissions, hardenContents } from './security';
import { createElectronUpdater } from './updates';
import { appOrigins, createMainWindow, DEV_SERVER_URL } from './window';

// Campaign Desk — Electron main. Thin wiring only: every rule lives in electron/services.

registerAppSchemePrivileges();
app.enableSandbox();

const windowState = () => createElectronSettingsFile(WINDOW_STATE_FILE_NAME);
let ready = false;

// Another instance owns the data folder: this one quits before building anything that would
// touch it, and the first focuses its window (services/desktop/singleInstance.ts).
runSingleInstance(
  {
    acquire: () => app.requestSingleInstanceLock(),
    quit: () => app.quit(),
    onSecondInstance: (handler) => app.on('second-instance', handler),
  },
  start,
  () => BrowserWindow.getAllWindows(),
  () => {
    if (ready) createMainWindow(windowState());
  },
);

function start(): void {
  // Every web contents (the main window and anything created later) gets the same rules.
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, { appOrigins: appOrigins(), openExternal: (url) => shell.openExternal(url) });
  });

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    const dataDir = app.getPath('userData');
    const keychain = createKeyringVault();
    // The OS keychain first; Electron safeStorage only where no keychain answers (shown in Settings).
    const vault =
      (await keychain.check()) || !safeStorageUsable() ? keychain : createSafeStorageVault(dataDir);
    let menuLanguageChanged = (): void => undefined;
    const core = createCore({
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      settingsFile: createElectronSettingsFile,
      vault,
      allowedOrigins: appOrigins(),
      broadcast: <E extends EventName>(event: E, payload: EventPayload<E>) => {
        broadcast(event, payload);
        if (event === 'prefs:changed') menuLanguageChanged();
      },
      mediaPrefix: `${APP_ORIGIN}/media/`,
      chooseExportPath,
      exclusive: true,
      pushReceiver: true,
      updater: createElectronUpdater,
    });
    const menu = {
      locale: () => core.prefs.get().locale,
      dataDir,
      logFile: core.logFile,
      dev: DEV_SERVER_URL !== undefined,
    };
    menuLanguageChanged = () => applyAppMenu(menu);
    applyAppMenu(menu);
    serveRenderer(fileURLToPath(new URL('../renderer', import.meta.url)), core.media);
    registerContract(core.dispatch);
    stopCleanly(core);
    createMainWindow(windowState());
    ready = true;
    core.updates.start();
  });

  app.on('activate', () => {
    if (ready && BrowserWindow.getAllWindows().length === 0) createMainWindow(windowState());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/**
 * A running upload is paused before quitting: the request in flight gets its answer and the
 * journal says `paused`. The wait is bounded; a quit that cannot wait is a crash, which the
 * journal survives too (the upload then shows as interrupted and resumes). An update
 * downloaded meanwhile installs after this, when nothing runs any more.
 */
function stopCleanly(core: ReturnType<typeof createCore>): void {
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopped = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000));
    void Promise.race([core.close(), timeout]).finally(() => app.quit());
  });
}

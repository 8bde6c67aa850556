import { app, BrowserWindow, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { createCore } from '../services/core/createCore';
import { createKeyringVault } from '../services/vault/keyringVault';
import { APP_ORIGIN, registerAppSchemePrivileges, serveRenderer } from './appProtocol';
import { createElectronSettingsFile } from './electronSettingsFile';
import { electronExportHost } from './exportDialog';
import { broadcast, registerContract } from './ipc';
import { createSafeStorageVault, safeStorageUsable } from './safeStorageVault';
import { denyAllPermissions, hardenContents } from './security';
import { appOrigins, createMainWindow } from './window';

// Campaign Desk — Electron main. Thin wiring only: every rule lives in electron/services.

registerAppSchemePrivileges();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the data folder: it is focused (second-instance) and this one ends
  // without building anything that would touch the folder.
  app.quit();
} else {
  start();
}

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
    const core = createCore({
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      settingsFile: createElectronSettingsFile,
      vault,
      allowedOrigins: appOrigins(),
      broadcast,
      mediaPrefix: `${APP_ORIGIN}/media/`,
      exportHost: electronExportHost,
      exclusive: true,
      pushReceiver: true,
    });
    serveRenderer(fileURLToPath(new URL('../renderer', import.meta.url)), core.media);
    registerContract(core.dispatch);
    stopCleanly(core);
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
}

/**
 * A running upload is paused before quitting: the request in flight gets its answer and the
 * journal says `paused`. The wait is bounded; a quit that cannot wait is a crash, which the
 * journal survives too (the upload then shows as interrupted and resumes).
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

import { app, BrowserWindow, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../services/contract/dispatch';
import { createHandlers } from '../services/core/handlers';
import { registerAppSchemePrivileges, serveRenderer } from './appProtocol';
import { createElectronStorePrefs } from './electronStorePrefs';
import { broadcast, registerContract } from './ipc';
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

void app.whenReady().then(() => {
  serveRenderer(fileURLToPath(new URL('../renderer', import.meta.url)));
  denyAllPermissions(session.defaultSession);

  const prefs = createElectronStorePrefs();
  const handlers = createHandlers({
    appInfo: {
      version: app.getVersion(),
      dataDir: app.getPath('userData'),
      platform: process.platform,
      host: 'electron',
    },
    prefs,
    broadcast,
  });
  registerContract(
    createDispatcher({ handlers, allowedOrigins: appOrigins(), locale: () => prefs.get().locale }),
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

import { BrowserWindow, screen } from 'electron';
import { fileURLToPath } from 'node:url';
import type { SettingsFile } from '../services/settings/settingsFile';
import { createWindowStateStore, restoreWindowState } from '../services/desktop/windowState';
import { APP_ORIGIN } from './appProtocol';

const SIZING = { width: 1280, height: 800, minWidth: 960, minHeight: 600 };

/** The dev server URL electron-vite sets in development; absent in a built app. */
export const DEV_SERVER_URL = process.env.ELECTRON_RENDERER_URL;

/** Origins whose top frame may call the contract and navigate inside the app. */
export function appOrigins(): string[] {
  return DEV_SERVER_URL ? [APP_ORIGIN, new URL(DEV_SERVER_URL).origin] : [APP_ORIGIN];
}

/**
 * Creates the main window with the security baseline of design.md (its navigation rules are
 * applied to every web contents in index.ts), where it was last time when that is on a display
 * (services/desktop/windowState.ts), and remembers where it is moved.
 */
export function createMainWindow(stateFile: SettingsFile): BrowserWindow {
  const store = createWindowStateStore(stateFile);
  const areas = screen.getAllDisplays().map((display) => display.workArea);
  const primary = screen.getPrimaryDisplay().workArea;
  const state = restoreWindowState(store.load(), [primary, ...areas], SIZING);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: SIZING.minWidth,
    minHeight: SIZING.minHeight,
    show: false,
    title: 'Campaign Desk',
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  const remember = () => {
    if (!window.isDestroyed() && !window.isMinimized() && !window.isFullScreen()) {
      store.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    }
  };
  window.on('resized', remember);
  window.on('moved', remember);
  window.on('maximize', remember);
  window.on('unmaximize', remember);
  window.on('close', remember);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(DEV_SERVER_URL ?? `${APP_ORIGIN}/index.html`);
  return window;
}

import { app, BrowserWindow, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { dirname } from 'node:path';
import type { Locale } from '../../shared/locale';
import { aboutText, APP_NAMES, buildMenuTemplate } from '../services/desktop/menu';

export interface MenuContext {
  locale: () => Locale;
  dataDir: string;
  logFile: string;
  dev: boolean;
}

/** Sets the application menu in the current language (call again when the language changes). */
export function applyAppMenu(context: MenuContext): void {
  const locale = context.locale();
  const template = buildMenuTemplate({
    platform: process.platform,
    locale,
    appName: APP_NAMES[locale],
    dev: context.dev,
    actions: {
      about: () => void showAbout(context),
      openDataFolder: () => void shell.openPath(context.dataDir),
      openLogFolder: () => void shell.openPath(dirname(context.logFile)),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as unknown as MenuItemConstructorOptions[]));
}

async function showAbout(context: MenuContext): Promise<void> {
  const text = aboutText(context.locale(), {
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
    dataDir: context.dataDir,
    logFile: context.logFile,
  });
  const options = {
    type: 'info' as const,
    title: text.title,
    message: text.message,
    detail: text.detail,
    buttons: [text.button],
  };
  const window = BrowserWindow.getFocusedWindow();
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

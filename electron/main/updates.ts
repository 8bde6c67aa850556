import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { Updater } from '../services/desktop/updates';
import type { Logger } from '../services/log';

/**
 * electron-updater's autoUpdater as the update service's adapter, or null where the app
 * cannot update itself (an unpacked development build, Linux: no installer is shipped there).
 * When to check, download and install is decided in services/desktop/updates.ts.
 */
export function createElectronUpdater(log: Logger): Updater | null {
  if (!app.isPackaged || (process.platform !== 'win32' && process.platform !== 'darwin')) return null;
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.logger = {
    info: (message?: unknown) => log.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => log.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => log.warn(`updater: ${String(message)}`),
    debug: () => undefined,
  };
  return {
    setFeedUrl: (url) => autoUpdater.setFeedURL({ provider: 'generic', url }),
    async check() {
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? result.updateInfo.version : null;
    },
    async download(onProgress) {
      const listener = (progress: { percent: number }) => onProgress(progress.percent);
      autoUpdater.on('download-progress', listener);
      try {
        await autoUpdater.downloadUpdate();
      } finally {
        autoUpdater.off('download-progress', listener);
      }
    },
    setInstallOnQuit: (enabled) => {
      autoUpdater.autoInstallOnAppQuit = enabled;
    },
    quitAndInstall: () => autoUpdater.quitAndInstall(false, true),
  };
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../electron/services/log';

// main/updates.ts adapts electron-updater; both `electron` and `electron-updater` are stood in
// for here, since neither runs outside Electron.
const electron = vi.hoisted(() => ({ app: { isPackaged: true } }));
const updater = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  return Object.assign(new EventEmitter(), {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowPrerelease: true,
    allowDowngrade: true,
    logger: null as unknown,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(),
    downloadUpdate: vi.fn(),
    quitAndInstall: vi.fn(),
  });
});
vi.mock('electron', () => ({ app: electron.app }));
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater } }));

const { createElectronUpdater } = await import('../../../electron/main/updates');
const log: Logger = { debug: () => undefined, info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('the electron-updater adapter', () => {
  beforeEach(() => {
    electron.app.isPackaged = true;
    updater.removeAllListeners();
  });

  const platform = Object.getOwnPropertyDescriptor(process, 'platform') as PropertyDescriptor;
  afterEach(() => {
    Object.defineProperty(process, 'platform', platform);
  });
  const onPlatform = (value: NodeJS.Platform) =>
    Object.defineProperty(process, 'platform', { ...platform, value });

  it('is absent in a development build and on Linux', () => {
    onPlatform('darwin');
    electron.app.isPackaged = false;
    expect(createElectronUpdater(log)).toBeNull();
    electron.app.isPackaged = true;
    onPlatform('linux');
    expect(createElectronUpdater(log)).toBeNull();
  });

  it('leaves downloading and installing to the service, on a generic feed', async () => {
    onPlatform('win32');
    const adapter = createElectronUpdater(log);
    expect(adapter).not.toBeNull();
    expect(updater).toMatchObject({
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: false,
    });
    adapter?.setFeedUrl('https://updates.example.com/cd/');
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://updates.example.com/cd/',
    });

    updater.checkForUpdates.mockResolvedValueOnce({
      isUpdateAvailable: true,
      updateInfo: { version: '0.2.0' },
    });
    await expect(adapter?.check()).resolves.toBe('0.2.0');
    updater.checkForUpdates.mockResolvedValueOnce({
      isUpdateAvailable: false,
      updateInfo: { version: '0.1.0' },
    });
    await expect(adapter?.check()).resolves.toBeNull();
    updater.checkForUpdates.mockResolvedValueOnce(null);
    await expect(adapter?.check()).resolves.toBeNull();

    const seen: number[] = [];
    updater.downloadUpdate.mockImplementationOnce(async () => {
      updater.emit('download-progress', { percent: 40 });
      updater.emit('download-progress', { percent: 100 });
      return [];
    });
    await adapter?.download((percent) => seen.push(percent));
    expect(seen).toEqual([40, 100]);
    expect(updater.listenerCount('download-progress')).toBe(0);

    adapter?.setInstallOnQuit(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    adapter?.quitAndInstall();
    expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true);
  });
});

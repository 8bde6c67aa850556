import { join } from 'node:path';

/** The folder name Electron derives from `productName` for `app.getPath('userData')`. */
export const APP_FOLDER_NAME = 'Campaign Desk';

/**
 * The app's data folder, computed the way Electron computes `userData`, so the CLI run
 * without `--data-dir` works on the same lists and preferences as the desktop app.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  home: string,
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  }
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}

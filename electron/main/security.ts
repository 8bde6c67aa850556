import type { Session, WebContents } from 'electron';
import { isExternalAllowed, isNavigationAllowed } from '../services/security/policy';

/** The slice of WebContents the hooks need; a fake of it is enough for unit tests. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
export type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export interface HardenOptions {
  appOrigins: readonly string[];
  openExternal: (url: string) => Promise<void> | void;
}

/**
 * Applies the navigation and window-open rules to one web contents: navigation stays inside the
 * app, new windows are never created, and allow-listed https links open in the system browser.
 */
export function hardenContents(contents: HardenableContents, options: HardenOptions): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, options.appOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, options.appOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalAllowed(url)) void options.openExternal(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request (camera, notifications, geolocation, …) and check. */
export function denyAllPermissions(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

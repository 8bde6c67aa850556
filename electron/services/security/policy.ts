import { originOf } from '../contract/sender';

/**
 * Decisions for the window's security hooks, kept free of Electron so they are unit-tested.
 * Electron main applies them in `electron/main/security.ts`.
 */

/**
 * Hosts the app may open in the system browser (vendor consoles and documentation). Anything
 * else a page tries to open or navigate to is simply refused.
 */
export const EXTERNAL_ALLOW_LIST: readonly string[] = [
  'www.sobot.com',
  'icall.sobot.com',
  'support.huaweicloud.com',
];

/** In-app navigation is allowed only within the app's own origins (the SPA uses hash routes). */
export function isNavigationAllowed(url: string, appOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && appOrigins.includes(origin);
}

/** True for https URLs on an allow-listed host: those open in the system browser. */
export function isExternalAllowed(url: string, allowList: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && allowList.includes(parsed.hostname);
  } catch {
    return false;
  }
}

import type { AppInfo } from '../../../shared/contract';
import { createDispatcher, type Broadcast, type Dispatch } from '../contract/dispatch';
import type { Logger } from '../log';
import { createJsonFilePrefs } from '../prefs/jsonFilePrefs';
import type { PrefsStore } from '../prefs/store';
import { readAppVersion } from '../version';
import { createHandlers } from './handlers';

export interface NodeHostOptions {
  dataDir: string;
  host: AppInfo['host'];
  allowedOrigins: readonly string[];
  broadcast: Broadcast;
  log?: Logger;
}

export interface NodeHost {
  prefs: PrefsStore;
  dispatch: Dispatch;
}

/**
 * Everything a host without Electron (the browser harness) needs to serve the contract:
 * the same handlers as the desktop app over file-backed stores in `dataDir`.
 */
export function createNodeHost(options: NodeHostOptions): NodeHost {
  const prefs = createJsonFilePrefs(options.dataDir);
  const handlers = createHandlers({
    appInfo: {
      version: readAppVersion(),
      dataDir: options.dataDir,
      platform: process.platform,
      host: options.host,
    },
    prefs,
    broadcast: options.broadcast,
  });
  const dispatch = createDispatcher({
    handlers,
    allowedOrigins: options.allowedOrigins,
    locale: () => prefs.get().locale,
    ...(options.log ? { log: options.log } : {}),
  });
  return { prefs, dispatch };
}

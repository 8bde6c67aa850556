import type { Prefs } from '../prefs';
import { prefsPatchSchema } from '../schemas/prefs';
import { noInput, shape } from './shape';

/** What `app:info` answers. */
export interface AppInfo {
  /** The app version from package.json. */
  version: string;
  /** Where lists, recordings and preferences are kept on this machine. */
  dataDir: string;
  /** `win32`, `darwin`, `linux`. */
  platform: string;
  /** Which host serves the contract: the desktop app, the browser test harness, or the CLI. */
  host: 'electron' | 'harness' | 'cli';
}

export const appCalls = {
  /** Version, data folder and platform, for the About box and bug reports. */
  'app:info': { input: noInput, output: shape<AppInfo>() },
  /** The stored UI preferences (defaults filled in). */
  'prefs:get': { input: noInput, output: shape<Prefs>() },
  /** Changes some preferences; answers the full preferences after the change. */
  'prefs:set': { input: prefsPatchSchema, output: shape<Prefs>() },
} as const;

export const appEvents = {
  /** Preferences changed (in this window or another one). */
  'prefs:changed': shape<Prefs>(),
} as const;

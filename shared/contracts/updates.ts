import type { UpdateState } from '../updates';
import { noInput, shape } from './shape';

/** Updates of the installed app; turned on and pointed at a feed with `prefs:set`. */
export const updateCalls = {
  /** Where the updater is. */
  'updates:state': { input: noInput, output: shape<UpdateState>() },
  /** Checks the feed now (and downloads a newer version in the background). */
  'updates:check': { input: noInput, output: shape<UpdateState>() },
  /** Quits and installs the downloaded version; refused while an upload or import runs. */
  'updates:install': { input: noInput, output: shape<UpdateState>() },
} as const;

export const updateEvents = {
  /** The updater moved (checking, download progress, ready, failed). */
  'updates:changed': shape<UpdateState>(),
} as const;

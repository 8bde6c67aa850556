import type { Prefs, PrefsPatch } from '../../../shared/prefs';

/**
 * Where UI preferences live. The desktop app backs it with electron-store; the CLI and the
 * harness with a JSON file in the data folder. Never holds secrets.
 */
export interface PrefsStore {
  get(): Prefs;
  /** Applies a validated patch and answers the full preferences after it. */
  set(patch: PrefsPatch): Prefs;
}

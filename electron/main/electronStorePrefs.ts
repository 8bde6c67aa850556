import Store from 'electron-store';
import type { Prefs, PrefsPatch } from '../../shared/prefs';
import { sanitizePrefs } from '../../shared/schemas/prefs';
import type { PrefsStore } from '../services/prefs/store';

/** Preferences in electron-store (`config.json` in the data folder). Never secrets. */
export function createElectronStorePrefs(): PrefsStore {
  const store = new Store<{ prefs: Prefs }>({ name: 'preferences', clearInvalidConfig: true });
  return {
    get: () => sanitizePrefs(store.get('prefs')),
    set(patch: PrefsPatch): Prefs {
      const next = { ...sanitizePrefs(store.get('prefs')), ...patch };
      store.set('prefs', next);
      return next;
    },
  };
}

import { create } from 'zustand';
import { DEFAULT_PREFS, type Prefs, type PrefsPatch } from '../../../shared/prefs';
import type { AppError } from '../../../shared/result';

interface PrefsState {
  prefs: Prefs;
  /** False until main has answered `prefs:get` once. */
  loaded: boolean;
  /** The last failure, shown in a banner until dismissed. */
  error: AppError | null;
  load(): Promise<void>;
  /** Applies a change at once and rolls it back if main refuses it. */
  update(patch: PrefsPatch): Promise<void>;
  dismissError(): void;
}

export const usePrefsStore = create<PrefsState>()((set, get) => ({
  prefs: DEFAULT_PREFS,
  loaded: false,
  error: null,
  async load() {
    const result = await window.api.prefs.get();
    if (result.ok) set({ prefs: result.value, loaded: true });
    else set({ loaded: true, error: result.error });
  },
  async update(patch) {
    const before = get().prefs;
    set({ prefs: { ...before, ...patch } });
    const result = await window.api.prefs.set(patch);
    if (result.ok) set({ prefs: result.value, error: null });
    else set({ prefs: before, error: result.error });
  },
  dismissError: () => set({ error: null }),
}));

/** Keeps the store in step with changes made in another window. Returns the unsubscribe. */
export function followPrefsChanges(): () => void {
  return window.api.prefs.onChanged((prefs) => usePrefsStore.setState({ prefs }));
}

import { create } from 'zustand';
import type { CallList } from '../../../../shared/callList';
import type { AppError } from '../../../../shared/result';

interface ListsStore {
  lists: CallList[] | null;
  error: AppError | null;
  load(): Promise<void>;
  dismissError(): void;
}

/** Every call list (without rows), kept fresh by `lists:changed`. */
export const useListsStore = create<ListsStore>()((set) => ({
  lists: null,
  error: null,
  async load() {
    const result = await window.api.lists.all();
    if (result.ok) set({ lists: result.value, error: null });
    else set({ error: result.error });
  },
  dismissError: () => set({ error: null }),
}));

export function followListChanges(): () => void {
  return window.api.lists.onChanged((lists) => useListsStore.setState({ lists }));
}

/** The open list lives in the hash (`#/lists/12`) so reload and back keep it. */
export function openListIdFromHash(hash: string): number | null {
  const match = /^#\/lists\/(\d+)/.exec(hash);
  return match ? Number(match[1]) : null;
}

import { create } from 'zustand';
import type { DncAddResult, DncEntry, DncQuery } from '../../../../shared/dnc';
import type { AppError, Result } from '../../../../shared/result';

export type DncView = NonNullable<DncQuery['scope']>;
export type DncTarget = 'account' | 'all';

interface DncStore {
  entries: DncEntry[];
  total: number;
  scope: DncView;
  search: string;
  page: number;
  pageSize: number;
  loading: boolean;
  error: AppError | null;
  load(): Promise<void>;
  show(change: Partial<Pick<DncStore, 'scope' | 'search' | 'page' | 'pageSize'>>): Promise<void>;
  add(telephones: string[], target: DncTarget, reason: string): Promise<Result<DncAddResult>>;
  importFile(file: File, target: DncTarget): Promise<Result<DncAddResult>>;
  remove(ids: number[]): Promise<Result<number>>;
  dismissError(): void;
}

/** The do-not-call screen's state: one page of entries as main answers it (filtered in SQLite). */
export const useDncStore = create<DncStore>()((set, get) => {
  const reloadAfter = async <T>(result: Result<T>): Promise<Result<T>> => {
    if (result.ok) await get().load();
    else set({ error: result.error });
    return result;
  };
  return {
    entries: [],
    total: 0,
    scope: 'both',
    search: '',
    page: 1,
    pageSize: 50,
    loading: false,
    error: null,
    async load() {
      const { scope, search, page, pageSize } = get();
      set({ loading: true });
      const result = await window.api.dnc.list({
        scope,
        ...(search.trim() ? { search: search.trim() } : {}),
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      if (result.ok)
        set({ entries: result.value.entries, total: result.value.total, loading: false, error: null });
      else set({ loading: false, error: result.error });
    },
    async show(change) {
      const resetsPage = change.scope !== undefined || change.search !== undefined;
      set({ ...change, ...(resetsPage ? { page: 1 } : {}) });
      await get().load();
    },
    add: async (telephones, target, reason) =>
      reloadAfter(
        await window.api.dnc.add({ telephones, target, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
      ),
    async importFile(file, target) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const staged = await window.api.lists.stage({ name: file.name, bytes });
      if (!staged.ok) {
        set({ error: staged.error });
        return staged;
      }
      return reloadAfter(await window.api.dnc.import({ stagedId: staged.value.stagedId, target }));
    },
    remove: async (ids) => reloadAfter(await window.api.dnc.remove({ ids })),
    dismissError: () => set({ error: null }),
  };
});

/** Keeps the screen current when entries change elsewhere (a review, a list, the CLI's host). */
export function subscribeDncChanges(): () => void {
  return window.api.dnc.onChanged(() => void useDncStore.getState().load());
}

/** Numbers typed or pasted: one per line, or separated by commas, semicolons, tabs or spaces. */
export function splitNumbers(text: string): string[] {
  return text
    .split(/[\r\n,;，；\t]+/)
    .map((value) => value.trim())
    .filter(Boolean);
}

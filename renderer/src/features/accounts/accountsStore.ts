import { create } from 'zustand';
import type { AccountDraft, AccountsState, ConnectionReport } from '../../../../shared/accounts';
import type { ProviderCapabilities } from '../../../../shared/providers';
import type { AppError, Result } from '../../../../shared/result';

/** What the last "test connection" of an account showed. */
export type TestOutcome =
  { status: 'running' } | { status: 'ok'; report: ConnectionReport } | { status: 'error'; error: AppError };

interface AccountsStore {
  state: AccountsState | null;
  error: AppError | null;
  tests: Record<string, TestOutcome>;
  load(): Promise<void>;
  save(draft: AccountDraft): Promise<Result<{ id: string; state: AccountsState }>>;
  remove(id: string): Promise<void>;
  use(id: string): Promise<void>;
  test(id: string): Promise<void>;
  dismissError(): void;
}

export const useAccountsStore = create<AccountsStore>()((set, get) => {
  /** Applies an answer that carries the new accounts state, or shows its error. */
  const apply = (result: Result<AccountsState>): void => {
    if (result.ok) set({ state: result.value, error: null });
    else set({ error: result.error });
  };
  return {
    state: null,
    error: null,
    tests: {},
    async load() {
      apply(await window.api.accounts.list());
    },
    async save(draft) {
      const result = await window.api.accounts.save(draft);
      if (result.ok) {
        const { [result.value.id]: _stale, ...tests } = get().tests;
        set({ state: result.value.state, error: null, tests });
      }
      return result;
    },
    async remove(id) {
      apply(await window.api.accounts.remove({ id }));
    },
    async use(id) {
      apply(await window.api.accounts.use({ id }));
    },
    async test(id) {
      set({ tests: { ...get().tests, [id]: { status: 'running' } } });
      const result = await window.api.accounts.test({ id });
      const outcome: TestOutcome = result.ok
        ? { status: 'ok', report: result.value }
        : { status: 'error', error: result.error };
      set({ tests: { ...get().tests, [id]: outcome } });
    },
    dismissError: () => set({ error: null }),
  };
});

/** Keeps every window's accounts in step (another window, or the CLI through the same host). */
export function followAccountChanges(): () => void {
  return window.api.accounts.onChanged((state) => useAccountsStore.setState({ state }));
}

/**
 * What the active account's provider can do (null until the accounts are loaded). Screens show
 * only what it allows.
 */
export function useCapabilities(): ProviderCapabilities | null {
  return useAccountsStore((store) => {
    const state = store.state;
    if (!state) return null;
    const active = state.accounts.find((account) => account.id === state.activeId);
    return state.providers.find((provider) => provider.id === active?.provider)?.capabilities ?? null;
  });
}

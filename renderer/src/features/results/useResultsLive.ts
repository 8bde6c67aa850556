import { useEffect } from 'react';
import { useAccountsStore } from '../accounts/accountsStore';
import { useResultsStore } from './resultsStore';

/**
 * Keeps the Results screen current: sources on entry and after an account switch, sync
 * progress as main reports it, and the table again when a sync or a push stored calls.
 */
export function useResultsLive(): void {
  const activeId = useAccountsStore((store) => store.state?.activeId ?? null);
  useEffect(() => {
    const store = useResultsStore.getState();
    store.setSource(null);
    void store.loadSources();
  }, [activeId]);
  useEffect(
    () => window.api.sync.onProgress((progress) => useResultsStore.getState().onProgress(progress)),
    [],
  );
  useEffect(
    () =>
      window.api.results.onChanged(({ taskId }) => {
        const store = useResultsStore.getState();
        const source = store.source;
        if (source?.kind === 'list' || (source?.kind === 'task' && source.taskId === taskId)) store.refresh();
        void store.loadSources();
      }),
    [],
  );
}

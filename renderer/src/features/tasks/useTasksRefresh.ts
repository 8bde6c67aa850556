import { useCallback, useEffect, useRef } from 'react';
import { useAccountsStore } from '../accounts/accountsStore';
import { useTasksStore } from './tasksStore';

/** How often the list is read while the screen is visible. */
export const LIST_REFRESH_MS = 4_000;
/** How often the selected task's chart is read (each read is up to 30 requests per 15 tasks). */
export const STATS_REFRESH_MS = 30_000;
/** The chart is also read when the selected task's dialled count moves, but not more often than this. */
export const STATS_MIN_GAP_MS = 5_000;

const visible = (): boolean => document.visibilityState === 'visible';

/** Calls `refresh` now, every `ms` while the document is visible, and when it becomes visible. */
function useVisibleInterval(refresh: (() => void) | null, ms: number): void {
  useEffect(() => {
    if (!refresh) return;
    refresh();
    const timer = window.setInterval(() => {
      if (visible()) refresh();
    }, ms);
    const onVisibility = (): void => {
      if (visible()) refresh();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [refresh, ms]);
}

/**
 * Keeps the Tasks screen current: the active account's list every few seconds while the
 * screen is visible, at once after an account switch (accounts:changed) or a change made in
 * another window (tasks:changed), and the selected task's chart less often.
 */
export function useTasksRefresh(): void {
  const activeId = useAccountsStore((store) => store.state?.activeId ?? null);
  const selectedId = useTasksStore((store) => store.selectedId);

  // A new function per account: the interval restarts, and the first read is immediate.
  const refreshList = useCallback(() => {
    if (activeId === null) return;
    const store = useTasksStore.getState();
    if (store.accountId !== null && store.accountId !== activeId) store.reset();
    void store.load();
  }, [activeId]);
  useVisibleInterval(activeId === null ? null : refreshList, LIST_REFRESH_MS);

  useEffect(() => window.api.tasks.onChanged(() => void useTasksStore.getState().load()), []);

  const lastStats = useRef(0);
  const refreshStats = useCallback(() => {
    if (selectedId === null) return;
    lastStats.current = Date.now();
    void useTasksStore.getState().loadStats(selectedId);
  }, [selectedId]);
  useVisibleInterval(selectedId === null ? null : refreshStats, STATS_REFRESH_MS);

  // Calls completed since the chart was read: read it again, at most every few seconds.
  const dialled = useTasksStore(
    (store) => store.tasks.find((t) => t.id === store.selectedId)?.counts.dialled,
  );
  useEffect(() => {
    if (dialled !== undefined && Date.now() - lastStats.current >= STATS_MIN_GAP_MS) refreshStats();
  }, [dialled, refreshStats]);
}

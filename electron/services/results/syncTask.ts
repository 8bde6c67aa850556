import { refreshStatistics } from '../db/database';
import type { SyncProgress, SyncReport } from '../../../shared/results';
import type { Provider } from '../providers/types';
import type { CallStore } from './callStore';
import type { SyncCursorStore } from './cursors';

/**
 * How the sync window is chosen.
 *
 * - `overlapMs`: the provider files a call under its start_time but reports it only once it has
 *   ended, so a call still ringing when a window is read shows up later *inside that window*.
 *   Every window therefore begins `overlapMs` before the last one's end (longer than any call);
 *   the overlap's calls come again and are deduplicated by call id.
 * - `endMarginMs`: the window's end is now plus a margin, never exactly now: a provider whose
 *   clock runs ahead of ours (the sandbox's fast clock stamps calls in our future) would
 *   otherwise have calls the window cannot see. Asking for a future instant costs nothing.
 * - `firstWindowMs`: how far back the first sync of a task looks.
 */
export interface SyncWindowOptions {
  overlapMs: number;
  endMarginMs: number;
  firstWindowMs: number;
}

export const DEFAULT_SYNC_WINDOW: SyncWindowOptions = {
  overlapMs: 30 * 60_000,
  endMarginMs: 24 * 3_600_000,
  firstWindowMs: 180 * 24 * 3_600_000,
};

export interface SyncTaskDeps {
  provider: Provider;
  calls: CallStore;
  cursors: SyncCursorStore;
  now: () => number;
  window?: SyncWindowOptions;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

/**
 * Pulls one task's results since its cursor from the provider, page by page, storing
 * each page in its own transaction as it arrives. The cursor moves only as far as is safe:
 * after a complete walk to `syncStart − overlap`; after a cancel or a failure to just before
 * the newest call of the pages stored so far (pages come oldest first), so the next sync
 * resumes there instead of starting over, and nothing in between is skipped.
 */
export async function syncTask(accountId: string, taskId: string, deps: SyncTaskDeps): Promise<SyncReport> {
  const window = deps.window ?? DEFAULT_SYNC_WINDOW;
  const started = deps.now();
  const saved = deps.cursors.get(accountId, taskId);
  const from = saved ? saved.cursor : started - window.firstWindowMs;
  const to = started + window.endMarginMs;
  const progress: SyncProgress = {
    accountId,
    taskId,
    phase: 'running',
    page: 0,
    pageCount: 0,
    totalCalls: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
  };
  let newestStored = from;
  let pages = 0;
  const emit = (): void => deps.onProgress?.({ ...progress });
  const report = (complete: boolean): SyncReport => {
    const { added, updated, unchanged } = progress;
    return { taskId, from, to, added, updated, unchanged, pages, complete };
  };
  emit();
  const walk = deps.provider.results(taskId, { from, to }, deps.signal ? { signal: deps.signal } : {});
  try {
    for await (const page of walk) {
      const counts = deps.calls.ingest(page.calls, { accountId, taskId, now: deps.now() });
      pages++;
      progress.page = pages;
      progress.pageCount = page.pageCount;
      progress.totalCalls = page.totalCalls;
      progress.added += counts.added;
      progress.updated += counts.updated;
      progress.unchanged += counts.unchanged;
      for (const call of page.calls) {
        if (call.startedAt && call.startedAt > newestStored) newestStored = call.startedAt;
      }
      emit();
    }
  } catch (error) {
    // Keep what was stored: resume just before the newest stored call (never past the start).
    // Nothing stored (a wrong task id, no network): leave no cursor behind for it.
    if (pages > 0) {
      const resume = Math.max(from, Math.min(newestStored, started) - window.overlapMs);
      deps.cursors.save(accountId, taskId, resume, false);
    }
    progress.phase = deps.signal?.aborted ? 'cancelled' : 'failed';
    emit();
    if (deps.signal?.aborted) {
      return report(false);
    }
    throw error;
  }
  deps.cursors.save(accountId, taskId, Math.max(from, started - window.overlapMs), true, started);
  deps.calls.joinByTelephone(accountId, taskId);
  if (progress.added > 1000) refreshStatistics(deps.calls.db);
  progress.phase = 'done';
  emit();
  return report(true);
}

import { refreshStatistics } from '../db/database';
import type { SyncProgress, SyncReport } from '../../../shared/results';
import type { Provider, ProviderCall } from '../providers/types';
import type { CallStore, IngestContext, IngestCounts } from './callStore';
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

/**
 * Where a sync's pages are stored: on this thread's CallStore, or on the database worker (the
 * app's hosts), so storing 3,000 calls never stalls the thread that answers the contract.
 */
export interface SyncWriter {
  ingest(calls: readonly ProviderCall[], context: IngestContext): Promise<IngestCounts>;
  /** After a complete walk: rows joined by telephone through the linked list, statistics refreshed. */
  finish(accountId: string, taskId: string, analyse: boolean): Promise<void>;
}

/** A sync's pages stored on this thread. */
export function localSyncWriter(calls: CallStore): SyncWriter {
  return {
    ingest: (page, context) => Promise.resolve(calls.ingest(page, context)),
    finish(accountId, taskId, analyse) {
      finishSync(calls, accountId, taskId, analyse);
      return Promise.resolve();
    },
  };
}

/** The end of a complete sync on the connection that stored it. */
export function finishSync(calls: CallStore, accountId: string, taskId: string, analyse: boolean): void {
  calls.joinByTelephone(accountId, taskId);
  if (analyse) refreshStatistics(calls.db);
}

export interface SyncTaskDeps {
  provider: Provider;
  calls: CallStore;
  /** Where pages are stored (the database worker in the app); by default `calls` on this thread. */
  writer?: SyncWriter;
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
  const writer = deps.writer ?? localSyncWriter(deps.calls);
  const walk = deps.provider.results(taskId, { from, to }, deps.signal ? { signal: deps.signal } : {});
  try {
    for await (const page of walk) {
      const counts = await writer.ingest(page.calls, { accountId, taskId, now: deps.now() });
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
  await writer.finish(accountId, taskId, progress.added > 1000);
  progress.phase = 'done';
  emit();
  return report(true);
}

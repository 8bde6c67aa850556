import { useT } from '../../i18n/useT';
import { useResultsStore } from './resultsStore';

/** The Sync button of a task, its progress while it runs, and cancel. */
export function SyncControl() {
  const t = useT();
  const source = useResultsStore((store) => store.source);
  const progress = useResultsStore((store) => store.progress);
  const option = useResultsStore((store) =>
    store.sources.find(
      (s) => s.source.kind === 'task' && source?.kind === 'task' && s.source.taskId === source.taskId,
    ),
  );
  if (source?.kind !== 'task') return null;
  const running = progress?.phase === 'running';
  const { sync, cancelSync } = useResultsStore.getState();
  let status = option?.syncedAt
    ? t('results.sync.last', { when: new Date(option.syncedAt).toLocaleString() })
    : t('results.sync.never');
  if (progress?.phase === 'running') {
    status = t('results.sync.running', {
      page: progress.page,
      pages: Math.max(progress.pageCount, progress.page),
      added: progress.added,
    });
  } else if (progress?.phase === 'done') {
    status = t('results.sync.done', { added: progress.added, updated: progress.updated });
  } else if (progress?.phase === 'cancelled') {
    status = t('results.sync.cancelled', { added: progress.added });
  }
  return (
    <div className="sync-control">
      {running ? (
        <button type="button" onClick={() => void cancelSync()}>
          {t('results.sync.cancel')}
        </button>
      ) : (
        <button type="button" className="primary" onClick={() => void sync()}>
          {t('results.sync')}
        </button>
      )}
      {running && (
        <progress
          max={Math.max(1, progress.pageCount)}
          value={progress.page}
          aria-label={t('results.sync')}
        />
      )}
      <span className="muted" role="status">
        {status}
      </span>
    </div>
  );
}

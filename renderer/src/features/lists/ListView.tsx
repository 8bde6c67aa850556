import { useEffect } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n/useT';
import { CallGrid } from './CallGrid';
import { useGridStore } from './gridStore';
import { ListToolbar } from './ListToolbar';
import { ProblemsPanel } from './ProblemsPanel';

/** One open list: its toolbar, the grid and the problems panel. */
export function ListView({ listId }: { listId: number }) {
  const t = useT();
  const list = useGridStore((state) => state.list);
  const shown = useGridStore((state) => state.viewIds.length);
  const error = useGridStore((state) => state.error);
  const dismissError = useGridStore((state) => state.dismissError);
  const open = useGridStore((state) => state.open);

  useEffect(() => {
    void open(listId);
  }, [listId, open]);

  return (
    <div className="list-view">
      <div className="list-heading">
        <a href="#/lists">{t('lists.back')}</a>
        <h1>{list?.name ?? '…'}</h1>
        {list && (
          <span className="muted">
            {t('grid.rowsShown', { shown, total: list.rowCount })} · {t('lists.col.valid')} {list.validCount}
          </span>
        )}
      </div>
      {error && <ErrorBanner error={error} onDismiss={dismissError} />}
      <ListToolbar />
      <p className="muted grid-hint">{t('grid.editHint')}</p>
      <div className="list-body">
        <CallGrid />
        <ProblemsPanel />
      </div>
    </div>
  );
}

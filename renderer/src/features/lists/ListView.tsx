import { Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { CallGrid } from './CallGrid';
import { useGridStore } from './gridStore';
import { ListToolbar } from './ListToolbar';
import { ProblemsPanel } from './ProblemsPanel';
import { RemoveRowsDialog } from '../uploads/RemoveRowsDialog';
import { UploadDialog } from '../uploads/UploadDialog';
import { UploadsStrip } from '../uploads/UploadsStrip';
import { useUploadsStore } from '../uploads/uploadsStore';

/** One open list: its toolbar, the grid and the problems panel. */
export function ListView({ listId }: { listId: number }) {
  const t = useT();
  const fmt = useFormat();
  const loading = useGridStore((state) => state.loading);
  const list = useGridStore((state) => state.list);
  const shown = useGridStore((state) => state.viewIds.length);
  const error = useGridStore((state) => state.error);
  const dismissError = useGridStore((state) => state.dismissError);
  const open = useGridStore((state) => state.open);
  const checked = useGridStore((state) => state.checked);
  const checkedIds = useMemo(() => [...checked], [checked]);
  const dialog = useUploadsStore((state) => state.dialog);
  const closeDialog = (): void => useUploadsStore.getState().openDialog(null);

  useEffect(() => {
    void open(listId);
    return () => useUploadsStore.getState().openDialog(null);
  }, [listId, open]);

  return (
    <div className="list-view">
      <div className="list-heading">
        <a href="#/lists">{t('lists.back')}</a>
        <h1>{list?.name ?? '…'}</h1>
        {list && (
          <span className="muted">
            {t('grid.rowsShown', { shown: fmt.number(shown), total: fmt.number(list.rowCount) })} ·{' '}
            {t('lists.col.valid')} {fmt.number(list.validCount)}
          </span>
        )}
      </div>
      {error && <ErrorBanner error={error} onDismiss={dismissError} />}
      <ListToolbar />
      <UploadsStrip listId={listId} />
      <p className="muted grid-hint">{t('grid.editHint')}</p>
      <div className="list-body" aria-busy={loading || undefined}>
        <CallGrid />
        <ProblemsPanel />
        {/* Over the grid, not around it: the grid's height must stay its flex box's. */}
        {loading && (
          <div className="grid-busy" role="status">
            <Spin />
            <span>{t('grid.loading')}</span>
          </div>
        )}
      </div>
      {list?.id === listId && dialog?.kind === 'upload' && (
        <UploadDialog
          list={list}
          checkedRowIds={checkedIds}
          uploadId={dialog.uploadId}
          {...(dialog.taskId ? { taskId: dialog.taskId } : {})}
          onClose={closeDialog}
        />
      )}
      {list?.id === listId && dialog?.kind === 'remove' && (
        <RemoveRowsDialog list={list} rowIds={checkedIds} onClose={closeDialog} />
      )}
    </div>
  );
}

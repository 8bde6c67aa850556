import { useState } from 'react';
import type { CallList } from '../../../../shared/callList';
import type { AppError } from '../../../../shared/result';
import type { RemoveRowsResult } from '../../../../shared/uploads';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/useT';
import { taskName, uploadsOfList, useUploadsStore } from './uploadsStore';

interface RemoveRowsDialogProps {
  list: CallList;
  rowIds: readonly number[];
  onClose: () => void;
}

/**
 * Removes ticked rows from a task this list was uploaded into (delete_task_data, 100 per request
 * in main). Only rows the journal shows accepted on that task are removed; the rest are counted.
 */
export function RemoveRowsDialog({ list, rowIds, onClose }: RemoveRowsDialogProps) {
  const t = useT();
  const summaries = useUploadsStore((state) => state.summaries);
  const tasks = useUploadsStore((state) => state.tasks);
  const taskIds = [
    ...new Set(
      uploadsOfList(summaries, list.id)
        .filter((u) => u.outcome.accepted > 0)
        .map((u) => u.taskId),
    ),
  ];
  const [taskId, setTaskId] = useState(taskIds[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<RemoveRowsResult | null>(null);

  const remove = async (): Promise<void> => {
    setBusy(true);
    const result = await window.api.uploads.removeRows({ listId: list.id, taskId, rowIds: [...rowIds] });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone(result.value);
    void useUploadsStore.getState().loadForList(list.id);
  };

  return (
    <Modal title={t('uploads.remove.title')} onClose={onClose} className="upload-remove">
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {taskIds.length === 0 ? (
        <p className="notice">{t('uploads.remove.none')}</p>
      ) : (
        <>
          <p className="form-hint">{t('uploads.remove.hint')}</p>
          <div className="form-field">
            <label htmlFor="remove-task">{t('uploads.task')}</label>
            <select
              id="remove-task"
              value={taskId}
              onChange={(e) => setTaskId(e.target.value)}
              disabled={busy}
            >
              {taskIds.map((id) => (
                <option key={id} value={id}>
                  {taskName(tasks, id)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {busy && <p className="muted">{t('uploads.remove.working')}</p>}
      {done && (
        <p className="notice" role="status">
          {t('uploads.remove.done', { removed: done.removed, notOnTask: done.notOnTask })}
        </p>
      )}
      <div className="form-actions">
        {taskIds.length > 0 && !done && (
          <button type="button" className="danger" disabled={busy || !taskId} onClick={() => void remove()}>
            {t('uploads.remove.confirm', { count: rowIds.length })}
          </button>
        )}
        <button type="button" onClick={onClose} autoFocus>
          {t('uploads.close')}
        </button>
      </div>
    </Modal>
  );
}

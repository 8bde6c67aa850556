import { useEffect, useState } from 'react';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/useT';
import { useListsStore } from '../lists/listsStore';
import { useUploadsStore } from './uploadsStore';

/**
 * "Push a list…" from a task: choose one of the call lists, and its view opens with the push
 * dialog already pointed at this task (the task-first way into the same dialog).
 */
export function PushListButton({ taskId, disabled }: { taskId: string; disabled: boolean }) {
  const t = useT();
  const [choosing, setChoosing] = useState(false);
  return (
    <>
      <button type="button" disabled={disabled} onClick={() => setChoosing(true)}>
        {t('uploads.fromTask.open')}
      </button>
      {choosing && <ListChooser taskId={taskId} onClose={() => setChoosing(false)} />}
    </>
  );
}

function ListChooser({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const t = useT();
  const lists = useListsStore((state) => state.lists);
  const [listId, setListId] = useState<number | null>(null);
  useEffect(() => {
    void useListsStore.getState().load();
  }, []);
  useEffect(() => {
    if (listId === null && lists && lists.length > 0) setListId(lists[0]!.id);
  }, [lists, listId]);

  const go = (): void => {
    if (listId === null) return;
    useUploadsStore.getState().openDialog({ kind: 'upload', uploadId: null, taskId });
    window.location.hash = `#/lists/${listId}`;
  };

  return (
    <Modal title={t('uploads.fromTask.title')} onClose={onClose}>
      {lists === null ? (
        <p className="muted">{t('loading')}</p>
      ) : lists.length === 0 ? (
        <p className="notice">{t('uploads.fromTask.none')}</p>
      ) : (
        <div className="form-field">
          <label htmlFor="push-list">{t('uploads.fromTask.list')}</label>
          <select
            id="push-list"
            autoFocus
            value={listId ?? ''}
            onChange={(e) => setListId(Number(e.target.value))}
          >
            {lists.map((list) => (
              <option key={list.id} value={list.id}>
                {t('uploads.fromTask.option', { name: list.name, valid: list.validCount })}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={listId === null} onClick={go}>
          {t('uploads.fromTask.next')}
        </button>
        <button type="button" onClick={onClose}>
          {t('uploads.close')}
        </button>
      </div>
    </Modal>
  );
}

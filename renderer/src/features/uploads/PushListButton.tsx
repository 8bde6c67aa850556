import { Alert, Button, Form, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Modal } from '../../components/Modal';
import { inDialog } from '../../components/popupContainer';
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
      <Button disabled={disabled} onClick={() => setChoosing(true)}>
        {t('uploads.fromTask.open')}
      </Button>
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
        <Typography.Text type="secondary">{t('loading')}</Typography.Text>
      ) : lists.length === 0 ? (
        <Alert type="info" showIcon title={t('uploads.fromTask.none')} />
      ) : (
        <Form layout="vertical" component="div" className="push-list-form">
          <Form.Item label={t('uploads.fromTask.list')} htmlFor="push-list">
            <Select<number>
              id="push-list"
              data-testid="push-list"
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              value={listId ?? undefined}
              getPopupContainer={inDialog}
              onChange={setListId}
              options={lists.map((list) => ({
                value: list.id,
                label: t('uploads.fromTask.option', { name: list.name, valid: list.validCount }),
              }))}
            />
          </Form.Item>
        </Form>
      )}
      <Space className="form-actions" wrap>
        <Button type="primary" disabled={listId === null} onClick={go}>
          {t('uploads.fromTask.next')}
        </Button>
        <Button onClick={onClose}>{t('uploads.close')}</Button>
      </Space>
    </Modal>
  );
}

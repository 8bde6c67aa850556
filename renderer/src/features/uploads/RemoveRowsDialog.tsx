import { Alert, Button, Form, Modal, Popconfirm, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { CallList } from '../../../../shared/callList';
import type { AppError } from '../../../../shared/result';
import type { RemoveRowsResult } from '../../../../shared/uploads';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { taskName, uploadsOfList, useUploadsStore } from './uploadsStore';

interface RemoveRowsDialogProps {
  list: CallList;
  rowIds: readonly number[];
  onClose: () => void;
}

/**
 * Removes ticked rows from a task this list was uploaded into (delete_task_data, 100 per request
 * in main), after a confirmation naming the task. Only rows the journal shows accepted on that
 * task are removed; the rest are counted.
 */
export function RemoveRowsDialog({ list, rowIds, onClose }: RemoveRowsDialogProps) {
  const t = useT();
  const fmt = useFormat();
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
  const count = rowIds.length;

  const remove = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await window.api.uploads.removeRows({ listId: list.id, taskId, rowIds: [...rowIds] });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone(result.value);
    void useUploadsStore.getState().loadForList(list.id);
  };

  const footer = (
    <Space>
      {taskIds.length > 0 && !done && (
        <Popconfirm
          title={t('uploads.remove.confirmTitle')}
          description={fmt.plural(
            count,
            { one: t('uploads.remove.confirmText.one'), other: t('uploads.remove.confirmText') },
            { task: taskName(tasks, taskId) },
          )}
          okText={t('uploads.remove.ok')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => void remove()}
        >
          <Button danger type="primary" loading={busy} disabled={!taskId}>
            {fmt.plural(count, { one: t('uploads.remove.confirm.one'), other: t('uploads.remove.confirm') })}
          </Button>
        </Popconfirm>
      )}
      <Button onClick={onClose}>{t('uploads.close')}</Button>
    </Space>
  );

  return (
    // The footer's Close (and Escape) close it: no second, icon-only Close in the corner.
    <Modal
      open
      title={t('uploads.remove.title')}
      onCancel={onClose}
      footer={footer}
      closable={false}
      destroyOnHidden
    >
      <div className="upload-remove">
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        {taskIds.length === 0 ? (
          <Alert type="info" showIcon title={t('uploads.remove.none')} />
        ) : (
          <Form layout="vertical" component="div">
            <Typography.Paragraph type="secondary">{t('uploads.remove.hint')}</Typography.Paragraph>
            <Form.Item label={t('uploads.task')} htmlFor="remove-task">
              <Select<string>
                id="remove-task"
                value={taskId}
                disabled={busy || done !== null}
                onChange={setTaskId}
                options={taskIds.map((id) => ({ value: id, label: taskName(tasks, id) }))}
              />
            </Form.Item>
          </Form>
        )}
        {busy && (
          <div role="status" className="upload-remove-busy">
            <Spin size="small" />{' '}
            <Typography.Text type="secondary">{t('uploads.remove.working')}</Typography.Text>
          </div>
        )}
        {done && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('uploads.remove.done', { removed: done.removed, notOnTask: done.notOnTask })}
          />
        )}
      </div>
    </Modal>
  );
}

import { Button, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/useT';
import { UploadStateTag } from './UploadStateTag';
import { answered, subscribeUploads, taskName, uploadsOfList, useUploadsStore } from './uploadsStore';

const SHOWN = 3;

/**
 * The latest uploads of the open list under its toolbar (an upload goes on when its dialog is
 * closed), each with a button to watch it again. Also keeps this window subscribed to progress.
 */
export function UploadsStrip({ listId }: { listId: number }) {
  const t = useT();
  const summaries = useUploadsStore((state) => state.summaries);
  const progress = useUploadsStore((state) => state.progress);
  const tasks = useUploadsStore((state) => state.tasks);
  const uploads = uploadsOfList(summaries, listId).slice(0, SHOWN);
  const hasUploads = uploads.length > 0;

  useEffect(() => subscribeUploads(), []);
  useEffect(() => {
    void useUploadsStore.getState().loadForList(listId);
  }, [listId]);
  // Task names only once there is something to name (reading tasks costs provider requests).
  useEffect(() => {
    if (hasUploads && useUploadsStore.getState().tasks === null) void useUploadsStore.getState().loadTasks();
  }, [hasUploads]);

  if (!hasUploads) return null;
  return (
    <ul className="uploads-strip" aria-label={t('uploads.strip.label')}>
      {uploads.map((upload) => {
        const { done, total } = answered(upload, progress[upload.id]);
        const task = taskName(tasks, upload.taskId);
        return (
          <li key={upload.id} data-upload={upload.id} data-state={upload.state}>
            <Space size={6} wrap>
              <Typography.Text type="secondary">{t('uploads.strip.task', { task })}</Typography.Text>
              <UploadStateTag state={upload.state} testId="upload-strip-state" />
              <Typography.Text type="secondary" className="uploads-strip-count">
                {t('uploads.strip.count', { done, total })}
              </Typography.Text>
              <Button
                type="link"
                size="small"
                aria-label={t('uploads.strip.viewLabel', { task })}
                onClick={() => useUploadsStore.getState().openDialog({ kind: 'upload', uploadId: upload.id })}
              >
                {t('uploads.strip.view')}
              </Button>
            </Space>
          </li>
        );
      })}
    </ul>
  );
}

import { Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { UploadSummary } from '../../../../shared/uploads';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { UploadStateTag } from './UploadStateTag';
import { subscribeUploads, useUploadsStore } from './uploadsStore';
import './uploads.css';

/**
 * The lists this app pushed into a task (from the upload journal), on the Tasks screen: which
 * list, how far, how many rows the task took and refused; each links to its list.
 */
export function TaskUploads({ taskId }: { taskId: string }) {
  const t = useT();
  const fmt = useFormat();
  const [uploads, setUploads] = useState<UploadSummary[] | null>(null);
  // Any upload's progress or end may concern this task: re-read (cheap, local SQLite).
  const changed = useUploadsStore((state) => state.summaries);

  useEffect(() => subscribeUploads(), []);
  useEffect(() => {
    let live = true;
    void window.api.uploads.forTask({ taskId }).then((result) => {
      if (live && result.ok) setUploads(result.value);
    });
    return () => {
      live = false;
    };
  }, [taskId, changed]);

  if (uploads === null) return null;
  return (
    <section className="task-uploads" aria-labelledby="task-uploads-title">
      <h3 id="task-uploads-title">{t('uploads.task.title')}</h3>
      {uploads.length === 0 ? (
        <Typography.Text type="secondary">{t('uploads.task.empty')}</Typography.Text>
      ) : (
        <Table<UploadSummary>
          size="small"
          rowKey="id"
          pagination={uploads.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          dataSource={uploads}
          columns={[
            {
              key: 'list',
              title: t('uploads.task.col.list'),
              render: (_, upload) => <a href={`#/lists/${upload.listId}`}>{upload.listName}</a>,
            },
            {
              key: 'state',
              title: t('uploads.task.col.state'),
              render: (_, upload) => <UploadStateTag state={upload.state} testId="task-upload-state" />,
            },
            {
              key: 'accepted',
              title: t('uploads.task.col.accepted'),
              align: 'right',
              render: (_, upload) => fmt.number(upload.outcome.accepted),
            },
            {
              key: 'failed',
              title: t('uploads.task.col.failed'),
              align: 'right',
              render: (_, upload) => fmt.number(upload.outcome.failed),
            },
            {
              key: 'when',
              title: t('uploads.task.col.when'),
              render: (_, upload) => fmt.dateTime(upload.createdAt),
            },
          ]}
        />
      )}
    </section>
  );
}

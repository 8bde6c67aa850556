import { useEffect, useState } from 'react';
import type { UploadSummary } from '../../../../shared/uploads';
import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';
import { subscribeUploads, useUploadsStore } from './uploadsStore';
import './uploads.css';

/**
 * The lists this app pushed into a task (from the upload journal), on the Tasks screen: which
 * list, how far, how many rows the task took and refused; each links to its list.
 */
export function TaskUploads({ taskId }: { taskId: string }) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
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
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="task-uploads" aria-labelledby="task-uploads-title">
      <h3 id="task-uploads-title">{t('uploads.task.title')}</h3>
      {uploads.length === 0 ? (
        <p className="muted">{t('uploads.task.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('uploads.task.col.list')}</th>
              <th scope="col">{t('uploads.task.col.state')}</th>
              <th scope="col">{t('uploads.task.col.accepted')}</th>
              <th scope="col">{t('uploads.task.col.failed')}</th>
              <th scope="col">{t('uploads.task.col.when')}</th>
            </tr>
          </thead>
          <tbody>
            {uploads.map((upload) => (
              <tr key={upload.id} data-upload={upload.id}>
                <td>
                  <a href={`#/lists/${upload.listId}`}>{upload.listName}</a>
                </td>
                <td>{t(`uploads.state.${upload.state}`)}</td>
                <td>{upload.outcome.accepted}</td>
                <td>{upload.outcome.failed}</td>
                <td>{when.format(upload.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import type { CallList } from '../../../../shared/callList';
import type { ExportOutcome } from '../../../../shared/exports';
import { useT } from '../../i18n/useT';
import { useResultsStore } from './resultsStore';

/** Export buttons, and for a task the call list its rows came from (for joining calls to rows). */
export function ResultsActions() {
  const t = useT();
  const source = useResultsStore((store) => store.source);
  const linked = useResultsStore(
    (store) =>
      store.sources.find(
        (s) => source?.kind === 'task' && s.source.kind === 'task' && s.source.taskId === source.taskId,
      )?.linkedListId ?? null,
  );
  const [lists, setLists] = useState<CallList[]>([]);
  const [done, setDone] = useState<ExportOutcome | null>(null);
  useEffect(() => {
    void window.api.lists.all().then((result) => result.ok && setLists(result.value));
  }, []);
  if (!source) return null;
  const { exportTo, linkList, loadSources } = useResultsStore.getState();
  const run = async (format: 'xlsx' | 'csv'): Promise<void> => {
    setDone(await exportTo(format));
  };
  return (
    <div className="results-actions">
      {source.kind === 'task' && (
        <label>
          {t('results.link')}
          <select
            value={linked ?? ''}
            onChange={(event) => {
              void linkList(event.target.value === '' ? null : Number(event.target.value)).then(loadSources);
            }}
          >
            <option value="">{t('results.link.none')}</option>
            {lists.map((list) => (
              <option key={list.id} value={list.id}>
                {list.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" onClick={() => void run('xlsx')}>
        {t('results.export.xlsx')}
      </button>
      <button type="button" onClick={() => void run('csv')}>
        {t('results.export.csv')}
      </button>
      {done && done.status !== 'cancelled' && (
        <span className="muted" role="status">
          {t(done.status === 'saved' ? 'results.export.done' : 'results.export.downloaded', {
            rows: done.rows,
            file: done.fileName,
          })}
        </span>
      )}
      {done?.status === 'saved' && done.canReveal && (
        <button type="button" onClick={() => void window.api.exports.reveal({ savedId: done.savedId })}>
          {t('results.export.reveal')}
        </button>
      )}
    </div>
  );
}

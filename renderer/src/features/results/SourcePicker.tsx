import type { ResultsSource } from '../../../../shared/results';
import { useT } from '../../i18n/useT';
import { useResultsStore } from './resultsStore';

const keyOf = (source: ResultsSource): string =>
  source.kind === 'task' ? `task:${source.taskId}` : `list:${source.listId}`;

/** Picks the task (of the active account) or call list whose calls the screen shows. */
export function SourcePicker() {
  const t = useT();
  const sources = useResultsStore((store) => store.sources);
  const source = useResultsStore((store) => store.source);
  const setSource = useResultsStore((store) => store.setSource);
  const option = (kind: ResultsSource['kind']) =>
    sources
      .filter((s) => s.source.kind === kind)
      .map((s) => (
        <option key={keyOf(s.source)} value={keyOf(s.source)}>
          {t('results.source.option', { name: s.name, count: s.callCount })}
        </option>
      ));
  return (
    <label className="results-source">
      {t('results.source')}
      <select
        value={source ? keyOf(source) : ''}
        onChange={(event) =>
          setSource(sources.find((s) => keyOf(s.source) === event.target.value)?.source ?? null)
        }
      >
        <option value="">{t('results.source.pick')}</option>
        <optgroup label={t('results.source.tasks')}>{option('task')}</optgroup>
        <optgroup label={t('results.source.lists')}>{option('list')}</optgroup>
      </select>
    </label>
  );
}

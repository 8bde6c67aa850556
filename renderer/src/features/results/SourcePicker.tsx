import { Select } from 'antd';
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
  const group = (kind: ResultsSource['kind'], name: string) => ({
    label: name,
    title: name,
    options: sources
      .filter((s) => s.source.kind === kind)
      .map((s) => ({
        value: keyOf(s.source),
        label: t('results.source.option', { name: s.name, count: s.callCount }),
      })),
  });
  // A source not (or not yet) offered shows the prompt rather than its raw key.
  const current = source ? keyOf(source) : undefined;
  const shown = sources.some((s) => keyOf(s.source) === current) ? current : undefined;
  return (
    <span className="results-source">
      <label htmlFor="results-source">{t('results.source')}</label>
      <Select<string>
        id="results-source"
        className="results-source-select"
        popupMatchSelectWidth={false}
        // Every option drawn (no virtual list), so each is an option of the listbox for screen readers.
        virtual={false}
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        placeholder={t('results.source.pick')}
        classNames={{ placeholder: 'results-select-prompt' }}
        value={shown}
        onChange={(key) => setSource(sources.find((s) => keyOf(s.source) === key)?.source ?? null)}
        options={[group('task', t('results.source.tasks')), group('list', t('results.source.lists'))]}
      />
    </span>
  );
}

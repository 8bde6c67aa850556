import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { CallList } from '../../../../shared/callList';
import { useT } from '../../i18n/useT';
import { useResultsStore } from './resultsStore';

/** For a task, the call list its rows came from (for joining its calls to their rows). */
export function LinkPicker() {
  const t = useT();
  const source = useResultsStore((store) => store.source);
  const linked = useResultsStore(
    (store) =>
      store.sources.find(
        (s) => source?.kind === 'task' && s.source.kind === 'task' && s.source.taskId === source.taskId,
      )?.linkedListId ?? null,
  );
  const [lists, setLists] = useState<CallList[]>([]);
  useEffect(() => {
    void window.api.lists.all().then((result) => result.ok && setLists(result.value));
  }, []);
  if (source?.kind !== 'task') return null;
  const { linkList, loadSources } = useResultsStore.getState();
  return (
    <span className="results-field results-link">
      <label htmlFor="results-link">{t('results.link')}</label>
      <Select<number | ''>
        id="results-link"
        data-testid="results-link"
        className="results-link-select"
        popupMatchSelectWidth={false}
        virtual={false}
        showSearch={{ optionFilterProp: 'label' }}
        value={linked ?? ''}
        onChange={(value) => void linkList(value === '' ? null : value).then(loadSources)}
        options={[
          { value: '', label: t('results.link.none') },
          ...lists.map((list) => ({ value: list.id, label: list.name })),
        ]}
      />
    </span>
  );
}

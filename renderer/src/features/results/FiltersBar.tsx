import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { callOutcomeLabel } from '../../../../shared/codes/domain';
import { onlyChoice, outcomeChoices } from '../../../../shared/outcomeGroups';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useLocalized } from '../tasks/useLocale';
import { useResultsStore } from './resultsStore';

/** Local midnight of a picked day (epoch ms), `plusDays` later, or undefined. */
function dayStart(value: Dayjs | null, plusDays = 0): number | undefined {
  return value ? value.startOf('day').add(plusDays, 'day').valueOf() : undefined;
}

const secondsOf = (value: string): number | undefined =>
  value === '' ? undefined : Math.max(0, Number(value));

/**
 * Filters by status, intention, talk time, date and transcript text. Every filter runs in
 * SQLite in main; the text filter waits for a pause in typing so each key is not a query.
 */
export function FiltersBar() {
  const t = useT();
  const label = useLocalized();
  const fmt = useFormat();
  const counts = useResultsStore((store) => store.counts);
  const filter = useResultsStore((store) => store.filter);
  const { setFilter, clearFilter } = useResultsStore.getState();
  const [text, setText] = useState(filter.text ?? '');
  const [customer, setCustomer] = useState(filter.customer ?? '');
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [to, setTo] = useState<Dayjs | null>(null);
  useEffect(() => {
    if ((filter.text ?? '') === text) return;
    const timer = window.setTimeout(() => setFilter({ text }), 300);
    return () => window.clearTimeout(timer);
  }, [text, filter.text, setFilter]);
  useEffect(() => {
    if ((filter.customer ?? '') === customer) return;
    const timer = window.setTimeout(() => setFilter({ customer: customer.trim() || undefined }), 300);
    return () => window.clearTimeout(timer);
  }, [customer, filter.customer, setFilter]);
  const intentions = counts?.byIntention.map((i) => i.label) ?? [];
  // The selects pick one; the count chips can pick several, which the selects then say.
  // The outcomes (or the provider's code groups) this source's calls have, and any chosen.
  const offered = counts ? outcomeChoices(counts, filter, callOutcomeLabel) : [];
  const statuses = offered.filter((o) => o.chosen).map((o) => o.key);
  const chosenIntentions = filter.intentions ?? [];
  const status = statuses.length > 1 ? 'many' : statuses[0];
  const intention = chosenIntentions.length > 1 ? '\u0000many' : chosenIntentions[0];

  return (
    <fieldset className="results-filters">
      <legend>{t('results.filter.label')}</legend>
      <label>
        {t('results.filter.status')}
        <select value={status ?? ''} onChange={(e) => setFilter(onlyChoice(e.target.value))}>
          <option value="">{t('results.filter.any')}</option>
          {status === 'many' && (
            <option value="many" disabled>
              {t('results.filter.several', { count: statuses.length })}
            </option>
          )}
          {offered.map((o) => (
            <option key={o.key} value={o.key}>
              {label(o.label)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('results.filter.intention')}
        <select
          value={intention === undefined ? '-' : intention}
          onChange={(e) => setFilter({ intentions: e.target.value === '-' ? [] : [e.target.value] })}
        >
          <option value="-">{t('results.filter.any')}</option>
          {chosenIntentions.length > 1 && (
            <option value={'\u0000many'} disabled>
              {t('results.filter.several', { count: chosenIntentions.length })}
            </option>
          )}
          {[...new Set([...intentions, ...chosenIntentions])].map((name) => (
            <option key={name} value={name}>
              {name === '' ? t('results.filter.noIntention') : name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('results.filter.minTalk')}
        <input
          type="number"
          min={0}
          value={filter.minTalkSeconds ?? ''}
          onChange={(e) => setFilter({ minTalkSeconds: secondsOf(e.target.value) })}
        />
      </label>
      <label>
        {t('results.filter.maxTalk')}
        <input
          type="number"
          min={0}
          value={filter.maxTalkSeconds ?? ''}
          onChange={(e) => setFilter({ maxTalkSeconds: secondsOf(e.target.value) })}
        />
      </label>
      <label>
        {t('results.filter.from')}
        <DatePicker
          size="small"
          format={fmt.datePattern}
          needConfirm={false}
          value={from}
          onChange={(day: Dayjs | null) => {
            setFrom(day);
            setFilter({ from: dayStart(day) });
          }}
        />
      </label>
      <label>
        {t('results.filter.to')}
        <DatePicker
          size="small"
          format={fmt.datePattern}
          needConfirm={false}
          value={to}
          onChange={(day: Dayjs | null) => {
            setTo(day);
            setFilter({ to: dayStart(day, 1) });
          }}
        />
      </label>
      <label>
        {t('results.filter.text')}
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label title={t('results.filter.customerHint')}>
        {t('results.filter.customer')}
        <input
          type="search"
          value={customer}
          placeholder={t('results.filter.customerHint')}
          onChange={(e) => setCustomer(e.target.value)}
        />
      </label>
      <button
        type="button"
        onClick={() => {
          setText('');
          setCustomer('');
          setFrom(null);
          setTo(null);
          clearFilter();
        }}
      >
        {t('results.filter.clear')}
      </button>
    </fieldset>
  );
}

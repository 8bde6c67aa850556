import { Button, DatePicker, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { callOutcomeLabel } from '../../../../shared/codes/domain';
import { choicesOf, outcomeChoices } from '../../../../shared/outcomeGroups';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useCapabilities } from '../accounts/accountsStore';
import { useLocalized } from '../tasks/useLocale';
import { useResultsStore } from './resultsStore';

/** Local midnight of a picked day (epoch ms), `plusDays` later, or undefined. */
function dayStart(value: Dayjs | null, plusDays = 0): number | undefined {
  return value ? value.startOf('day').add(plusDays, 'day').valueOf() : undefined;
}

const secondsOf = (value: number | null): number | undefined =>
  value === null || !Number.isFinite(value) ? undefined : Math.max(0, value);

/** The select's key of an intention: the empty one ("no intention") needs a key of its own. */
const NO_INTENTION = '\u0000none';
const intentionKey = (name: string): string => (name === '' ? NO_INTENTION : name);
const intentionOf = (key: string): string => (key === NO_INTENTION ? '' : key);

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
  // The outcomes (or the provider's code groups) this source's calls have, and any chosen; the
  // selects and the count chips choose alike (several at once), and a select sums up its choice.
  const offered = counts ? outcomeChoices(counts, filter, callOutcomeLabel) : [];
  const statuses = offered.filter((o) => o.chosen).map((o) => o.key);
  const chosenIntentions = (filter.intentions ?? []).map(intentionKey);
  // What a select shows of its choice: "All", the one chosen, or how many. The same text is the
  // combobox's description (the summary antd draws is not tied to it for screen readers).
  const summary = (omitted: readonly { label?: ReactNode }[]): string =>
    omitted.length === 0
      ? t('results.filter.any')
      : omitted.length === 1
        ? String(omitted[0]!.label ?? '')
        : t('results.filter.several', { count: omitted.length });
  const statusOptions = offered.map((o) => ({ value: o.key, label: label(o.label) }));
  const intentionOptions = [...new Set([...intentions, ...(filter.intentions ?? [])])].map((name) => ({
    value: intentionKey(name),
    label: name === '' ? t('results.filter.noIntention') : name,
  }));
  const chosen = (keys: readonly string[], options: readonly { value: string; label: string }[]) =>
    keys.map((key) => options.find((o) => o.value === key) ?? { label: key });
  // A provider that looks a call's times up only on review (CEC): the others' talk time is not
  // known yet, and the talk filters take it as 0 s.
  const capabilities = useCapabilities();
  const talkOnReview = capabilities?.durations === 'on_review';
  // A provider whose calls carry no intention labels (CEC) gets no intention filter.
  const withIntentions = capabilities?.intentions ?? true;
  const multiple = {
    mode: 'multiple',
    size: 'small',
    maxTagCount: 0,
    maxTagPlaceholder: summary,
    // "All" is what the filter holds when nothing is chosen, not a hint: drawn as text.
    placeholder: t('results.filter.any'),
    classNames: { placeholder: 'results-select-all' },
    popupMatchSelectWidth: false,
    virtual: false,
    showSearch: { optionFilterProp: 'label' },
    className: 'results-filter-select',
  } as const;

  return (
    <fieldset className="results-filters">
      <legend>{t('results.filter.label')}</legend>
      <span className="results-field">
        <label htmlFor="results-status">{t('results.filter.status')}</label>
        <Select<string[]>
          {...multiple}
          id="results-status"
          data-testid="results-status"
          aria-describedby="results-status-summary"
          value={statuses}
          onChange={(keys) => setFilter(choicesOf(keys))}
          options={statusOptions}
        />
        <span id="results-status-summary" hidden>
          {summary(chosen(statuses, statusOptions))}
        </span>
      </span>
      {withIntentions && (
        <span className="results-field">
          <label htmlFor="results-intention">{t('results.filter.intention')}</label>
          <Select<string[]>
            {...multiple}
            id="results-intention"
            data-testid="results-intention"
            aria-describedby="results-intention-summary"
            value={chosenIntentions}
            onChange={(keys) => setFilter({ intentions: keys.map(intentionOf) })}
            options={intentionOptions}
          />
          <span id="results-intention-summary" hidden>
            {summary(chosen(chosenIntentions, intentionOptions))}
          </span>
        </span>
      )}
      <span className="results-talk">
        <span className="results-talk-fields">
          {(['min', 'max'] as const).map((end) => (
            <span className="results-field" key={end}>
              <label htmlFor={`results-${end}-talk`}>{t(`results.filter.${end}Talk`)}</label>
              <InputNumber<number>
                id={`results-${end}-talk`}
                size="small"
                min={0}
                className="results-seconds"
                aria-describedby={talkOnReview ? 'results-talk-hint' : undefined}
                value={filter[`${end}TalkSeconds`] ?? null}
                onChange={(value) => setFilter({ [`${end}TalkSeconds`]: secondsOf(value) })}
              />
            </span>
          ))}
        </span>
        {talkOnReview && (
          <span id="results-talk-hint" className="muted results-talk-hint">
            {t('results.filter.talkOnReview')}
          </span>
        )}
      </span>
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
      <span className="results-field">
        <label htmlFor="results-text">{t('results.filter.text')}</label>
        <Input
          id="results-text"
          type="search"
          size="small"
          className="results-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </span>
      <span className="results-field" title={t('results.filter.customerHint')}>
        <label htmlFor="results-customer">{t('results.filter.customer')}</label>
        <Input
          id="results-customer"
          type="search"
          size="small"
          className="results-search"
          value={customer}
          placeholder={t('results.filter.customerHint')}
          onChange={(e) => setCustomer(e.target.value)}
        />
      </span>
      <Button
        size="small"
        onClick={() => {
          setText('');
          setCustomer('');
          setFrom(null);
          setTo(null);
          clearFilter();
        }}
      >
        {t('results.filter.clear')}
      </Button>
    </fieldset>
  );
}

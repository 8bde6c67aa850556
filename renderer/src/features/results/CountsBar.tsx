import { callOutcomeLabel } from '../../../../shared/codes/domain';
import { useT } from '../../i18n/useT';
import { useLocalized } from '../tasks/useLocale';
import { useResultsStore } from './resultsStore';

/** `list` with `item` added, or removed when it is there. */
function toggled<T>(list: readonly T[] | undefined, item: T): T[] {
  const current = list ?? [];
  return current.includes(item) ? current.filter((x) => x !== item) : [...current, item];
}

/**
 * Calls per outcome and per intention for the current source and filters (each group counted
 * without its own filter, so every choice stays visible). A chip toggles its status or
 * intention in the filter: several outcomes or intentions can be chosen together.
 */
export function CountsBar() {
  const t = useT();
  const label = useLocalized();
  const counts = useResultsStore((store) => store.counts);
  const filter = useResultsStore((store) => store.filter);
  const setFilter = useResultsStore((store) => store.setFilter);
  if (!counts) return null;
  return (
    <section className="results-counts" aria-label={t('results.counts.label')}>
      <strong>{t('results.counts.total', { total: counts.total })}</strong>
      <ul>
        {counts.byOutcome.map((o) => (
          <li key={`o${o.outcome}`}>
            <button
              type="button"
              className="chip"
              aria-pressed={filter.outcomes?.includes(o.outcome) ?? false}
              onClick={() => setFilter({ outcomes: toggled(filter.outcomes, o.outcome) })}
            >
              {t('results.counts.item', { label: label(callOutcomeLabel(o.outcome)), count: o.count })}
            </button>
          </li>
        ))}
      </ul>
      <ul>
        {counts.byIntention.map((i) => (
          <li key={`i${i.label}`}>
            <button
              type="button"
              className="chip intention"
              aria-pressed={filter.intentions?.includes(i.label) ?? false}
              onClick={() => setFilter({ intentions: toggled(filter.intentions, i.label) })}
            >
              {t('results.counts.item', {
                label: i.label === '' ? t('results.filter.noIntention') : i.label,
                count: i.count,
              })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

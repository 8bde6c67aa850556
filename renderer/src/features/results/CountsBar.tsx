import { callOutcomeLabel } from '../../../../shared/codes/domain';
import { outcomeChoices, toggleChoice } from '../../../../shared/outcomeGroups';
import { useT } from '../../i18n/useT';
import { useCapabilities } from '../accounts/accountsStore';
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
 * intention in the filter: several outcomes or intentions can be chosen together. Where the
 * provider groups its own codes (CEC's failCode groups) the outcome chips are those groups.
 */
export function CountsBar() {
  const t = useT();
  const label = useLocalized();
  const counts = useResultsStore((store) => store.counts);
  const filter = useResultsStore((store) => store.filter);
  const setFilter = useResultsStore((store) => store.setFilter);
  // No intention chips where the provider's calls carry no intention labels (CEC).
  const withIntentions = useCapabilities()?.intentions ?? true;
  if (!counts) return null;
  return (
    <section className="results-counts" aria-label={t('results.counts.label')}>
      <strong>{t('results.counts.total', { total: counts.total })}</strong>
      <ul aria-label={t('results.counts.outcomes')}>
        {outcomeChoices(counts, filter, callOutcomeLabel).map((o) => (
          <li key={o.key}>
            <button
              type="button"
              className="chip"
              aria-pressed={o.chosen}
              onClick={() => setFilter(toggleChoice(filter, o.key))}
            >
              {t('results.counts.item', { label: label(o.label), count: o.count })}
            </button>
          </li>
        ))}
      </ul>
      {withIntentions && (
        <ul aria-label={t('results.counts.intentions')}>
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
      )}
    </section>
  );
}

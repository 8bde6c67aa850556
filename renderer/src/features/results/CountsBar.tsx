import { callStatusLabel } from '../../../../shared/codes/sobot';
import { useT } from '../../i18n/useT';
import { useLocalized } from '../tasks/useLocale';
import { useResultsStore } from './resultsStore';

/** Calls per status and per intention for the current source and filters; a click filters. */
export function CountsBar() {
  const t = useT();
  const label = useLocalized();
  const counts = useResultsStore((store) => store.counts);
  const setFilter = useResultsStore((store) => store.setFilter);
  if (!counts) return null;
  return (
    <section className="results-counts" aria-label={t('results.counts.label')}>
      <strong>{t('results.counts.total', { total: counts.total })}</strong>
      <ul>
        {counts.byStatus.map((s) => (
          <li key={`s${s.status}`}>
            <button type="button" className="chip" onClick={() => setFilter({ statuses: [s.status] })}>
              {t('results.counts.item', { label: label(callStatusLabel(s.status)), count: s.count })}
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
              onClick={() => setFilter({ intentions: [i.label] })}
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

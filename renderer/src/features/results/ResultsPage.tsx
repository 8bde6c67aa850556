import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n/useT';
import { CallTable } from './CallTable';
import { CountsBar } from './CountsBar';
import { FiltersBar } from './FiltersBar';
import { LinkPicker } from './LinkPicker';
import { ResultsActions } from './ResultsActions';
import { useResultsStore } from './resultsStore';
import { ReviewPane } from './review/ReviewPane';
import { SourcePicker } from './SourcePicker';
import { SyncControl } from './SyncControl';
import { useResultsLive } from './useResultsLive';
import './results.css';

/**
 * The Results screen: pick a task or a list, sync a task's calls, filter and count them, export
 * them or call them again, and review one — its recording as a waveform beside the transcript.
 * The header (source, sync, linked list) keeps to one row at 1280 px; what acts on the
 * filtered calls sits beside their counts.
 */
export function ResultsPage() {
  const t = useT();
  useResultsLive();
  const error = useResultsStore((store) => store.error);
  const dismissError = useResultsStore((store) => store.dismissError);
  const source = useResultsStore((store) => store.source);
  return (
    <div className="results-page">
      <div className="page-head results-head">
        <h1>{t('results.title')}</h1>
        <SourcePicker />
        <SyncControl />
        <LinkPicker />
      </div>
      {error && <ErrorBanner error={error} onDismiss={dismissError} />}
      {!source && <EmptyState title={t('results.empty.title')} body={t('results.empty.body')} />}
      {source && <FiltersBar />}
      <div className="results-tally">
        <CountsBar />
        <ResultsActions />
      </div>
      <div className="results-split" hidden={!source}>
        <CallTable />
        <SelectedReview />
      </div>
    </div>
  );
}

/**
 * The selected call's review. It watches the selection itself, so picking a call re-renders
 * the table and the pane, not the whole screen (its filters, pickers and actions).
 */
function SelectedReview() {
  const t = useT();
  const selectedId = useResultsStore((store) => store.selectedId);
  return selectedId ? (
    <ReviewPane callId={selectedId} />
  ) : (
    <p className="muted review-empty">{t('results.review.pick')}</p>
  );
}

import type { RecordingProblem as Problem } from '../../../../../shared/results';
import { useT } from '../../../i18n/useT';

/** Why a recording cannot be shown, in words, with a retry where trying again can help. */
export function RecordingProblem({
  problem,
  detail,
  onRetry,
}: {
  problem: Problem;
  detail?: string | undefined;
  onRetry: () => void;
}) {
  const t = useT();
  const text = {
    none: t('results.review.noRecording'),
    expired: t('results.review.expired', { detail: detail ?? '' }),
    undecodable: t('results.review.undecodable'),
    unavailable: t('results.review.unavailable'),
    refused: t('results.review.refused'),
  }[problem];
  return (
    <div className={`recording-problem problem-${problem}`} role="status">
      <p>{text}</p>
      {problem === 'unavailable' && (
        <button type="button" onClick={onRetry}>
          {t('results.review.retry')}
        </button>
      )}
    </div>
  );
}

import { excludedProblemLabel } from '../../../../shared/codes/uploads';
import type { AppError } from '../../../../shared/result';
import type { ExcludedProblem, UploadPlan } from '../../../../shared/uploads';
import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';

/** What the plan says, in words: rows to send, rows left out per problem, repeats. */
export function PlanSummary({
  taskId,
  plan,
  planError,
}: {
  taskId: string;
  plan: UploadPlan | null;
  planError: AppError | null;
}) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  if (!taskId) return null;
  if (planError)
    return (
      <p className="field-problem" role="alert">
        {planError.message}
      </p>
    );
  if (!plan) return <p className="muted">{t('uploads.plan.loading')}</p>;
  const problems = Object.entries(plan.excluded.byProblem) as [ExcludedProblem, number][];
  return (
    <div className="upload-plan" role="status" aria-live="polite">
      <p>
        <strong>
          {plan.toSend > 0
            ? t('uploads.plan.send', { count: plan.toSend, requests: plan.requests })
            : t('uploads.plan.nothing')}
        </strong>
      </p>
      {plan.excluded.rows > 0 && (
        <>
          <p>{t('uploads.plan.excluded', { count: plan.excluded.rows })}</p>
          <ul className="upload-excluded">
            {problems.map(([code, count]) => (
              <li key={code} data-problem={code}>
                {t('uploads.plan.problem', { label: excludedProblemLabel(code, locale), count })}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.alreadyOnTask > 0 && <p>{t('uploads.plan.already', { count: plan.alreadyOnTask })}</p>}
      {plan.missingRowIds > 0 && <p>{t('uploads.plan.missing', { count: plan.missingRowIds })}</p>}
      {plan.mayBeFiltered > 0 && (
        <p className="muted">{t('uploads.plan.mayBeFiltered', { count: plan.mayBeFiltered })}</p>
      )}
    </div>
  );
}

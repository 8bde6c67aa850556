import { Alert, Spin, Statistic } from 'antd';
import { excludedProblemLabel, rowLimitItems } from '../../../../shared/codes/uploads';
import type { AppError } from '../../../../shared/result';
import type { ExcludedProblem, UploadPlan } from '../../../../shared/uploads';
import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';
import { CampaignChecks } from './CampaignChecks';

/**
 * What the plan says, in words: rows to send, rows left out per problem (every code labelled:
 * the row's own, the provider's and the campaign checks'), repeats, and the campaign checks
 * with the choice to send numbers already in the task anyway.
 */
export function PlanSummary({
  taskId,
  plan,
  planError,
  sendAnyway,
  onSendAnyway,
}: {
  taskId: string;
  plan: UploadPlan | null;
  planError: AppError | null;
  sendAnyway: boolean;
  onSendAnyway: (send: boolean) => void;
}) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  if (!taskId) return null;
  if (planError) return <Alert type="error" showIcon role="alert" title={planError.message} />;
  if (!plan) return <Spin size="small" description={t('uploads.plan.loading')} />;
  const problems = Object.entries(plan.excluded.byProblem) as [ExcludedProblem, number][];
  const limits = rowLimitItems(plan.rowLimits, locale);
  return (
    <div className="upload-plan" role="status" aria-live="polite" aria-label={t('uploads.plan.label')}>
      <div className="upload-plan-figures">
        <Statistic title={t('uploads.plan.toSend')} value={plan.toSend} />
        <Statistic title={t('uploads.plan.requests')} value={plan.requests} />
        <Statistic title={t('uploads.plan.left')} value={plan.excluded.rows} />
      </div>
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
          <ul className="upload-excluded" aria-label={t('uploads.plan.excludedList')}>
            {problems.map(([code, count]) => (
              <li key={code} data-problem={code}>
                {t('uploads.plan.problem', {
                  label: excludedProblemLabel(code, locale, plan.rowLimits),
                  count,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {limits.length > 0 && (
        <ul className="upload-limits" aria-label={t('uploads.plan.limits')}>
          {limits.map(({ code, text }) => (
            <li key={code} data-limit={code}>
              {t('uploads.plan.limit', { text, count: plan.excluded.byProblem[code] ?? 0 })}
            </li>
          ))}
        </ul>
      )}
      <CampaignChecks plan={plan} sendAnyway={sendAnyway} onSendAnyway={onSendAnyway} />
      {plan.alreadyOnTask > 0 && <p>{t('uploads.plan.already', { count: plan.alreadyOnTask })}</p>}
      {plan.missingRowIds > 0 && <p>{t('uploads.plan.missing', { count: plan.missingRowIds })}</p>}
      {plan.mayBeFiltered > 0 && (
        <Alert type="info" showIcon title={t('uploads.plan.mayBeFiltered', { count: plan.mayBeFiltered })} />
      )}
    </div>
  );
}

import { Alert, Button, Checkbox, Tag } from 'antd';
import { useState } from 'react';
import type { PlanFlaggedRow, UploadPlan } from '../../../../shared/uploads';
import { useT } from '../../i18n/useT';

/** How many flagged rows the table shows before paging. */
const PAGE = 8;

/**
 * The campaign checks of a plan: numbers already in the task (put there by another upload or
 * already dialled) — left out unless the operator sends them anyway — and numbers on the
 * do-not-call list, which are never sent. The rows behind both are listed with why.
 */
export function CampaignChecks({
  plan,
  sendAnyway,
  onSendAnyway,
}: {
  plan: UploadPlan;
  sendAnyway: boolean;
  onSendAnyway: (send: boolean) => void;
}) {
  const t = useT();
  const [shown, setShown] = useState(PAGE);
  const { numberOnTask, doNotCall, flagged } = plan;
  if (numberOnTask.rows === 0 && doNotCall === 0) return null;
  const why = (row: PlanFlaggedRow) => {
    if (row.why.kind === 'uploaded')
      return <Tag color="blue">{t('uploads.checks.uploaded', { list: row.why.listName })}</Tag>;
    if (row.why.kind === 'dialled') return <Tag color="gold">{t('uploads.checks.dialled')}</Tag>;
    return (
      <Tag color="red">
        {row.why.reason ? t('uploads.checks.dncReason', { reason: row.why.reason }) : t('uploads.checks.dnc')}
      </Tag>
    );
  };
  return (
    <section className="campaign-checks" aria-label={t('uploads.checks.label')}>
      {numberOnTask.rows > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('uploads.checks.onTask', { count: numberOnTask.rows })}
          description={
            <>
              <p>
                {t('uploads.checks.onTaskDetail', {
                  uploaded: numberOnTask.uploaded,
                  dialled: numberOnTask.dialled,
                })}
              </p>
              <Checkbox checked={sendAnyway} onChange={(event) => onSendAnyway(event.target.checked)}>
                {t('uploads.checks.sendAnyway', { count: numberOnTask.rows })}
              </Checkbox>
            </>
          }
        />
      )}
      {doNotCall > 0 && (
        <Alert type="error" showIcon title={t('uploads.checks.doNotCall', { count: doNotCall })} />
      )}
      {flagged.length > 0 && (
        <div className="campaign-rows">
          <table aria-label={t('uploads.checks.rows')}>
            <thead>
              <tr>
                <th scope="col">{t('uploads.checks.col.row')}</th>
                <th scope="col">{t('uploads.checks.col.telephone')}</th>
                <th scope="col">{t('uploads.checks.col.why')}</th>
              </tr>
            </thead>
            <tbody>
              {flagged.slice(0, shown).map((row) => (
                <tr key={row.rowId}>
                  <td>{row.position + 1}</td>
                  <td>{row.telephone}</td>
                  <td>{why(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {flagged.length > shown && (
            <Button type="link" size="small" onClick={() => setShown(shown + PAGE * 4)}>
              {t('uploads.checks.more', { count: flagged.length - shown })}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

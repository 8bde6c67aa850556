import { Alert, Checkbox, Table, Tag } from 'antd';
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
        <Table<PlanFlaggedRow>
          size="small"
          rowKey="rowId"
          aria-label={t('uploads.checks.rows')}
          dataSource={flagged}
          pagination={
            flagged.length > PAGE ? { pageSize: PAGE, size: 'small', showSizeChanger: false } : false
          }
          columns={[
            {
              title: t('uploads.checks.col.row'),
              dataIndex: 'position',
              width: 72,
              render: (p: number) => p + 1,
            },
            { title: t('uploads.checks.col.telephone'), dataIndex: 'telephone', width: 140 },
            { title: t('uploads.checks.col.why'), key: 'why', render: (_, row) => why(row) },
          ]}
        />
      )}
    </section>
  );
}

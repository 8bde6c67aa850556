import { Statistic, Table, Tag, Typography } from 'antd';
import { UPLOAD_ROW_REASONS } from '../../../../shared/codes/uploads';
import type { UploadRowEntry, UploadSummary } from '../../../../shared/uploads';
import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';

/** The end figures: sent, accepted, repeated, filtered, failed. */
export function UploadOutcome({ summary }: { summary: UploadSummary }) {
  const t = useT();
  const figures = ['sent', 'accepted', 'repeated', 'filtered', 'failed'] as const;
  return (
    <>
      <div className="upload-outcome" role="group" aria-label={t('uploads.outcome')}>
        {figures.map((key) => (
          <div key={key}>
            <Statistic
              title={t(`uploads.outcome.${key}`)}
              value={summary.outcome[key]}
              groupSeparator=""
              valueRender={(node) => <span data-testid={`upload-figure-${key}`}>{node}</span>}
            />
          </div>
        ))}
      </div>
      {summary.excluded.rows > 0 && (
        <Typography.Text type="secondary">
          {t('uploads.excludedNote', { count: summary.excluded.rows })}
        </Typography.Text>
      )}
    </>
  );
}

/** Journal rows with their reason (the refused ones, or the ones whose answer was lost). */
export function JournalRows({
  title,
  rows,
  total,
}: {
  title: string;
  rows: UploadRowEntry[];
  total: number;
}) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  return (
    <section aria-label={title}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table<UploadRowEntry>
        size="small"
        rowKey="outid"
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        dataSource={rows}
        columns={[
          { key: 'telephone', title: t('uploads.rejected.telephone'), dataIndex: 'telephone' },
          { key: 'outid', title: t('uploads.rejected.outid'), dataIndex: 'outid' },
          {
            key: 'reason',
            title: t('uploads.rejected.reason'),
            render: (_, row) => (
              <>
                {(row.code ? UPLOAD_ROW_REASONS[row.code]?.[locale] : undefined) ?? row.reason ?? ''}{' '}
                {row.code && <Tag>{row.code}</Tag>}
              </>
            ),
          },
        ]}
      />
      {total > rows.length && (
        <Typography.Text type="secondary">
          {t('uploads.rejected.more', { shown: rows.length })}
        </Typography.Text>
      )}
    </section>
  );
}

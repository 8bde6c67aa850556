import { Alert, Button, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError, Result } from '../../../../shared/result';
import type { UploadRowEntry, UploadSummary } from '../../../../shared/uploads';
import { usePrefsStore } from '../../app/prefsStore';
import { ErrorBanner } from '../../components/ErrorBanner';
import { inDialog } from '../../components/popupContainer';
import { useCapabilities } from '../accounts/accountsStore';
import { useT } from '../../i18n/useT';
import { clock, uploadPace } from './pace';
import { JournalRows, UploadOutcome } from './UploadOutcome';
import { UploadStateTag } from './UploadStateTag';
import { uncertainActions } from './uncertainActions';
import { answered, useUploadsStore } from './uploadsStore';

const ROWS_SHOWN = 100;

/**
 * One upload as it runs and at its end: progress and the pace (the provider's ceiling, the
 * measured rate, the time left), pause / resume / cancel, the stopping error, the end figures,
 * the rows the provider refused, and the rows whose answer was lost with "resend" and "skip" (no
 * resend for a cancelled upload: see uncertainActions.ts).
 */
export function UploadWatch({ uploadId, onClose }: { uploadId: number; onClose: () => void }) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  const capabilities = useCapabilities();
  const summary = useUploadsStore((state) => state.summaries[uploadId]);
  const progress = useUploadsStore((state) => state.progress[uploadId]);
  const [error, setError] = useState<AppError | null>(null);
  const [stopping, setStopping] = useState(false);
  const [rejected, setRejected] = useState<UploadRowEntry[] | null>(null);
  const [uncertain, setUncertain] = useState<UploadRowEntry[] | null>(null);

  const state = summary?.state;
  const failed = summary?.outcome.failed ?? 0;
  const lost = summary?.rows.uncertain ?? 0;

  useEffect(() => {
    void window.api.uploads.status({ uploadId }).then((result) => {
      if (result.ok) useUploadsStore.getState().keep(result.value);
      else setError(result.error);
    });
  }, [uploadId]);

  useEffect(() => {
    setStopping(false);
  }, [state]);

  useEffect(() => {
    if (state === 'running' || failed === 0) return setRejected(null);
    void window.api.uploads
      .rows({ uploadId, states: ['rejected'], limit: ROWS_SHOWN })
      .then((result) => result.ok && setRejected(result.value));
  }, [uploadId, state, failed]);

  useEffect(() => {
    if (state === 'running' || lost === 0) return setUncertain(null);
    void window.api.uploads
      .rows({ uploadId, states: ['uncertain'], limit: ROWS_SHOWN })
      .then((result) => result.ok && setUncertain(result.value));
  }, [uploadId, state, lost]);

  const act = async (call: Promise<Result<UploadSummary>>): Promise<void> => {
    const result = await call;
    if (result.ok) useUploadsStore.getState().keep(result.value);
    else {
      setStopping(false);
      setError(result.error);
    }
  };

  if (!summary) return <Typography.Text type="secondary">{t('uploads.plan.loading')}</Typography.Text>;
  const { done, total } = answered(summary, progress);
  const running = state === 'running';
  const resumable = state === 'paused' || state === 'failed';
  const phase = running ? progress?.phase : undefined;
  const pace = running && progress ? uploadPace(capabilities?.rows ?? null, progress) : null;
  const forUncertain = uncertainActions(summary.state);

  return (
    <div className="upload-watch" data-state={state}>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div role="status" aria-live="polite">
        <UploadStateTag state={summary.state} testId="upload-state" />
      </div>
      <Progress
        aria-label={t('uploads.progress.label')}
        percent={total > 0 ? Math.floor((done / total) * 100) : 0}
        status={state === 'failed' ? 'exception' : running ? 'active' : 'normal'}
      />
      <Typography.Text data-testid="upload-progress-text" className="upload-progress-text">
        {t('uploads.progress.text', {
          done,
          total,
          accepted: running && progress ? progress.accepted : summary.rows.accepted + summary.rows.filtered,
          rejected: running && progress ? progress.rejected : summary.rows.rejected,
        })}
      </Typography.Text>
      {running && progress && pace && (
        <div className="upload-pace" data-testid="upload-pace">
          <Typography.Text type="secondary">
            {t('uploads.progress.batches', {
              done: progress.batchesDone,
              left: progress.batchesLeft,
              rate: Math.round(pace.measured * 10) / 10,
            })}
          </Typography.Text>
          {pace.secondsLeft !== null && (
            <Typography.Text type="secondary">
              {t('uploads.pace.left', { time: clock(pace.secondsLeft) })}
            </Typography.Text>
          )}
          {capabilities && pace.ceiling !== null && (
            <Typography.Text type="secondary">
              {t('uploads.pace.ceiling', {
                rows: capabilities.rows.batchRows,
                seconds: capabilities.rows.minSpacingMs / 1000,
                inFlight: capabilities.rows.inFlight,
                rate: Math.round(pace.ceiling * 10) / 10,
              })}
            </Typography.Text>
          )}
        </div>
      )}
      {phase === 'reconciling' && (
        <Typography.Text type="secondary">{t('uploads.phase.reconciling')}</Typography.Text>
      )}
      {phase === 'verifying' && (
        <Typography.Text type="secondary">{t('uploads.phase.verifying')}</Typography.Text>
      )}

      {state === 'failed' && summary.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={summary.error.message[locale]}
          description={
            <>
              <Tag>{summary.error.code}</Tag> {t('uploads.failedHint')}
            </>
          }
        />
      )}

      {!running && <UploadOutcome summary={summary} />}
      {!running && uncertain && uncertain.length > 0 && (
        <section className="upload-uncertain" aria-label={t('uploads.uncertain.title')}>
          <Alert
            type="warning"
            showIcon
            title={t('uploads.uncertain.alert', { count: lost })}
            description={t(
              forUncertain.resend ? 'uploads.uncertain.hint' : 'uploads.uncertain.hintCancelled',
            )}
            action={
              <Space orientation="vertical">
                {forUncertain.resend && (
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => void act(window.api.uploads.resendUncertain({ uploadId }))}
                  >
                    {t('uploads.uncertain.resend', { count: lost })}
                  </Button>
                )}
                {forUncertain.skip && (
                  <Popconfirm
                    getPopupContainer={inDialog}
                    title={t('uploads.uncertain.skipTitle')}
                    description={t('uploads.uncertain.skipConfirm', { count: lost })}
                    okText={t('uploads.uncertain.skip', { count: lost })}
                    cancelText={t('uploads.cancelKeep')}
                    onConfirm={() => void act(window.api.uploads.skipUncertain({ uploadId }))}
                  >
                    <Button size="small">{t('uploads.uncertain.skip', { count: lost })}</Button>
                  </Popconfirm>
                )}
              </Space>
            }
          />
          <JournalRows title={t('uploads.uncertain.title')} rows={uncertain} total={lost} />
        </section>
      )}
      {!running && rejected && rejected.length > 0 && (
        <JournalRows title={t('uploads.rejected.title')} rows={rejected} total={failed} />
      )}

      <Space className="form-actions" wrap>
        {running && (
          <Button
            disabled={stopping}
            onClick={() => {
              setStopping(true);
              void act(window.api.uploads.pause({ uploadId }));
            }}
          >
            {t('uploads.pause')}
          </Button>
        )}
        {resumable && (
          <Button type="primary" onClick={() => void act(window.api.uploads.resume({ uploadId }))}>
            {t('uploads.resume')}
          </Button>
        )}
        {(running || resumable) && (
          <Popconfirm
            getPopupContainer={inDialog}
            title={t('uploads.cancelTitle')}
            description={t('uploads.cancelConfirm')}
            okText={t('uploads.cancel')}
            okButtonProps={{ danger: true }}
            cancelText={t('uploads.cancelKeep')}
            onConfirm={() => {
              setStopping(true);
              void act(window.api.uploads.cancel({ uploadId }));
            }}
          >
            <Button danger>{t('uploads.cancel')}</Button>
          </Popconfirm>
        )}
        <Button onClick={onClose}>{running ? t('uploads.closeRunning') : t('uploads.close')}</Button>
      </Space>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { UPLOAD_ROW_REASONS } from '../../../../shared/codes/uploads';
import type { AppError, Result } from '../../../../shared/result';
import type { UploadRowEntry, UploadSummary } from '../../../../shared/uploads';
import { usePrefsStore } from '../../app/prefsStore';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n/useT';
import { answered, useUploadsStore } from './uploadsStore';

const REJECTED_SHOWN = 100;

/**
 * One upload as it runs and at its end: progress from main's events, pause / resume / cancel,
 * the stopping error, and the end figures with the rows the provider refused and why.
 */
export function UploadWatch({ uploadId, onClose }: { uploadId: number; onClose: () => void }) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  const summary = useUploadsStore((state) => state.summaries[uploadId]);
  const progress = useUploadsStore((state) => state.progress[uploadId]);
  const [error, setError] = useState<AppError | null>(null);
  const [stopping, setStopping] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [rejected, setRejected] = useState<UploadRowEntry[] | null>(null);

  const state = summary?.state;
  const failed = summary?.outcome.failed ?? 0;

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
    if (state === 'running' || failed === 0) return;
    void window.api.uploads
      .rows({ uploadId, states: ['rejected'], limit: REJECTED_SHOWN })
      .then((result) => result.ok && setRejected(result.value));
  }, [uploadId, state, failed]);

  const act = async (call: Promise<Result<UploadSummary>>): Promise<void> => {
    const result = await call;
    if (result.ok) useUploadsStore.getState().keep(result.value);
    else {
      setStopping(false);
      setError(result.error);
    }
  };

  if (!summary) return <p className="muted">{t('uploads.plan.loading')}</p>;
  const { done, total } = answered(summary, progress);
  const running = state === 'running';
  const resumable = state === 'paused' || state === 'failed';
  const phase = running ? progress?.phase : undefined;

  return (
    <div className="upload-watch" data-state={state}>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <p className="upload-state" role="status" aria-live="polite">
        <span className={`upload-badge upload-${state}`}>{t(`uploads.state.${summary.state}`)}</span>
      </p>
      <progress aria-label={t('uploads.progress.label')} value={done} max={Math.max(total, 1)} />
      <p className="upload-progress-text">
        {t('uploads.progress.text', {
          done,
          total,
          accepted: running && progress ? progress.accepted : summary.rows.accepted + summary.rows.filtered,
          rejected: running && progress ? progress.rejected : summary.rows.rejected,
        })}
      </p>
      {running && progress && (
        <p className="muted">
          {t('uploads.progress.batches', {
            done: progress.batchesDone,
            left: progress.batchesLeft,
            rate: Math.round(progress.rowsPerSecond),
          })}
        </p>
      )}
      {phase === 'reconciling' && <p className="muted">{t('uploads.phase.reconciling')}</p>}
      {phase === 'verifying' && <p className="muted">{t('uploads.phase.verifying')}</p>}

      {state === 'failed' && summary.error && (
        <div className="error-banner" role="alert">
          <span>{summary.error.message[locale]}</span>
          <code>{summary.error.code}</code>
          <p className="form-hint">{t('uploads.failedHint')}</p>
        </div>
      )}

      {!running && <Outcome summary={summary} />}
      {!running && rejected && rejected.length > 0 && <RejectedRows rows={rejected} total={failed} />}

      <div className="form-actions">
        {running && (
          <button
            type="button"
            disabled={stopping}
            onClick={() => {
              setStopping(true);
              void act(window.api.uploads.pause({ uploadId }));
            }}
          >
            {t('uploads.pause')}
          </button>
        )}
        {resumable && (
          <button
            type="button"
            className="primary"
            onClick={() => void act(window.api.uploads.resume({ uploadId }))}
          >
            {t('uploads.resume')}
          </button>
        )}
        {(running || resumable) && (
          <button type="button" className="danger" onClick={() => setConfirmCancel(true)}>
            {t('uploads.cancel')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {running ? t('uploads.closeRunning') : t('uploads.close')}
        </button>
      </div>
      {confirmCancel && (
        <ConfirmDialog
          title={t('uploads.cancelTitle')}
          message={t('uploads.cancelConfirm')}
          confirmLabel={t('uploads.cancel')}
          cancelLabel={t('uploads.cancelKeep')}
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false);
            setStopping(true);
            void act(window.api.uploads.cancel({ uploadId }));
          }}
        />
      )}
    </div>
  );
}

/** The end figures: sent, accepted, repeated, filtered, failed. */
function Outcome({ summary }: { summary: UploadSummary }) {
  const t = useT();
  const figures = ['sent', 'accepted', 'repeated', 'filtered', 'failed'] as const;
  return (
    <>
      <dl className="upload-outcome" aria-label={t('uploads.outcome')}>
        {figures.map((key) => (
          <div key={key} data-figure={key}>
            <dt>{t(`uploads.outcome.${key}`)}</dt>
            <dd>{summary.outcome[key]}</dd>
          </div>
        ))}
      </dl>
      {summary.excluded.rows > 0 && (
        <p className="muted">{t('uploads.excludedNote', { count: summary.excluded.rows })}</p>
      )}
    </>
  );
}

function RejectedRows({ rows, total }: { rows: UploadRowEntry[]; total: number }) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  return (
    <section className="upload-rejected" aria-label={t('uploads.rejected.title')}>
      <h3>{t('uploads.rejected.title')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('uploads.rejected.telephone')}</th>
            <th>{t('uploads.rejected.outid')}</th>
            <th>{t('uploads.rejected.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.outid}>
              <td>{row.telephone}</td>
              <td>{row.outid}</td>
              <td>
                {(row.code ? UPLOAD_ROW_REASONS[row.code]?.[locale] : undefined) ?? row.reason ?? ''}{' '}
                {row.code && <code>{row.code}</code>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && <p className="muted">{t('uploads.rejected.more', { shown: rows.length })}</p>}
    </section>
  );
}

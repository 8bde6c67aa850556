import { Alert, Button, Empty } from 'antd';
import { memo, useMemo, useRef, useState } from 'react';
import type { Speaker, TranscriptState, Utterance } from '../../../../../shared/results';
import type { MessageKey } from '../../../i18n/messages';
import { useT } from '../../../i18n/useT';
import { clock } from '../format';
import { transcriptRows } from './transcriptRows';
import { useTranscriptFollow } from './useTranscriptFollow';

const SPEAKER: Record<Speaker, MessageKey> = {
  robot: 'results.review.robot',
  agent: 'results.review.agent',
  customer: 'results.review.customer',
};

interface TranscriptProps {
  /** The lines, placed on the recording once its length is known. */
  lines: Utterance[];
  /** Where the transcript stands: pending and failed ones come from the provider on their own. */
  state: TranscriptState;
  current: number;
  onSeek: (index: number) => void;
  /** Asks the provider for the transcript again (pending or failed). */
  onRetry: () => Promise<void>;
}

/**
 * The call's transcript beside the waveform: robot, agent and customer lines told apart, lines
 * both sides say at once side by side in one row, the line being heard (the latest started)
 * highlighted and kept in view; clicking a line plays from it. Without lines, why: pending,
 * failed (with a retry) or none.
 */
export const Transcript = memo(function Transcript({
  lines,
  state,
  current,
  onSeek,
  onRetry,
}: TranscriptProps) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const rows = useMemo(() => transcriptRows(lines), [lines]);
  const { following, onUserScroll, backToCurrent } = useTranscriptFollow(list, current);
  if (lines.length === 0) return <TranscriptMissing state={state} onRetry={onRetry} />;

  const line = (i: number, Tag: 'li' | 'div') => {
    const u = lines[i]!;
    const placed = u.startMs !== null;
    return (
      <Tag
        key={u.index}
        data-line={i}
        data-speaker={u.speaker}
        data-start={placed ? u.startMs! / 1000 : undefined}
        data-end={u.endMs !== null ? u.endMs / 1000 : undefined}
        className={`line ${u.speaker}${i === current ? ' current' : ''}`}
        aria-current={i === current ? 'true' : undefined}
      >
        <button type="button" onClick={() => onSeek(i)} disabled={!placed}>
          <span className="who">
            {t(SPEAKER[u.speaker])}
            {placed && <span className="at">{clock(u.startMs!)}</span>}
          </span>
          <span className="text">{u.text}</span>
        </button>
      </Tag>
    );
  };

  return (
    <div className="transcript">
      <ol
        ref={list}
        className="transcript-lines"
        aria-label={t('results.review.transcript')}
        onScroll={onUserScroll}
      >
        {rows.map((row) =>
          row.overlap ? (
            <li
              key={`at-once-${row.lines[0]}`}
              className="at-once"
              aria-label={t('results.review.atOnce')}
              data-testid="transcript-at-once"
            >
              <div className="side staff">{row.staff.map((i) => line(i, 'div'))}</div>
              <div className="side customer">{row.customer.map((i) => line(i, 'div'))}</div>
            </li>
          ) : (
            line(row.lines[0]!, 'li')
          ),
        )}
      </ol>
      {!following && (
        <button type="button" className="back-to-current" onClick={backToCurrent}>
          {t('results.review.backToCurrent')}
        </button>
      )}
    </div>
  );
});

/** Why a call shows no lines: still being transcribed, transcription failed, or none at all. */
function TranscriptMissing({ state, onRetry }: { state: TranscriptState; onRetry: () => Promise<void> }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const retry = (label: MessageKey) => (
    <Button
      size="small"
      loading={busy}
      onClick={() => {
        setBusy(true);
        void onRetry().finally(() => setBusy(false));
      }}
    >
      {t(label)}
    </Button>
  );
  if (state === 'pending')
    return (
      <Alert
        className="transcript-state"
        type="info"
        role="status"
        showIcon
        title={t('results.review.transcriptPending')}
        description={t('results.review.transcriptPendingBody')}
        action={retry('results.review.checkAgain')}
      />
    );
  if (state === 'failed')
    return (
      <Alert
        className="transcript-state"
        type="warning"
        role="status"
        showIcon
        title={t('results.review.transcriptFailed')}
        description={t('results.review.transcriptFailedBody')}
        action={retry('results.review.retry')}
      />
    );
  if (state === 'none')
    return (
      <Empty
        className="transcript-state"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <strong>{t('results.review.noTranscript')}</strong>
            <br />
            <span>{t('results.review.noTranscriptBody')}</span>
          </>
        }
      />
    );
  return <p className="muted">{t('results.review.noLines')}</p>;
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { callOutcomeLabel } from '../../../../../shared/codes/domain';
import type { AppError } from '../../../../../shared/result';
import { durationsKnown, type CallReview, type RecordingInfo } from '../../../../../shared/results';
import { currentLineAt } from '../../../../../shared/transcript';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { DncCallButton } from '../../dnc/DncCallButton';
import { useT } from '../../../i18n/useT';
import { useLocalized } from '../../tasks/useLocale';
import { useFormat } from '../../../i18n/format';
import { clock } from '../format';
import { useResultsStore } from '../resultsStore';
import { PlaybackBar } from './PlaybackBar';
import { RecordingProblem } from './RecordingProblem';
import { Transcript } from './Transcript';
import { useReviewKeys } from './useReviewKeys';
import { useWaveform } from './useWaveform';

/**
 * One call under review: the recording drawn as a waveform with each transcript line as a
 * region, the transcript beside it following playback, and the playback keys. The pane stays
 * mounted from call to call (its waveform player is reused); what belongs to one call starts
 * again when `callId` changes.
 */
export function ReviewPane({ callId }: { callId: string }) {
  const t = useT();
  const fmt = useFormat();
  const label = useLocalized();
  const step = useResultsStore((store) => store.step);
  const [review, setReview] = useState<CallReview | null>(null);
  const [recording, setRecording] = useState<RecordingInfo | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [speed, setSpeed] = useState(1);
  const container = useRef<HTMLDivElement>(null);
  const [shownCall, setShownCall] = useState(callId);
  if (shownCall !== callId) {
    setShownCall(callId);
    setReview(null);
    setRecording(null);
    setError(null);
    setSpeed(1);
  }

  useEffect(() => {
    let live = true;
    setRecording(null);
    void window.api.results.call({ callId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setReview(r.value);
        useResultsStore.getState().updateCall(r.value.call);
      } else setError(r.error);
    });
    void window.api.recordings.open({ callId }).then((r) => {
      if (!live) return;
      if (r.ok) setRecording(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [callId, attempt]);

  const playable = recording?.ok ? recording : null;
  // Main places the lines by the provider's rule, which may need the recording's length.
  const place = useCallback(
    async (durationMs: number) => {
      const placed = await window.api.results.transcript({ callId, durationMs });
      return placed.ok ? placed.value : (review?.utterances ?? []);
    },
    [callId, review],
  );
  const wave = useWaveform(container, review ? playable : null, place);
  const lines = useMemo(
    () => (wave.placed.length > 0 ? wave.placed : (review?.utterances ?? [])),
    [wave.placed, review],
  );
  const current = useMemo(() => currentLineAt(lines, wave.time * 1000), [lines, wave.time]);
  const ready = wave.state === 'ready';

  const actions = {
    toggle: () => void wave.player.current?.playPause(),
    skip: (seconds: number) => wave.player.current?.skip(seconds),
    step,
  };
  useReviewKeys(actions);
  // Stable callbacks, so the (memoised) transcript redraws only when its lines or the current
  // one change, not on every tick of the playback clock.
  const player = wave.player;
  const seek = useCallback(
    (index: number): void => {
      const line = lines[index];
      const current = player.current;
      if (!line || line.startMs === null || !current) return;
      // Just inside the region, so the line counts as current at once; then play from there.
      current.setTime(Math.min(line.endMs ?? line.startMs, line.startMs + 10) / 1000);
      void current.play();
    },
    [lines, player],
  );
  // A transcript that came in draws its regions with a fresh load of the pane.
  const retryTranscript = useCallback(async (): Promise<void> => {
    const r = await window.api.results.retryTranscript({ callId });
    if (!r.ok) return setError(r.error);
    if (r.value.transcript === 'ready') return setAttempt((n) => n + 1);
    setReview(r.value);
    // (Its row's line count: known once the transcript is no longer pending.)
    useResultsStore.getState().updateCall(r.value.call);
  }, [callId]);
  const changeSpeed = (rate: number): void => {
    setSpeed(rate);
    wave.player.current?.setPlaybackRate(rate, true);
  };

  const call = review?.call;
  return (
    <section
      className="review-pane"
      aria-label={t('results.review.label')}
      data-current-time={wave.time.toFixed(3)}
    >
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {call && (
        <header className="review-head">
          <strong>{call.telephone}</strong>
          {!call.telephone.includes('*') && <DncCallButton callId={call.id} telephone={call.telephone} />}
          <span className={`call-status call-status-${call.outcome}`}>
            {label(callOutcomeLabel(call.outcome, call.outcomeCode))}
          </span>
          <span>{call.intentions.join('、')}</span>
          <span className="muted">{fmt.dateTime(call.startedAt)}</span>
          <span className="muted">
            {durationsKnown(call)
              ? t('results.review.talk', { talk: clock(call.talkMs), call: clock(call.callMs) })
              : t('results.review.talkUnknown')}
          </span>
          {call.row && (
            <span className="muted">
              {t('results.review.row', { list: call.row.listName })}{' '}
              {call.row.variableNames
                .map((name, i) => `${name}：${call.row?.variables[i] ?? ''}`)
                .join(' · ')}
            </span>
          )}
        </header>
      )}
      <PlaybackBar
        playing={wave.playing}
        disabled={!ready}
        time={wave.time}
        duration={wave.duration}
        speed={speed}
        onToggle={actions.toggle}
        onSkip={actions.skip}
        onSpeed={changeSpeed}
        onStep={step}
      />
      {recording && !recording.ok && (
        <RecordingProblem
          problem={recording.problem}
          detail={recording.detail}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      {playable && wave.state === 'undecodable' && (
        <RecordingProblem problem="undecodable" onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {!recording && <p className="loading">{t('results.review.loading')}</p>}
      <div
        ref={container}
        className="waveform"
        data-testid="waveform"
        data-state={playable ? wave.state : 'none'}
        role="img"
        aria-label={t('results.review.waveform')}
        hidden={!playable || wave.state === 'undecodable'}
      />
      {review && (
        <Transcript
          key={callId}
          lines={lines}
          state={review.transcript}
          current={current}
          onSeek={seek}
          onRetry={retryTranscript}
        />
      )}
    </section>
  );
}

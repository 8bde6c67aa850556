import { useRef } from 'react';
import type { Speaker, Utterance } from '../../../../../shared/results';
import type { MessageKey } from '../../../i18n/messages';
import { useT } from '../../../i18n/useT';
import { clock } from '../format';
import { useTranscriptFollow } from './useTranscriptFollow';

const SPEAKER: Record<Speaker, MessageKey> = {
  robot: 'results.review.robot',
  agent: 'results.review.agent',
  customer: 'results.review.customer',
};

interface TranscriptProps {
  /** The lines, placed on the recording once its length is known. */
  lines: Utterance[];
  current: number;
  onSeek: (index: number) => void;
}

/**
 * The call's transcript beside the waveform: robot, agent and customer lines told apart, the line
 * being heard highlighted and kept in view; clicking a line plays from it.
 */
export function Transcript({ lines, current, onSeek }: TranscriptProps) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const { following, onUserScroll, backToCurrent } = useTranscriptFollow(list, current);
  if (lines.length === 0) return <p className="muted">{t('results.review.noLines')}</p>;
  return (
    <div className="transcript">
      <ol
        ref={list}
        className="transcript-lines"
        aria-label={t('results.review.transcript')}
        onScroll={onUserScroll}
      >
        {lines.map((line, i) => {
          const placed = line.startMs !== null;
          return (
            <li
              key={line.index}
              data-line={i}
              data-start={placed ? line.startMs! / 1000 : undefined}
              data-end={line.endMs !== null ? line.endMs / 1000 : undefined}
              className={`line ${line.speaker}${i === current ? ' current' : ''}`}
              aria-current={i === current ? 'true' : undefined}
            >
              <button type="button" onClick={() => onSeek(i)} disabled={!placed}>
                <span className="who">
                  {t(SPEAKER[line.speaker])}
                  {placed && <span className="at">{clock(line.startMs!)}</span>}
                </span>
                <span className="text">{line.text}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {!following && (
        <button type="button" className="back-to-current" onClick={backToCurrent}>
          {t('results.review.backToCurrent')}
        </button>
      )}
    </div>
  );
}

import { useRef } from 'react';
import type { Utterance } from '../../../../../shared/results';
import type { PlacedLine } from '../../../../../shared/transcriptPlacement';
import { useT } from '../../../i18n/useT';
import { clock } from '../format';
import { useTranscriptFollow } from './useTranscriptFollow';

interface TranscriptProps {
  lines: Utterance[];
  placed: PlacedLine[];
  current: number;
  onSeek: (index: number) => void;
}

/**
 * The call's transcript beside the waveform: robot and customer lines told apart, the line
 * being heard highlighted and kept in view; clicking a line plays from it.
 */
export function Transcript({ lines, placed, current, onSeek }: TranscriptProps) {
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
          const at = placed[i];
          return (
            <li
              key={line.index}
              data-line={i}
              data-start={at?.start}
              data-end={at?.end}
              className={`line ${line.speaker}${i === current ? ' current' : ''}`}
              aria-current={i === current ? 'true' : undefined}
            >
              <button type="button" onClick={() => onSeek(i)} disabled={!at}>
                <span className="who">
                  {line.speaker === 'robot' ? t('results.review.robot') : t('results.review.customer')}
                  {at && <span className="at">{clock(at.start * 1000)}</span>}
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

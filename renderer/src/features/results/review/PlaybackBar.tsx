import { Button, Select } from 'antd';
import { useT } from '../../../i18n/useT';
import { clock } from '../format';

/** Playback speeds offered; pitch is kept at every one (preservesPitch). */
export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

interface PlaybackBarProps {
  playing: boolean;
  disabled: boolean;
  time: number;
  duration: number | null;
  speed: number;
  onToggle: () => void;
  onSkip: (seconds: number) => void;
  onSpeed: (rate: number) => void;
  onStep: (delta: number) => void;
}

/** Play/pause, ±5 s, speed, previous/next call, and the keys that do the same. */
export function PlaybackBar(props: PlaybackBarProps) {
  const t = useT();
  return (
    <div className="playback-bar">
      <Button onClick={() => props.onStep(-1)} aria-keyshortcuts="K PageUp">
        {t('results.review.prev')}
      </Button>
      <Button onClick={() => props.onSkip(-5)} disabled={props.disabled} aria-keyshortcuts="ArrowLeft">
        {t('results.review.back5')}
      </Button>
      <Button
        type="primary"
        onClick={props.onToggle}
        disabled={props.disabled}
        aria-keyshortcuts="Space"
        aria-pressed={props.playing}
      >
        {props.playing ? t('results.review.pause') : t('results.review.play')}
      </Button>
      <Button onClick={() => props.onSkip(5)} disabled={props.disabled} aria-keyshortcuts="ArrowRight">
        {t('results.review.forward5')}
      </Button>
      <Button onClick={() => props.onStep(1)} aria-keyshortcuts="J PageDown">
        {t('results.review.next')}
      </Button>
      <span className="clock">
        {clock(props.time * 1000)} / {props.duration === null ? '—' : clock(props.duration * 1000)}
      </span>
      <span className="results-field">
        <label htmlFor="review-speed">{t('results.review.speed')}</label>
        <Select<number>
          id="review-speed"
          size="small"
          className="review-speed"
          popupMatchSelectWidth={false}
          virtual={false}
          value={props.speed}
          onChange={props.onSpeed}
          options={SPEEDS.map((s) => ({ value: s, label: `${s}×` }))}
        />
      </span>
      <p className="muted keys-hint">{t('results.review.keys')}</p>
    </div>
  );
}

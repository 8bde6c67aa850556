import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import WaveSurfer from 'wavesurfer.js';
import type { RecordingInfo, Speaker, Utterance } from '../../../../../shared/results';
import { adoptWaveformStyles } from './waveformStyles';
import { channelOf } from './waveformPeaks';

/** Region colours: robot, agent and customer told apart on the waveform as in the transcript. */
const REGION_COLOURS: Record<Speaker, string> = {
  robot: 'rgba(37, 99, 235, 0.16)',
  agent: 'rgba(217, 119, 6, 0.2)',
  customer: 'rgba(22, 163, 74, 0.24)',
};

export type WaveformState = 'loading' | 'ready' | 'undecodable';

export interface Waveform {
  state: WaveformState;
  /** Seconds; null until known. */
  duration: number | null;
  time: number;
  playing: boolean;
  player: RefObject<WaveSurfer | null>;
}

type Playable = Extract<RecordingInfo, { ok: true }>;

/**
 * Draws the transcript's lines on the waveform: one plain box per placed line, positioned by
 * percent of the recording, in a layer that does not take clicks (a click seeks, as anywhere on
 * the waveform). Each box is `part="region"`.
 */
function drawRegions(layer: HTMLElement, lines: Utterance[], seconds: number): void {
  const boxes = document.createDocumentFragment();
  if (seconds > 0) {
    lines.forEach((line, i) => {
      if (line.startMs === null || line.endMs === null) return;
      const start = Math.min(1, line.startMs / 1000 / seconds);
      const end = Math.min(1, Math.max(start, line.endMs / 1000 / seconds));
      const box = document.createElement('div');
      box.setAttribute('part', 'region');
      box.dataset.line = String(i);
      box.style.left = `${start * 100}%`;
      box.style.width = `${(end - start) * 100}%`;
      box.style.backgroundColor = REGION_COLOURS[line.speaker];
      boxes.appendChild(box);
    });
  }
  layer.replaceChildren(boxes);
}

/** A theme token's value on the document (antd's baked CSS variables), or a fallback. */
function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * Draws a recording with wavesurfer.js and plays it. One wavesurfer serves the pane for its
 * whole life: each recording is `load`ed into it, so opening another call builds no new player,
 * shadow DOM or canvases' host. With peaks from main it draws at once without downloading or
 * decoding the audio; otherwise wavesurfer decodes it and the peaks it computed are handed to
 * main to keep, so the next open is instant too. `place` turns the decoded length into the
 * transcript placed on the recording (main places it by the provider's rule: some need that
 * length), drawn as regions.
 */
export function useWaveform(
  container: RefObject<HTMLDivElement | null>,
  recording: Playable | null,
  place: (durationMs: number) => Promise<Utterance[]>,
): Waveform & { placed: Utterance[] } {
  const player = useRef<WaveSurfer | null>(null);
  const regionsRef = useRef<HTMLElement | null>(null);
  const [state, setState] = useState<WaveformState>('loading');
  const [duration, setDuration] = useState<number | null>(null);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [placed, setPlaced] = useState<Utterance[]>([]);
  const placeRef = useRef(place);
  placeRef.current = place;
  // Another recording (another call): start from nothing in this render, not one after it.
  const [shown, setShown] = useState(recording);
  if (shown !== recording) {
    setShown(recording);
    setState('loading');
    setDuration(null);
    setTime(0);
    setPlaying(false);
    setPlaced([]);
  }

  // Layout effects: a recording is loaded in the commit that shows its container, not after the
  // browser has painted the pane without it (a passive effect waits for that frame).
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const ws = WaveSurfer.create({
      container: element,
      height: 96,
      // Canvas colours cannot read CSS variables: take the theme's tokens as they are now.
      waveColor: token('--ant-color-text-quaternary', '#94a3b8'),
      progressColor: token('--ant-color-primary', '#334155'),
      cursorColor: token('--ant-color-error', '#dc2626'),
      cursorWidth: 2,
      normalize: true,
      interact: true,
    });
    adoptWaveformStyles(ws.getWrapper());
    const regions = document.createElement('div');
    regions.className = 'regions';
    ws.getWrapper().appendChild(regions);
    ws.getMediaElement().preservesPitch = true;
    player.current = ws;
    regionsRef.current = regions;
    const subscriptions = [
      ws.on('timeupdate', (seconds) => setTime(seconds)),
      ws.on('play', () => setPlaying(true)),
      ws.on('pause', () => setPlaying(false)),
      ws.on('finish', () => setPlaying(false)),
    ];
    return () => {
      subscriptions.forEach((unsubscribe) => unsubscribe());
      player.current = null;
      regionsRef.current = null;
      ws.destroy();
    };
  }, [container]);

  useLayoutEffect(() => {
    const ws = player.current;
    const regions = regionsRef.current;
    if (!ws || !regions) return;
    regions.replaceChildren();
    if (!recording) {
      // Between calls: the last call's audio stops; the next one is loaded into the same player.
      ws.pause();
      return;
    }
    // Each recording starts at normal speed, as the pane's speed control does for each call.
    ws.setPlaybackRate(1, true);
    const peaks = recording.peaks ? channelOf(recording.peaks) : null;
    let live = true;
    const addRegions = async (seconds: number): Promise<void> => {
      const lines = await placeRef.current(Math.round(seconds * 1000));
      if (!live) return;
      setPlaced(lines);
      drawRegions(regions, lines, seconds);
    };
    // Drawn once this load is ready and its render has completed (not a redraw of the last one).
    let loaded: number | null = null;
    let drawn = false;
    const subscriptions = [
      ws.on('ready', (seconds) => {
        loaded = seconds;
        void addRegions(seconds);
      }),
      ws.on('redrawcomplete', () => {
        const seconds = loaded;
        if (seconds === null || drawn || ws.getDuration() <= 0) return;
        drawn = true;
        // Committed now, not in a render React schedules after the next paint: the waveform,
        // its length and the enabled playback buttons appear in the same frame.
        flushSync(() => {
          setDuration(seconds);
          setState('ready');
        });
      }),
      ws.on('decode', (seconds) => {
        if (peaks || seconds <= 0) return;
        // Decoded here (main could not): keep the peaks so the next open draws at once.
        const perSecond = 100;
        const [channel] = ws.exportPeaks({ maxLength: Math.ceil(seconds * perSecond), precision: 1000 });
        if (!channel) return;
        void window.api.recordings.storePeaks({
          key: recording.key,
          peaks: Uint8Array.from(channel, (v) => Math.min(255, Math.ceil(Math.abs(v) * 255))),
          peaksPerSecond: perSecond,
          durationMs: Math.round(seconds * 1000),
        });
      }),
      ws.on('error', (error) => {
        // A load this one replaced is aborted: that is not this recording failing.
        if (live && error.name !== 'AbortError') setState((s) => (s === 'ready' ? s : 'undecodable'));
      }),
    ];
    const seconds = recording.durationMs === null ? undefined : recording.durationMs / 1000;
    void ws.load(recording.url, peaks ? [peaks] : undefined, peaks ? seconds : undefined).catch(() => {
      if (live) setState((s) => (s === 'ready' ? s : 'undecodable'));
    });
    return () => {
      live = false;
      subscriptions.forEach((unsubscribe) => unsubscribe());
    };
  }, [recording]);

  return { state, duration, time, playing, player, placed };
}

/** Most points handed to wavesurfer: more than the widest waveform has device pixels. */
export const MAX_POINTS = 8192;

/**
 * Main's peaks (0–255, 100 a second: 60,000 for ten minutes) as the channel wavesurfer draws,
 * scaled to 0–1 and cut to at most MAX_POINTS by keeping the loudest of each group, so drawing
 * does not walk far more points than the canvas has pixels.
 */
export function channelOf(peaks: Uint8Array): Float32Array {
  const points = Math.min(peaks.length, MAX_POINTS);
  const out = new Float32Array(points);
  const step = peaks.length / points;
  for (let p = 0; p < points; p++) {
    const to = Math.min(peaks.length, Math.floor((p + 1) * step));
    let max = 0;
    for (let i = Math.floor(p * step); i < to; i++) if (peaks[i]! > max) max = peaks[i]!;
    out[p] = max / 255;
  }
  return out;
}

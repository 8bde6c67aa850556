/**
 * Waveform peaks: the loudest sample of each short bucket, as one byte (0–255 of full scale).
 * 100 buckets a second draws a 10-minute call sharply on any screen and takes 60 kB, so it is
 * cheap to keep on disk and to send to the renderer, which then draws without decoding audio.
 */

/** Buckets per second for ordinary recordings. */
export const PEAKS_PER_SECOND = 100;
/** Past this many buckets (20 minutes at 100/s) fewer buckets per second are kept. */
export const MAX_PEAK_BUCKETS = 120_000;

/** The bucket rate for a recording of `durationMs`: 100/s, fewer for very long ones. */
export function peaksPerSecondFor(durationMs: number): number {
  const seconds = Math.max(1, durationMs / 1000);
  return Math.max(1, Math.min(PEAKS_PER_SECOND, Math.floor(MAX_PEAK_BUCKETS / seconds)));
}

/**
 * Peaks of interleaved samples in [-1, 1]: for each bucket of `sampleRate / perSecond` frames,
 * the largest magnitude over every channel, scaled to 0–255 (rounded up, so faint sound stays
 * visible).
 */
export function computePeaks(
  samples: Float32Array,
  channels: number,
  sampleRate: number,
  perSecond: number,
): Uint8Array {
  const frames = Math.floor(samples.length / channels);
  const framesPerBucket = sampleRate / perSecond;
  const buckets = Math.ceil(frames / framesPerBucket);
  const out = new Uint8Array(buckets);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * framesPerBucket) * channels;
    const to = Math.min(frames, Math.floor((b + 1) * framesPerBucket)) * channels;
    let max = 0;
    for (let i = from; i < to; i++) {
      const v = Math.abs(samples[i]!);
      if (v > max) max = v;
    }
    out[b] = Math.min(255, Math.ceil(max * 255));
  }
  return out;
}

/** Each G.711 code's peak byte (its decoded magnitude on the 0–255 scale), per decoding table. */
const levelTables = new WeakMap<Int16Array, Uint8Array>();

function levelsOf(table: Int16Array): Uint8Array {
  let levels = levelTables.get(table);
  if (!levels) {
    levels = Uint8Array.from(table, (v) => Math.min(255, Math.ceil((Math.abs(v) / 32768) * 255)));
    levelTables.set(table, levels);
  }
  return levels;
}

/**
 * Peaks of G.711 (A-law or μ-law) audio straight from its 8-bit codes, with nothing decoded to
 * PCM: each code's level comes from a 256-entry table of its decoded magnitude (`table` is the
 * code → linear table, g711.ts). The same buckets and values as `computePeaks` on the decoded
 * samples, since the loudest code of a bucket is also the loudest sample.
 */
export function computeG711Peaks(
  codes: Uint8Array,
  table: Int16Array,
  channels: number,
  sampleRate: number,
  perSecond: number,
): Uint8Array {
  const levels = levelsOf(table);
  const frames = Math.floor(codes.length / channels);
  const framesPerBucket = sampleRate / perSecond;
  const buckets = Math.ceil(frames / framesPerBucket);
  const out = new Uint8Array(buckets);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * framesPerBucket) * channels;
    const to = Math.min(frames, Math.floor((b + 1) * framesPerBucket)) * channels;
    let max = 0;
    for (let i = from; i < to; i++) {
      const level = levels[codes[i]!]!;
      if (level > max) max = level;
    }
    out[b] = max;
  }
  return out;
}

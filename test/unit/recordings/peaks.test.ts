import { describe, expect, it } from 'vitest';
import { computePeaks, peaksPerSecondFor } from '../../../electron/services/recordings/peaks';

describe('waveform peaks', () => {
  it('keeps the loudest magnitude of each bucket over every channel, as a byte', () => {
    // 8 kHz stereo, 100 buckets a second → 80 frames a bucket.
    const samples = new Float32Array(2 * 200);
    samples[2 * 10] = -0.5; // bucket 0, left
    samples[2 * 90 + 1] = 1; // bucket 1, right
    samples[2 * 170] = 0.001; // bucket 2: faint, still visible
    expect(Array.from(computePeaks(samples, 2, 8000, 100))).toEqual([128, 255, 1]);
  });

  it('uses 100 buckets a second, fewer past 20 minutes', () => {
    expect(peaksPerSecondFor(10 * 60_000)).toBe(100);
    expect(peaksPerSecondFor(40 * 60_000)).toBe(50);
    expect(peaksPerSecondFor(0)).toBe(100);
  });
});

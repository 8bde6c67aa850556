import { describe, expect, it } from 'vitest';
import { ALAW_TABLE, decodeAlaw, decodeMulaw, MULAW_TABLE } from '../../../electron/services/recordings/g711';
import {
  computeG711Peaks,
  computePeaks,
  peaksPerSecondFor,
} from '../../../electron/services/recordings/peaks';

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

  it('reads G.711 peaks straight from the codes, the same as from the decoded samples', () => {
    // Every code, in a shuffled order, in stereo: 4 buckets of 80 frames and a short last one.
    const codes = Uint8Array.from({ length: 2 * 350 }, (_, i) => (i * 97 + (i >> 3)) & 0xff);
    for (const [table, decode] of [
      [ALAW_TABLE, decodeAlaw],
      [MULAW_TABLE, decodeMulaw],
    ] as const) {
      const samples = Float32Array.from(decode(codes), (v) => v / 32768);
      const direct = computeG711Peaks(codes, table, 2, 8000, 100);
      expect(direct.length).toBe(5);
      expect(Array.from(direct)).toEqual(Array.from(computePeaks(samples, 2, 8000, 100)));
    }
    // The loudest and the quietest A-law codes: full scale, and faint yet visible.
    expect(Array.from(computeG711Peaks(Uint8Array.of(0xaa, 0xd5), ALAW_TABLE, 1, 100, 100))).toEqual([
      252, 1,
    ]);
  });
});

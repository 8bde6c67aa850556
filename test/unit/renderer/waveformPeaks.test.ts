import { describe, expect, it } from 'vitest';
import { channelOf, MAX_POINTS } from '../../../renderer/src/features/results/review/waveformPeaks';

describe('the peaks wavesurfer draws', () => {
  it('are main’s peaks scaled to 0–1 while there are few of them', () => {
    expect(Array.from(channelOf(Uint8Array.of(0, 51, 255)))).toEqual([0, 0.2, 1].map(Math.fround));
  });

  it('keep the loudest of each group past MAX_POINTS, so no sound is lost', () => {
    // Ten minutes at 100 a second, silent but for single loud buckets.
    const peaks = new Uint8Array(60_000);
    peaks[0] = 255;
    peaks[30_001] = 128;
    peaks[59_999] = 64;
    const channel = channelOf(peaks);
    expect(channel.length).toBe(MAX_POINTS);
    expect(channel[0]).toBe(1);
    expect(channel[Math.floor(30_001 / (60_000 / MAX_POINTS))]).toBeCloseTo(128 / 255);
    expect(channel[MAX_POINTS - 1]).toBeCloseTo(64 / 255);
    expect(channel.filter((v) => v > 0)).toHaveLength(3);
  });
});

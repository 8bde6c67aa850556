import { describe, expect, it } from 'vitest';
import { currentLineAt, placeUtterances, recordingBase } from '../../../shared/transcriptPlacement';

// The document's 2.9 example: start 1570607970268, answer 1570607985848, end 1570608025308.
const timing = { startedAt: 1570607970268, answeredAt: 1570607985848, callMs: 55040, talkMs: 39460 };
const lines = [
  {
    at: 1570607971174,
    text: '您好，我是XXX的体验专员，今天给您来电是想了解一下，您第一次在我们平台下单的体验怎么样？',
  },
  { at: 1570608002233, text: '挺好的' },
];

describe('placing transcript lines on the recording', () => {
  it('takes the base from the decoded length: near fee_duration → answer, near call_duration → start', () => {
    expect(recordingBase(timing, 39_500)).toBe('answer');
    expect(recordingBase(timing, 55_000)).toBe('start');
    expect(recordingBase(timing, 47_249)).toBe('answer'); // a tie goes to the conversation
    expect(recordingBase({ ...timing, answeredAt: null }, 39_460)).toBe('start');
  });

  it('offsets from answer_time, clamping the line queued before the answer to 0', () => {
    const placed = placeUtterances(timing, lines, 39_460);
    expect(placed[0]!.start).toBe(0);
    expect(placed[1]!.start).toBeCloseTo((1570608002233 - 1570607985848) / 1000, 6);
    expect(placed[0]!.end).toBeLessThanOrEqual(placed[1]!.start);
    expect(placed[1]!.end).toBeGreaterThan(placed[1]!.start);
  });

  it('offsets from start_time when the recording covers the whole call', () => {
    const placed = placeUtterances(timing, lines, 55_040);
    expect(placed[0]!.start).toBeCloseTo(0.906, 6);
    expect(placed[1]!.start).toBeCloseTo(31.965, 6);
  });

  it('clamps every line into [0, duration]', () => {
    const late = [...lines, { at: timing.startedAt + 10 * 60_000, text: '再见' }];
    const placed = placeUtterances(timing, late, 39_460);
    for (const p of placed) {
      expect(p.start).toBeGreaterThanOrEqual(0);
      expect(p.end).toBeLessThanOrEqual(39.46);
      expect(p.end).toBeGreaterThanOrEqual(p.start);
    }
    expect(placed[2]!.start).toBe(39.46);
  });

  it('finds the line being heard', () => {
    const placed = placeUtterances(timing, lines, 39_460);
    expect(currentLineAt(placed, 0)).toBe(0);
    expect(currentLineAt(placed, 16.2)).toBe(0);
    expect(currentLineAt(placed, 16.5)).toBe(1);
  });
});

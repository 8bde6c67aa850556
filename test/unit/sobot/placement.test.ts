import { describe, expect, it } from 'vitest';
import type { StoredUtterance } from '../../../electron/services/providers/types';
import { placeUtterances, recordingBase } from '../../../electron/services/sobot/provider/placement';
import { currentLineAt } from '../../../shared/transcript';

// The document's 2.9 example: start 1570607970268, answer 1570607985848, end 1570608025308.
const timing = { startedAt: 1570607970268, answeredAt: 1570607985848, callMs: 55040, talkMs: 39460 };
const line = (at: number, text: string, speaker: StoredUtterance['speaker'] = 'robot'): StoredUtterance => ({
  speaker,
  text,
  at,
  startMs: null,
  endMs: null,
  remark: null,
});
const lines = [
  line(
    1570607971174,
    '您好，我是XXX的体验专员，今天给您来电是想了解一下，您第一次在我们平台下单的体验怎么样？',
  ),
  line(1570608002233, '挺好的', 'customer'),
];

describe('placing iCall transcript lines on the recording', () => {
  it('takes the base from the decoded length: near fee_duration → answer, near call_duration → start', () => {
    expect(recordingBase(timing, 39_500)).toBe('answer');
    expect(recordingBase(timing, 55_000)).toBe('start');
    expect(recordingBase(timing, 47_249)).toBe('answer'); // a tie goes to the conversation
    expect(recordingBase({ ...timing, answeredAt: null }, 39_460)).toBe('start');
  });

  it('offsets from answer_time, clamping the line queued before the answer to 0', () => {
    const placed = placeUtterances(timing, lines, 39_460);
    expect(placed[0]!.startMs).toBe(0);
    expect(placed[1]!.startMs).toBe(1570608002233 - 1570607985848);
    expect(placed[0]!.endMs!).toBeLessThanOrEqual(placed[1]!.startMs!);
    expect(placed[1]!.endMs!).toBeGreaterThan(placed[1]!.startMs!);
    expect(placed.map((p) => p.speaker)).toEqual(['robot', 'customer']);
  });

  it('offsets from start_time when the recording covers the whole call', () => {
    const placed = placeUtterances(timing, lines, 55_040);
    expect(placed[0]!.startMs).toBe(906);
    expect(placed[1]!.startMs).toBe(31_965);
  });

  it('clamps every line into [0, duration]', () => {
    const late = [...lines, line(timing.startedAt + 10 * 60_000, '再见')];
    const placed = placeUtterances(timing, late, 39_460);
    for (const p of placed) {
      expect(p.startMs!).toBeGreaterThanOrEqual(0);
      expect(p.endMs!).toBeLessThanOrEqual(39_460);
      expect(p.endMs!).toBeGreaterThanOrEqual(p.startMs!);
    }
    expect(placed[2]!.startMs).toBe(39_460);
  });

  it('leaves lines unplaced until the recording’s length is known', () => {
    const placed = placeUtterances(timing, lines, null);
    expect(placed.map((p) => [p.index, p.text, p.startMs, p.endMs])).toEqual([
      [0, lines[0]!.text, null, null],
      [1, '挺好的', null, null],
    ]);
  });

  it('finds the line being heard', () => {
    const placed = placeUtterances(timing, lines, 39_460);
    expect(currentLineAt(placed, 0)).toBe(0);
    expect(currentLineAt(placed, 16_200)).toBe(0);
    expect(currentLineAt(placed, 16_500)).toBe(1);
  });
});

describe('the current line of overlapping (stereo) lines', () => {
  it('is the latest one that has started; none before the first or when unplaced', () => {
    const overlapping = [
      { startMs: 1000 },
      { startMs: 1500 }, // starts while line 0 is still heard
      { startMs: null },
      { startMs: 1500 }, // ties go to the later line
    ];
    expect(currentLineAt(overlapping, 999)).toBe(-1);
    expect(currentLineAt(overlapping, 1200)).toBe(0);
    expect(currentLineAt(overlapping, 1600)).toBe(3);
    expect(currentLineAt([{ startMs: null }], 5000)).toBe(-1);
  });
});

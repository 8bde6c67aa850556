import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../../shared/results';
import { currentLineAt } from '../../../shared/transcript';
import { sideOf, transcriptRows } from '../../../renderer/src/features/results/review/transcriptRows';

const line = (speaker: Speaker, startMs: number | null, endMs: number | null) => ({
  speaker,
  startMs,
  endMs,
});

describe('transcript rows', () => {
  it('keeps lines that do not overlap each on a row of its own', () => {
    const rows = transcriptRows([
      line('robot', 0, 2000),
      line('customer', 2000, 3000),
      line('robot', 3500, 5000),
    ]);
    expect(rows.map((r) => [r.lines, r.overlap])).toEqual([
      [[0], false],
      [[1], false],
      [[2], false],
    ]);
    expect(rows[1]).toMatchObject({ staff: [], customer: [1] });
  });

  it('puts a customer talking over the robot beside it, staff left and customer right', () => {
    const rows = transcriptRows([
      line('robot', 0, 4000),
      line('customer', 3400, 5200),
      line('robot', 6000, 8000),
    ]);
    expect(rows).toEqual([
      { lines: [0, 1], overlap: true, staff: [0], customer: [1] },
      { lines: [2], overlap: false, staff: [2], customer: [] },
    ]);
    // The agent is staff too.
    expect(transcriptRows([line('customer', 0, 3000), line('agent', 1000, 2000)])).toEqual([
      { lines: [0, 1], overlap: true, staff: [1], customer: [0] },
    ]);
  });

  it('chains crosstalk into one row while each line overlaps the other side', () => {
    const rows = transcriptRows([
      line('robot', 0, 4000),
      line('customer', 3500, 6000),
      line('robot', 5500, 7000),
      line('customer', 7500, 8000),
    ]);
    expect(rows.map((r) => r.lines)).toEqual([[0, 1, 2], [3]]);
    expect(rows[0]).toMatchObject({ staff: [0, 2], customer: [1] });
  });

  it('never joins lines of one side alone, nor lines not placed yet', () => {
    // The robot's own lines overlapping: nobody else talks, each stays in its row.
    expect(transcriptRows([line('robot', 0, 3000), line('robot', 1000, 2000)]).map((r) => r.lines)).toEqual([
      [0],
      [1],
    ]);
    expect(
      transcriptRows([line('robot', null, null), line('customer', null, null)]).map((r) => r.overlap),
    ).toEqual([false, false]);
    // A line ending exactly where the other starts is not at once.
    expect(transcriptRows([line('robot', 0, 1000), line('customer', 1000, 2000)])).toHaveLength(2);
    expect(transcriptRows([])).toEqual([]);
  });

  it('makes the latest started line current, in its row beside the one still being said', () => {
    const lines = [line('robot', 0, 4000), line('customer', 3400, 5200), line('robot', 6000, 8000)];
    const rows = transcriptRows(lines);
    // Before the customer starts: the robot's line; once they talk over it, theirs (the robot's
    // has not ended, but the latest started is the one being heard).
    expect(currentLineAt(lines, 3000)).toBe(0);
    expect(currentLineAt(lines, 3400)).toBe(1);
    expect(currentLineAt(lines, 3900)).toBe(1);
    expect(rows[0]!.lines).toContain(currentLineAt(lines, 3900));
    expect(currentLineAt(lines, 6500)).toBe(2);
    expect(rows[1]!.lines).toEqual([2]);
    expect(currentLineAt(lines, -1)).toBe(-1);
  });

  it('tells the sides apart by speaker', () => {
    expect([sideOf('robot'), sideOf('agent'), sideOf('customer')]).toEqual(['staff', 'staff', 'customer']);
  });
});

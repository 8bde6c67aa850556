/**
 * How the transcript's lines are laid out in rows. Pure: no DOM, no React. A stereo recording
 * holds both sides at once, so lines of the two sides may overlap in time: such lines share a
 * row, side by side — the robot's or agent's on the left, the customer's on the right, as the
 * transcript's chat layout puts them. Which line is current is `currentLineAt`'s answer (the
 * latest started one), wherever its row is.
 */
import type { Speaker, Utterance } from '../../../../../shared/results';

/** The two sides of a call: the staff (robot or agent) and the customer. */
export type Side = 'staff' | 'customer';

export function sideOf(speaker: Speaker): Side {
  return speaker === 'customer' ? 'customer' : 'staff';
}

/** One row of the transcript: a line on its own, or lines of both sides said at once. */
export interface TranscriptRow {
  /** Indices of its lines in `lines`, in their order there. */
  lines: number[];
  /** Lines of both sides overlap: shown side by side (`staff` left, `customer` right). */
  overlap: boolean;
  staff: number[];
  customer: number[];
}

type Timed = Pick<Utterance, 'speaker' | 'startMs' | 'endMs'>;

/**
 * Groups lines (in start order) into rows. A line joins the row before it when it starts
 * before a line of the other side in that row has ended; otherwise it starts a row of its own.
 * Lines of one side never share a row by themselves, and a line not placed on the recording
 * (no start) is always alone.
 */
export function transcriptRows(lines: readonly Timed[]): TranscriptRow[] {
  const rows: TranscriptRow[] = [];
  // The latest end of each side's lines in the last row (−∞ when it has none).
  let ends: Record<Side, number> = { staff: -Infinity, customer: -Infinity };
  lines.forEach((line, index) => {
    const side = sideOf(line.speaker);
    const other: Side = side === 'staff' ? 'customer' : 'staff';
    const last = rows.at(-1);
    const start = line.startMs;
    if (last && start !== null && start < ends[other]) {
      last.lines.push(index);
      last[side].push(index);
      last.overlap = true;
    } else {
      rows.push({ lines: [index], overlap: false, staff: [], customer: [] });
      rows.at(-1)![side].push(index);
      ends = { staff: -Infinity, customer: -Infinity };
    }
    if (start !== null) ends[side] = Math.max(ends[side], line.endMs ?? start);
  });
  return rows;
}

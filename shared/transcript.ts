/**
 * Following a transcript while its recording plays. Pure: no DOM, no Node. Lines may overlap
 * (a stereo recording holds both sides at once): the line heard "now" is the latest one that
 * has started.
 */
import type { Utterance } from './results';

/**
 * The index of the line being heard at `ms`: the last line (in start order, later index on a
 * tie) whose start has passed. −1 before the first line or when no line is placed.
 */
export function currentLineAt(lines: readonly Pick<Utterance, 'startMs'>[], ms: number): number {
  let current = -1;
  let currentStart = -Infinity;
  lines.forEach((line, index) => {
    if (line.startMs === null || line.startMs > ms + 0.001) return;
    if (line.startMs >= currentStart) {
      current = index;
      currentStart = line.startMs;
    }
  });
  return current;
}

/**
 * Where QC lines sit on the recording: QC says so itself (seconds from the file's start, made
 * ms when fetched), so placing only clamps them into the decoded length and orders them.
 * Overlapping lines stay as they are: on a stereo recording both sides may talk at once.
 */
import type { Utterance } from '../../../../shared/results';
import type { CallTimingFacts, StoredUtterance } from '../../providers/types';

export function placeCecTranscript(
  _timing: CallTimingFacts,
  lines: readonly StoredUtterance[],
  durationMs: number | null,
): Utterance[] {
  const clamp = (ms: number): number => (durationMs === null ? ms : Math.min(Math.max(0, ms), durationMs));
  return lines
    .map((line, index) => {
      const startMs = clamp(line.startMs ?? 0);
      return {
        index,
        utterance: {
          speaker: line.speaker,
          text: line.text,
          startMs,
          endMs: Math.max(startMs, clamp(line.endMs ?? line.startMs ?? 0)),
          remark: line.remark,
        },
      };
    })
    .sort((a, b) => a.utterance.startMs - b.utterance.startMs || a.index - b.index)
    .map((entry, index) => ({ index, ...entry.utterance }));
}

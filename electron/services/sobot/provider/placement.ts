/**
 * Where each transcript line sits on its recording (spec README "Transcripts against the
 * recording"). iCall does not say where a recording starts: some cover the whole call
 * (start_time → end_time, length ≈ call_duration), others only the conversation (answer_time →
 * end_time, length ≈ fee_duration). The decoded length decides which, and every line's stamp
 * becomes an offset from that base, clamped into the recording.
 */
import type { Utterance } from '../../../../shared/results';
import type { CallTimingFacts, StoredUtterance } from '../../providers/types';

/** Which instant the recording starts at. */
export type RecordingBase = 'answer' | 'start';

/** Longest span a line's region may take when the next line is far away (silence is not speech). */
const MAX_LINE_MS = 15_000;
/** Shortest region, so a line stamped at the very end is still a visible, clickable region. */
const MIN_LINE_MS = 300;

/**
 * The base of the offsets: `answer` when the decoded length is closer to fee_duration (the
 * recording covers the conversation), `start` when closer to call_duration. An unanswered
 * call has no answer instant, so its recording can only start at the call's start.
 */
export function recordingBase(timing: CallTimingFacts, durationMs: number): RecordingBase {
  if (!timing.answeredAt) return 'start';
  const fromFee = Math.abs(durationMs - timing.talkMs);
  const fromCall = Math.abs(durationMs - timing.callMs);
  return fromFee <= fromCall ? 'answer' : 'start';
}

/** How long a line takes to say, roughly (Chinese speech ≈ 4–5 characters a second). */
function spokenMs(text: string): number {
  return Math.min(MAX_LINE_MS, 500 + [...text].length * 230);
}

/**
 * Places every line (in transcript order) on a recording of `durationMs`. A line's region
 * starts at `at − base` clamped into [0, duration] and ends at the next later line's start, or
 * after about the time it takes to say it when the next line is further away. With no length
 * known yet, lines carry no place (`startMs` null).
 */
export function placeUtterances(
  timing: CallTimingFacts,
  lines: readonly StoredUtterance[],
  durationMs: number | null,
): Utterance[] {
  const unplaced = (line: StoredUtterance, index: number): Utterance => ({
    index,
    speaker: line.speaker,
    text: line.text,
    startMs: null,
    endMs: null,
    remark: line.remark,
  });
  if (durationMs === null) return lines.map(unplaced);
  const duration = Math.max(0, durationMs);
  const base = recordingBase(timing, duration) === 'answer' ? timing.answeredAt! : (timing.startedAt ?? 0);
  const clamp = (ms: number): number => Math.min(duration, Math.max(0, ms));
  const starts = lines.map((line) => clamp((line.at ?? base) - base));
  return lines.map((line, i) => {
    const start = starts[i]!;
    const next = starts.slice(i + 1).find((s) => s > start);
    let end = Math.min(next ?? duration, start + spokenMs(line.text), duration);
    if (end - start < MIN_LINE_MS) end = Math.min(duration, start + MIN_LINE_MS);
    return { ...unplaced(line, i), startMs: Math.round(start), endMs: Math.round(Math.max(start, end)) };
  });
}

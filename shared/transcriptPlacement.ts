/**
 * Where each transcript line sits on its recording (spec/README "Transcripts against the
 * recording"). The provider does not say where a recording starts: some cover the whole call
 * (start_time → end_time, length ≈ call_duration), others only the conversation (answer_time →
 * end_time, length ≈ fee_duration). The decoded length decides which, and every line's stamp
 * becomes an offset from that base, clamped into the recording. Pure: no DOM, no Node.
 */

/** The call facts the rule needs (epoch ms and ms). */
export interface CallTiming {
  startedAt: number | null;
  /** 0 or null when the call was not answered. */
  answeredAt: number | null;
  callMs: number;
  talkMs: number;
}

/** Which instant the recording starts at. */
export type RecordingBase = 'answer' | 'start';

/** A line placed on the recording, in seconds from its start. */
export interface PlacedLine {
  start: number;
  end: number;
}

/** Longest span a line's region may take when the next line is far away (silence is not speech). */
const MAX_LINE_SECONDS = 15;
/** Shortest region, so a line stamped at the very end is still a visible, clickable region. */
const MIN_LINE_SECONDS = 0.3;

/**
 * The base of the offsets: `answer` when the decoded length is closer to fee_duration (the
 * recording covers the conversation), `start` when closer to call_duration. An unanswered
 * call has no answer instant, so its recording can only start at the call's start.
 */
export function recordingBase(timing: CallTiming, durationMs: number): RecordingBase {
  if (!timing.answeredAt) return 'start';
  const fromFee = Math.abs(durationMs - timing.talkMs);
  const fromCall = Math.abs(durationMs - timing.callMs);
  return fromFee <= fromCall ? 'answer' : 'start';
}

/** How long a line takes to say, roughly (Chinese speech ≈ 4–5 characters a second). */
function spokenSeconds(text: string): number {
  return Math.min(MAX_LINE_SECONDS, 0.5 + [...text].length * 0.23);
}

/**
 * Places every line (in transcript order) on a recording of `durationMs`. A line's region
 * starts at `at − base` clamped into [0, duration] and ends at the next later line's start,
 * or after about the time it takes to say it when the next line is further away.
 */
export function placeUtterances(
  timing: CallTiming,
  lines: readonly { at: number; text: string }[],
  durationMs: number,
): PlacedLine[] {
  const duration = Math.max(0, durationMs) / 1000;
  const base = recordingBase(timing, durationMs) === 'answer' ? timing.answeredAt! : (timing.startedAt ?? 0);
  const clamp = (seconds: number): number => Math.min(duration, Math.max(0, seconds));
  const starts = lines.map((line) => clamp((line.at - base) / 1000));
  return starts.map((start, i) => {
    const next = starts.slice(i + 1).find((s) => s > start);
    const spoken = start + spokenSeconds(lines[i]!.text);
    let end = Math.min(next ?? duration, spoken, duration);
    if (end - start < MIN_LINE_SECONDS) end = Math.min(duration, start + MIN_LINE_SECONDS);
    return { start, end: Math.max(start, end) };
  });
}

/**
 * The line being heard at `seconds`: the last line whose region has started (lines that share
 * a start resolve to the later one, which is what is heard after the earlier was cut short).
 * −1 before the first line.
 */
export function currentLineAt(placed: readonly PlacedLine[], seconds: number): number {
  let current = -1;
  for (let i = 0; i < placed.length; i++) {
    if (placed[i]!.start <= seconds + 1e-6) current = i;
  }
  return current;
}

/**
 * What happens on one CEC call, regenerated from its seed (as the Sobot sandbox's call-plan):
 * its failCode — drawn across the whole table of the fragments, half the calls connecting —,
 * its ringing, answer and end, the conversation on two channels (customer left, robot right,
 * as the QC example's channels), how its recording is reached, and how its QC transcript comes
 * to be (done after a while, pending for ever, or failed).
 */
import { CEC_FAIL_CODES } from '../../../../shared/codes/huaweiCec';
import { speechMs } from '../call-plan';
import { mulberry32, pick, randInt, type Rng } from '../random';
import { fillVariables, TEMPLATES } from '../templates';

/** Every failure code of the table. */
export const FAILURE_CODES: readonly string[] = Object.keys(CEC_FAIL_CODES).filter((c) => c !== '00000');

/** A line of the conversation, ms from the start of the recording (= the answer). */
export interface PlannedLine {
  channel: 'left' | 'right';
  speaker: 'customer' | 'staff';
  text: string;
  startMs: number;
  endMs: number;
}

/** How the recording of a call is reached. */
export type RecordingKind = 'drive' | 'url' | 'none' | 'zip';

/** How the QC transcript of a call turns out. */
export type QcFate =
  { kind: 'done'; readyAfterMs: number } | { kind: 'pending' } | { kind: 'failed'; status: number };

export interface CecCallPlan {
  failCode: string;
  callStatus: 5 | 6;
  /** The platform never placed it: the outcome has an empty callId (34601/34605/34606). */
  notPlaced: boolean;
  startTime: number;
  /** Ringing began (`ackBeginTime`); equals start for a call never placed. */
  ackTime: number;
  /** 0 when not answered. */
  answerTime: number;
  endTime: number;
  lines: PlannedLine[];
  recording: RecordingKind;
  qc: QcFate;
}

export interface CecPlanInput {
  seed: number;
  templateIndex: number;
  variables: ReadonlyMap<string, string>;
  startTime: number;
  maxAlertingTime: number;
}

const NOT_PLACED = new Set(['34601', '34605', '34606']);
const QC_FAILED = [9, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40];

function conversation(rng: Rng, input: CecPlanInput): { lines: PlannedLine[]; lengthMs: number } {
  const template = TEMPLATES[input.templateIndex] ?? TEMPLATES[0]!;
  const lines: PlannedLine[] = [];
  let cursor = randInt(rng, 400, 900);
  const say = (speaker: 'customer' | 'staff', text: string): void => {
    const previous = lines[lines.length - 1];
    // Now and then the customer talks over the robot's last words: stereo lines overlap.
    const barge = speaker === 'customer' && previous !== undefined && rng() < 0.2;
    const startMs = barge ? Math.max(previous.startMs, previous.endMs - randInt(rng, 300, 800)) : cursor;
    const endMs = startMs + speechMs(text, speaker === 'staff' ? 1 : 0);
    lines.push({ channel: speaker === 'customer' ? 'left' : 'right', speaker, text, startMs, endMs });
    cursor = Math.max(cursor, endMs) + randInt(rng, 450, 1_300);
  };
  let ended = false;
  for (const node of template.nodes) {
    say('staff', fillVariables(node.robot, input.variables));
    const reply = node.replies[Math.floor(rng() * node.replies.length)];
    if (!reply || rng() < 0.08) {
      ended = true;
      break;
    }
    say('customer', reply.text);
    if (reply.ends) break;
  }
  if (!ended) say('staff', template.closing);
  return { lines, lengthMs: cursor + randInt(rng, 200, 900) };
}

/** Plans one call; the same input always gives the same plan. */
export function planCecCall(input: CecPlanInput): CecCallPlan {
  const rng = mulberry32(input.seed);
  const failCode = rng() < 0.5 ? '00000' : pick(rng, FAILURE_CODES);
  const connected = failCode === '00000';
  const outcome = CEC_FAIL_CODES[failCode]!.outcome;
  const start = input.startTime;
  const recordingRoll = rng();
  const qcRoll = rng();
  const qcDelay = randInt(rng, 20_000, 90_000);
  const qcStatus = pick(rng, QC_FAILED);
  if (NOT_PLACED.has(failCode)) {
    const end = start + randInt(rng, 50, 400);
    return {
      failCode,
      callStatus: 5,
      notPlaced: true,
      startTime: start,
      ackTime: start,
      answerTime: 0,
      endTime: end,
      lines: [],
      recording: 'none',
      qc: { kind: 'failed', status: 31 },
    };
  }
  const ackTime = start + randInt(rng, 300, 1_200);
  if (!connected) {
    const ringMs =
      outcome === 'no_answer'
        ? input.maxAlertingTime * 1000
        : outcome === 'busy'
          ? randInt(rng, 800, 3_000)
          : randInt(rng, 2_000, 12_000);
    return {
      failCode,
      callStatus: 5,
      notPlaced: false,
      startTime: start,
      ackTime,
      answerTime: 0,
      endTime: ackTime + ringMs,
      lines: [],
      recording: 'none',
      qc: { kind: 'failed', status: 31 },
    };
  }
  const answerTime = ackTime + randInt(rng, 2_000, Math.min(15_000, input.maxAlertingTime * 1000 - 500));
  const { lines, lengthMs } = conversation(rng, input);
  const recording: RecordingKind =
    recordingRoll < 0.65 ? 'drive' : recordingRoll < 0.85 ? 'url' : recordingRoll < 0.93 ? 'zip' : 'none';
  const qc: QcFate =
    recording === 'none'
      ? { kind: 'failed', status: 40 }
      : qcRoll < 0.8
        ? { kind: 'done', readyAfterMs: qcDelay }
        : qcRoll < 0.9
          ? { kind: 'pending' }
          : { kind: 'failed', status: qcStatus };
  return {
    failCode,
    callStatus: 6,
    notPlaced: false,
    startTime: start,
    ackTime,
    answerTime,
    endTime: answerTime + lengthMs,
    lines,
    recording,
    qc,
  };
}

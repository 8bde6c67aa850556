/**
 * What happens on one call, regenerated deterministically from the call's seed: its outcome,
 * its timing and its transcript. Only the seed and a few facts are stored per call; everything a
 * result query, a push or a recording needs is recomputed here.
 *
 * Timing model (matches the document's examples):
 * - the robot's first line is stamped about one second after `start_time`, i.e. *before*
 *   `answer_time`: the stamp is when it was queued; it is heard from the moment of answer;
 * - every later utterance is stamped when it starts to be heard, with at least 450 ms of
 *   silence between two utterances;
 * - `call_duration = end − start`, `fee_duration = end − answer` (0 when not answered).
 */

import { fillVariables, type SandboxTemplate } from './templates';
import { mulberry32, pickWeighted, randInt, type Rng } from './random';

export const CALL_CONNECTED = 2;

/** The status mix: mostly connected, then no answer, rejected, busy, powered off, vacant, suspended. */
const STATUS_MIX: readonly (readonly [number, number])[] = [
  [2, 55],
  [3, 16],
  [7, 9],
  [9, 7],
  [4, 6],
  [6, 4],
  [5, 3],
];

/** How long an unanswered call of each status rings or plays its announcement (ms). */
const UNANSWERED_MS: Record<number, readonly [number, number]> = {
  3: [20_000, 45_000],
  4: [3_000, 9_000],
  5: [3_000, 9_000],
  6: [3_000, 9_000],
  7: [4_000, 18_000],
  9: [1_500, 5_000],
};

/** Chance that the customer says nothing and hangs up at a node. */
const SILENT_HANGUP = 0.08;
export const MIN_GAP_MS = 450;

export interface Utterance {
  /** 1 robot, 0 customer. */
  sender: 0 | 1;
  text: string;
  /** The `date_time` stamp (ms). */
  at: number;
  /** How long the utterance is heard in the recording. */
  durationMs: number;
  /** The push's `remark`: what the customer's answer matched. */
  remark: string | null;
}

export interface CallPlan {
  status: number;
  startTime: number;
  /** 0 when not answered. */
  answerTime: number;
  endTime: number;
  utterances: Utterance[];
  labels: string[];
  intent: boolean;
  userMsgCount: number;
}

export interface PlanInput {
  seed: number;
  template: SandboxTemplate;
  variables: ReadonlyMap<string, string>;
  startTime: number;
}

/** How long a line takes to say: robots speak a little faster than customers. */
export function speechMs(text: string, sender: 0 | 1): number {
  const perChar = sender === 1 ? 200 : 230;
  return Math.min(14_000, Math.max(700, 300 + [...text].length * perChar));
}

/** Plans one call. The same input always gives the same plan. */
export function planCall(input: PlanInput): CallPlan {
  const rng = mulberry32(input.seed);
  const status = pickWeighted(rng, STATUS_MIX);
  return status === CALL_CONNECTED ? planConversation(rng, input) : planUnanswered(rng, input, status);
}

function planUnanswered(rng: Rng, input: PlanInput, status: number): CallPlan {
  const { startTime, template, variables } = input;
  const [min, max] = UNANSWERED_MS[status] ?? [3_000, 9_000];
  const first = fillVariables(template.nodes[0]?.robot ?? '', variables);
  const queuedAt = startTime + randInt(rng, 400, 600);
  const endTime = Math.max(startTime + randInt(rng, min, max), queuedAt + 500);
  return {
    status,
    startTime,
    answerTime: 0,
    endTime,
    // The robot's line was queued but never heard, as in the document's unanswered example.
    utterances: [{ sender: 1, text: first, at: queuedAt, durationMs: speechMs(first, 1), remark: null }],
    labels: [],
    intent: false,
    userMsgCount: 0,
  };
}

function planConversation(rng: Rng, input: PlanInput): CallPlan {
  const { startTime, template, variables } = input;
  const answerTime = startTime + randInt(rng, 3_000, 15_000);
  const utterances: Utterance[] = [];
  const labels: string[] = [];
  let intent = false;
  let cursor = answerTime; // when the next utterance can start being heard
  const say = (sender: 0 | 1, text: string, stamp: number, remark: string | null): void => {
    const durationMs = speechMs(text, sender);
    utterances.push({ sender, text, at: stamp, durationMs, remark });
    cursor = Math.max(stamp, answerTime) + durationMs;
  };
  const gap = (): number => cursor + randInt(rng, MIN_GAP_MS, 1_400);

  let hungUp = false;
  template.nodes.forEach((node, index) => {
    if (hungUp) return;
    const line = fillVariables(node.robot, variables);
    say(1, line, index === 0 ? startTime + randInt(rng, 850, 1_100) : gap(), null);
    if (rng() < SILENT_HANGUP) {
      hungUp = true;
      cursor += randInt(rng, 1_500, 4_000);
      return;
    }
    const reply = node.replies[Math.floor(rng() * node.replies.length)];
    if (!reply) return;
    say(0, reply.text, gap(), `匹配到:【${node.node}#${reply.kind}】`);
    for (const label of reply.labels ?? []) if (!labels.includes(label)) labels.push(label);
    if (reply.intent) intent = true;
    if (reply.ends) {
      say(1, template.closing, gap(), null);
      hungUp = true;
    }
  });
  if (!hungUp) say(1, template.closing, gap(), null);
  const endTime = cursor + randInt(rng, 400, 1_200);
  return {
    status: CALL_CONNECTED,
    startTime,
    answerTime,
    endTime,
    utterances,
    labels,
    intent,
    userMsgCount: utterances.filter((u) => u.sender === 0).length,
  };
}

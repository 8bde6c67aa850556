/**
 * A QC `appraisecall/detail` answer as a transcript placed on the recording.
 *
 * - `segments[].start_time`/`end_time` are seconds from the start of the file: they become
 *   `startMs`/`endMs`, clamped into the recording when its length is known.
 * - Lines are sorted by start, ties by segment_id (numerically when both are numbers). Stereo
 *   lines may overlap: both speakers talk at once; nothing is shifted.
 * - `speaker` names a role (`customer`, `staff`) or a channel (`left`/`right`, `0`/`1`), and
 *   `left_channel`/`right_channel` say whose each channel is (strings or numbers). Numeric channel
 *   owners are not documented: a channel whose owner cannot be read keeps the example's layout
 *   (left customer, right staff). Staff is the robot on this app's IVR campaigns unless the
 *   caller says the call had a human agent.
 * - `status` 2 is done; 0, 1, 3 pending; 9 and 31–40 failed (shared/codes/huaweiCec.ts).
 */
import { cecQcStatus } from '../../../shared/codes/huaweiCec';
import { objects, pick, wireInt, wireNumber, wireText } from './fields';
import type { JsonObject, JsonValue } from './json';
import type { CecSpeaker, CecUtterance, QcTranscript } from './types';

/** Options of {@link toQcTranscript}. */
export interface TranscriptOptions {
  /** The recording's decoded length: lines are clamped into it. */
  recordingMs?: number | null;
  /** Who "staff" is: the robot (default, IVR campaigns) or a human agent. */
  staff?: 'robot' | 'agent';
}

type Role = 'customer' | 'staff' | null;

const CUSTOMER = /^(customer|client|user|客户|用户)$/i;
const STAFF = /^(staff|agent|seat|robot|座席|坐席|客服|机器人)$/i;

function role(v: JsonValue | undefined): Role {
  const s = wireText(v);
  if (CUSTOMER.test(s)) return 'customer';
  if (STAFF.test(s)) return 'staff';
  return null;
}

/** Which channel a speaker value names, if it names one. */
function channelOf(v: JsonValue | undefined): 'left' | 'right' | null {
  const s = wireText(v).toLowerCase();
  if (s === 'left' || s === '0' || s === 'left_channel') return 'left';
  if (s === 'right' || s === '1' || s === 'right_channel') return 'right';
  return null;
}

function seconds(v: JsonValue | undefined): number {
  const n = wireNumber(v);
  return n === null || n < 0 ? 0 : Math.round(n * 1000);
}

function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The transcript of one QC detail answer. */
export function toQcTranscript(body: JsonObject, options: TranscriptOptions = {}): QcTranscript {
  const status = wireInt(body['status']);
  const durationSec = wireNumber(body['duration']);
  const durationMs = durationSec === null ? null : Math.round(durationSec * 1000);
  const state = status === null ? 'pending' : cecQcStatus(status).state;
  if (state !== 'done') return { state, status, utterances: [], durationMs };

  const owners = {
    left: role(pick(body, 'left_channel')) ?? 'customer',
    right: role(pick(body, 'right_channel')) ?? 'staff',
  };
  const staff: CecSpeaker = options.staff ?? 'robot';
  const speakerOf = (v: JsonValue | undefined): CecSpeaker => {
    const channel = channelOf(v);
    const r = channel ? owners[channel] : (role(v) ?? 'customer');
    return r === 'customer' ? 'customer' : staff;
  };
  const limit = options.recordingMs ?? null;
  const clamp = (ms: number): number => (limit === null ? ms : Math.min(ms, Math.max(0, limit)));

  const utterances: CecUtterance[] = objects(body['segments']).map((segment) => {
    const startMs = clamp(seconds(segment['start_time']));
    return {
      segmentId: wireText(segment['segment_id']),
      speaker: speakerOf(segment['speaker']),
      text: typeof segment['asr_text'] === 'string' ? segment['asr_text'] : wireText(segment['asr_text']),
      startMs,
      endMs: Math.max(startMs, clamp(seconds(segment['end_time']))),
    };
  });
  utterances.sort((a, b) => a.startMs - b.startMs || compareIds(a.segmentId, b.segmentId));
  return { state, status, utterances, durationMs };
}

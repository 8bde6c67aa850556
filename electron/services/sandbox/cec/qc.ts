/**
 * The quality-inspection service of the sandbox: Bearer tokens from tokenByAkSk (their expiry
 * enforced on the sandbox's real clock) and each call's `appraisecall/detail` with stereo
 * segments that match the recording. Most transcripts are done a little while after the call;
 * some stay pending, some fail, with the documented status values.
 */
import { randomBytes } from 'node:crypto';
import { recordingMs } from './audio';
import type { CecState } from './state';
import type { CecCall } from './store';
import { CEC_SANDBOX_QC_APP_KEY, CEC_SANDBOX_QC_APP_SECRET } from './tenant';

/** What a QC handler answers: a status and a JSON body. */
export interface QcReply {
  status: number;
  body: Record<string, unknown> | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `tokenByAkSk`. */
export function issueToken(
  state: CecState,
  body: Record<string, unknown> | null,
  expireHeader: string | undefined,
  realNow: number,
): QcReply {
  if (
    str(body?.['app_key']) !== CEC_SANDBOX_QC_APP_KEY ||
    str(body?.['app_secret']) !== CEC_SANDBOX_QC_APP_SECRET
  )
    return { status: 401, body: null };
  const asked = expireHeader === undefined ? 3600 : Number(expireHeader);
  if (!Number.isInteger(asked) || asked < 1 || asked > 3600)
    return { status: 400, body: { error: 'X-Token-Expire must be 1 to 3600' } };
  const token = randomBytes(24).toString('hex');
  state.tokens.set(token, realNow + asked * 1000);
  return { status: 200, body: { AccessToken: token, Expires: String(asked), TokenType: 'Bearer' } };
}

/** The QC statuses of the manual: 2 done; 0, 1, 3 pending; 9 and 31–40 failed. */
export const QC_STATUSES: readonly number[] = [0, 1, 2, 3, 9, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40];

/**
 * The detail a call shows at simulated time `now`; with `forced` (a test's switch), that status
 * instead of the plan's fate — with the segments only when it is 2 (done).
 */
export function qcDetail(call: CecCall, now: number, forced?: number): Record<string, unknown> {
  const plan = call.plan;
  const fate = plan.qc;
  const base = {
    call_id: call.callId,
    call_uuid: call.callId,
    file_name: call.callId,
    left_channel: 'customer',
    right_channel: 'staff',
    duration: recordingMs(call) / 1000,
    call_time: Math.floor(plan.startTime / 1000),
    upload_time: Math.floor(plan.endTime / 1000),
    call_type: 0,
  };
  const done = {
    ...base,
    status: 2,
    segments: plan.lines.map((line, i) => ({
      segment_id: i + 1,
      start_time: line.startMs / 1000,
      end_time: line.endMs / 1000,
      speaker: line.speaker,
      asr_text: line.text,
    })),
  };
  if (forced !== undefined) return forced === 2 ? done : { ...base, status: forced, segments: [] };
  if (fate.kind === 'failed') return { ...base, status: fate.status, segments: [] };
  if (fate.kind === 'pending' || now < plan.endTime + fate.readyAfterMs)
    return {
      ...base,
      status: fate.kind === 'pending' ? 1 : now < plan.endTime + fate.readyAfterMs / 2 ? 0 : 3,
      segments: [],
    };
  return done;
}

/** `appraisecall/detail`: the token and the app key first, then the call. */
export function appraiseDetail(
  state: CecState,
  headers: { authorization?: string; appKey?: string },
  body: Record<string, unknown> | null,
  realNow: number,
): QcReply {
  const token = /^Bearer (\S+)$/.exec(headers.authorization ?? '')?.[1];
  const expires = token ? state.tokens.get(token) : undefined;
  if (expires === undefined || realNow >= expires || headers.appKey !== CEC_SANDBOX_QC_APP_KEY) {
    if (token && expires !== undefined && realNow >= expires) state.tokens.delete(token);
    return { status: 401, body: null };
  }
  const call = state.store.callsById.get(str(body?.['call_uuid']));
  if (!call) return { status: 404, body: { error: 'call not found' } };
  return { status: 200, body: qcDetail(call, state.now, state.qcForced.get(call.callId)) };
}

/**
 * CEC call outcomes (callback and result query) in the neutral shape: `callStatus`, `failCode`
 * and the form of `recordPath` stop here.
 */
import { cecCallVerdict, type CecCallVerdict } from '../../../../shared/codes/huaweiCec';
import type { CallOutcome as DomainOutcome } from '../../../../shared/results';
import type { CallTiming, ProviderCall, RecordingRef } from '../../providers/types';
import { recordingSource } from '../recordings';
import type { CallOutcome, CallResultDetail, RecordingSource } from '../types';

/** The domain's outcome for a CEC verdict (a `failed` row keeps its group's meaning). */
export function domainOutcome(verdict: CecCallVerdict): DomainOutcome {
  if (verdict.outcome !== 'failed') return verdict.outcome;
  if (verdict.group === 'resources') return 'no_resources';
  if (verdict.group === 'system') return 'system_error';
  return 'platform';
}

/**
 * How a provider reference names a CC-FS recording (kept in the results store as text). An
 * outcome with an empty `recordPath` but a callId is fetched by that callId (downloadRecord
 * `{callId}`), which is also how a recording in several parts comes (as a zip).
 */
export function recordingRef(recordPath: string, callId?: string): RecordingRef | null {
  const source = recordingSource(recordPath, callId);
  if (source.kind === 'none') return null;
  if (source.kind === 'url') return { kind: 'url', url: source.url };
  return { kind: 'provider', ref: JSON.stringify(source) };
}

/** The CC-FS source a provider reference names. @throws RangeError for a reference not ours */
export function sourceOfRef(ref: string): RecordingSource {
  let value: unknown;
  try {
    value = JSON.parse(ref);
  } catch {
    throw new RangeError('not a CEC recording reference');
  }
  const v = value as Record<string, unknown>;
  if (v['kind'] === 'ccfs-record' && typeof v['fileName'] === 'string')
    return { kind: 'ccfs-record', fileName: v['fileName'] };
  if (v['kind'] === 'ccfs-ivr' && typeof v['filePath'] === 'string')
    return { kind: 'ccfs-ivr', filePath: v['filePath'] };
  if (v['kind'] === 'ccfs-call' && typeof v['callId'] === 'string')
    return { kind: 'ccfs-call', callId: v['callId'] };
  throw new RangeError('not a CEC recording reference');
}

/**
 * One outcome as stored. The transcript is not part of the outcome: a connected call's is
 * fetched from quality inspection when it is reviewed (`pending` until then).
 */
export function toProviderCall(outcome: CallOutcome, taskId: string | null): ProviderCall {
  const verdict = cecCallVerdict({ callStatus: outcome.callStatus, failCode: outcome.failCode });
  const code =
    outcome.failCode !== ''
      ? outcome.failCode
      : outcome.callStatus !== null
        ? String(outcome.callStatus)
        : 'unknown';
  const connected = verdict.outcome === 'connected';
  return {
    id: outcome.id,
    taskId: outcome.campaignId || taskId,
    rowKey: outcome.sessionId || null,
    outcome: domainOutcome(verdict),
    outcomeCode: code,
    intentions: [],
    telephone: outcome.called,
    callerNumber: '',
    startedAt: outcome.callTime,
    answeredAt: connected ? outcome.callTime : null,
    endedAt: null,
    callMs: 0,
    talkMs: 0,
    recording: recordingRef(outcome.recordPath, outcome.callId || undefined),
    deleted: false,
    utterances: [],
    transcript: connected && !outcome.derivedId ? 'pending' : 'none',
  };
}

/**
 * A call's times from its result detail: answered at `callBeginTime`, ended at `callEndTime`;
 * the call counted from `ackBeginTime` (ringing) or else the answer, the talk from the answer.
 * Null while the detail has no end (nothing better than the outcome's start is known).
 */
export function timingOf(detail: CallResultDetail): CallTiming | null {
  const end = detail.callEndTime;
  if (end === null) return null;
  const answered = detail.callBeginTime !== null && detail.callBeginTime <= end ? detail.callBeginTime : null;
  const rang = detail.ackBeginTime !== null && detail.ackBeginTime <= end ? detail.ackBeginTime : answered;
  return {
    answeredAt: answered,
    endedAt: end,
    callMs: rang === null ? 0 : end - rang,
    talkMs: answered === null ? 0 : end - answered,
  };
}

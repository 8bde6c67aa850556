/**
 * iCall's call records (`detail` + `msg`, from query_time_task_data, query_task_data and the
 * push) in the neutral shape: `callid`, `fee_duration`, `voice_url`, `sender_type` and the
 * status codes stop here.
 */
import { sobotCallOutcome } from '../../../../shared/codes/sobot';
import type { ProviderCall, StoredUtterance } from '../../providers/types';
import type { CallData } from '../types';

/** sender_type 1 is the robot, 0 the customer (spec README). */
const speakerOf = (sender: number): StoredUtterance['speaker'] => (sender === 1 ? 'robot' : 'customer');

/**
 * One call as stored. Lines are put in time order (the provider's order is usually right; the
 * sort makes it certain). `taskId` is the task being synced (iCall's records do not name it).
 */
export function toProviderCall(call: CallData, taskId: string | null): ProviderCall {
  const { detail } = call;
  const lines = [...call.msg].sort((a, b) => a.date_time - b.date_time);
  return {
    id: detail.callid,
    taskId,
    rowKey: detail.outid || null,
    outcome: sobotCallOutcome(detail.status),
    outcomeCode: String(detail.status),
    intentions: detail.intention_name,
    telephone: detail.tel,
    callerNumber: detail.caller,
    startedAt: detail.start_time || null,
    answeredAt: detail.answer_time || null,
    endedAt: detail.end_time || null,
    callMs: detail.call_duration,
    talkMs: detail.fee_duration,
    recording: detail.voice_url ? { kind: 'url', url: detail.voice_url } : null,
    deleted: detail.del_flag === -1,
    utterances: lines.map((line) => ({
      speaker: speakerOf(line.sender_type),
      text: line.msg,
      at: line.date_time,
      startMs: null,
      endMs: null,
      remark: line.remark,
    })),
    transcript: lines.length > 0 ? 'ready' : 'none',
  };
}

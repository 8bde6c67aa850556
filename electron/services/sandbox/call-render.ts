/**
 * A call as each part of the wire shows it. The shapes deliberately differ the way the
 * document's examples differ, so the client's tolerant parsing is exercised:
 * - query_task_data: `detail` numbers, `msg[].date_time`/`sender_type` strings, no del_flag;
 * - query_time_task_data: every `detail` value a string (`"3"`, `answer_time: "0"`), del_flag;
 * - push: numbers in `msg`, `remark`, `outid`; in the "vendor" style also the document's
 *   invalid JSON (bare `02180344315`, `000000`, escaped slashes and `http: \/\/`).
 */

import { planOfCall } from './dialer';
import { maskPhone } from './phone';
import { callRecordingUrl } from './recording';
import type { CallPlan } from './call-plan';
import type { CallRecord, CallRow, Task } from './task-store';

/** Labels are joined with U+0001, as the vendor does. */
export const LABEL_SEPARATOR = '\u0001';

export type PushStyle = 'json' | 'vendor';

interface CallFacts {
  plan: CallPlan;
  tel: string;
  voiceUrl: string;
  intention: string;
}

function facts(task: Task, call: CallRecord, origin: string): CallFacts {
  const plan = planOfCall(task, call);
  return {
    plan,
    tel: maskPhone(call.row.telephone, task.settings.numberHide),
    voiceUrl: callRecordingUrl(origin, call.callid),
    intention: plan.labels.join(LABEL_SEPARATOR),
  };
}

function durations(plan: CallPlan): { call: number; fee: number } {
  return {
    call: plan.endTime - plan.startTime,
    fee: plan.answerTime > 0 ? plan.endTime - plan.answerTime : 0,
  };
}

function stringMessages(call: CallRecord, plan: CallPlan): Record<string, string>[] {
  return plan.utterances.map((u) => ({
    callid: call.callid,
    msg: u.text,
    date_time: String(u.at),
    sender_type: String(u.sender),
  }));
}

/** One result as query_task_data answers it. */
export function taskDataResult(task: Task, call: CallRecord, origin: string): Record<string, unknown> {
  const f = facts(task, call, origin);
  const d = durations(f.plan);
  return {
    msg: stringMessages(call, f.plan),
    detail: {
      callid: call.callid,
      answer_time: f.plan.answerTime,
      start_time: f.plan.startTime,
      caller: call.caller,
      voice_url: f.voiceUrl,
      end_time: f.plan.endTime,
      fee_duration: d.fee,
      tel: f.tel,
      user_msg_count: f.plan.userMsgCount,
      call_duration: d.call,
      intention_name: f.intention,
      status: f.plan.status,
    },
  };
}

/**
 * query_task_data for a row that has no finished call yet: status 0 (not dialled) or 1
 * (dialling), zero times, empty transcript. The document does not show this case.
 */
export function rowWithoutResult(task: Task, row: CallRow): Record<string, unknown> {
  return {
    msg: [],
    detail: {
      callid: '',
      answer_time: 0,
      start_time: 0,
      caller: '',
      voice_url: '',
      end_time: 0,
      fee_duration: 0,
      tel: maskPhone(row.telephone, task.settings.numberHide),
      user_msg_count: 0,
      call_duration: 0,
      intention_name: '',
      status: row.state === 'dialling' ? 1 : 0,
    },
  };
}

/** One result as query_time_task_data answers it (every detail value a string). */
export function timeDataResult(task: Task, call: CallRecord, origin: string): Record<string, unknown> {
  const f = facts(task, call, origin);
  const d = durations(f.plan);
  return {
    msg: stringMessages(call, f.plan),
    detail: {
      callid: call.callid,
      answer_time: String(f.plan.answerTime),
      del_flag: call.row.deleted ? '-1' : '1',
      voice_url: f.voiceUrl,
      end_time: String(f.plan.endTime),
      fee_duration: String(d.fee),
      user_msg_count: String(f.plan.userMsgCount),
      call_duration: String(d.call),
      start_time: String(f.plan.startTime),
      caller: call.caller,
      tel: f.tel,
      intention_name: f.intention,
      status: String(f.plan.status),
    },
  };
}

const BARE = '@@sandbox-bare@@';

/** The push body for a finished call, in the document's format. */
export function pushBody(task: Task, call: CallRecord, origin: string, style: PushStyle): string {
  const f = facts(task, call, origin);
  const d = durations(f.plan);
  // In the vendor style digit strings go out as bare numbers (leading zeros kept): invalid JSON,
  // exactly as the document's example.
  const digits = (value: string): string =>
    style === 'vendor' && /^\d+$/.test(value) ? BARE + value : value;
  const body = {
    result: {
      data: {
        msg: f.plan.utterances.map((u) => ({
          callid: call.callid,
          msg: u.text,
          date_time: u.at,
          sender_type: u.sender,
          remark: u.remark,
        })),
        detail: {
          callid: call.callid,
          answer_time: f.plan.answerTime,
          voice_url: f.voiceUrl,
          end_time: f.plan.endTime,
          fee_duration: d.fee,
          user_msg_count: f.plan.userMsgCount,
          call_duration: d.call,
          start_time: f.plan.startTime,
          caller: digits(call.caller),
          outid: digits(call.row.outid),
          tel: digits(f.tel),
          intention_name: f.intention,
          status: f.plan.status,
        },
      },
      ret_code: digits('000000'),
    },
  };
  let json = JSON.stringify(body);
  if (style === 'vendor') {
    json = json
      .replace(new RegExp(`"${BARE}(\\d+)"`, 'g'), '$1')
      .replace(/"voice_url":"([^"]*)"/, (_m, url: string) => {
        return `"voice_url":"${url.replace(/^http:\/\//, 'http: //').replace(/\//g, '\\/')}"`;
      });
  }
  return json;
}

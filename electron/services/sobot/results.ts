/**
 * Per-endpoint normalisers: a successful answer's top-level object → the typed result.
 * Each one only picks documented fields, so an unexpected extra field never leaks onward.
 */
import type { JsonObject, JsonValue } from '../http/tolerantJson';
import {
  count,
  id,
  idOrNull,
  intentions,
  list,
  mediaUrl,
  numberList,
  object,
  statusCode,
  statusOrNull,
  text,
  textOrNull,
  timestamp,
  urlList,
} from './normalize';
import type {
  AddTaskFileDataResult,
  CallData,
  CallDetail,
  CallerNumber,
  CallMessage,
  CallsCountEntry,
  CheckLoginNameResult,
  MutationResult,
  QueryNumberResult,
  RobotNumResult,
  TaskInfo,
  TaskSummary,
  Template,
  TimeTaskDataPage,
} from './types';

/** check_login_name. */
export function toCheckLoginName(r: JsonObject): CheckLoginNameResult {
  return {
    check_result: statusCode(r['check_result'], 'check_result'),
    ret_msg: text(r['ret_msg'], 'ret_msg'),
    reason: textOrNull(r['reason'], 'reason'),
  };
}

/** One query_template entry. */
export function toTemplate(v: JsonValue): Template {
  const t = object(v, 'data[]');
  return {
    templateid: id(t['templateid'], 'templateid'),
    template_name: text(t['template_name'], 'template_name'),
    content: text(t['content'], 'content'),
    record: urlList(t['record'], 'record'),
  };
}

/** query_template. */
export function toTemplates(r: JsonObject): Template[] {
  return list(r['data'], 'data').map(toTemplate);
}

/** query_robot_num. */
export function toRobotNum(r: JsonObject): RobotNumResult {
  return { robot_num: count(r['robot_num'], 'robot_num') };
}

/** query_number. */
export function toQueryNumber(r: JsonObject): QueryNumberResult {
  return {
    total_count: count(r['total_count'], 'total_count'),
    data: list(r['data'], 'data').map((v): CallerNumber => {
      const n = object(v, 'data[]');
      return { telephone: id(n['telephone'], 'telephone'), count: count(n['count'], 'count') };
    }),
  };
}

/** add_task: the new task's id. */
export function toAddTaskId(r: JsonObject): string {
  const taskid = id(object(r['data'], 'data')['taskid'], 'taskid');
  return taskid;
}

/** add_task_file_data. */
export function toAddTaskFileData(r: JsonObject): AddTaskFileDataResult {
  return {
    counts: count(r['counts'], 'counts'),
    defeat_counts: count(r['defeat_counts'], 'defeat_counts'),
    repeat_counts: count(r['repeat_counts'], 'repeat_counts'),
    success_counts: count(r['success_counts'], 'success_counts'),
    filter_count: count(r['filter_count'], 'filter_count'),
    error_data: numberList(r['error_data'], 'error_data'),
    ret_msg: text(r['ret_msg'], 'ret_msg'),
  };
}

/** A call's `detail` object (shared by query_task_data, query_time_task_data and the push). */
export function toCallDetail(v: JsonValue | undefined): CallDetail {
  const d = object(v, 'detail');
  return {
    callid: id(d['callid'], 'callid'),
    start_time: timestamp(d['start_time'], 'start_time'),
    answer_time: timestamp(d['answer_time'], 'answer_time'),
    end_time: timestamp(d['end_time'], 'end_time'),
    call_duration: count(d['call_duration'], 'call_duration'),
    fee_duration: count(d['fee_duration'], 'fee_duration'),
    intention_name: intentions(d['intention_name'], 'intention_name'),
    status: statusCode(d['status'], 'status'),
    tel: id(d['tel'], 'tel'),
    caller: id(d['caller'], 'caller'),
    user_msg_count: count(d['user_msg_count'], 'user_msg_count'),
    voice_url: mediaUrl(d['voice_url'], 'voice_url'),
    del_flag: statusOrNull(d['del_flag'], 'del_flag'),
    outid: idOrNull(d['outid'], 'outid'),
  };
}

/** One transcript line. */
export function toCallMessage(v: JsonValue): CallMessage {
  const m = object(v, 'msg[]');
  return {
    callid: id(m['callid'], 'callid'),
    msg: text(m['msg'], 'msg'),
    date_time: timestamp(m['date_time'], 'date_time') ?? 0,
    sender_type: statusCode(m['sender_type'], 'sender_type'),
    remark: textOrNull(m['remark'], 'remark'),
  };
}

/** `{ detail, msg }` of one call. */
export function toCallData(v: JsonValue | undefined): CallData {
  const c = object(v, 'data');
  return { detail: toCallDetail(c['detail']), msg: list(c['msg'], 'msg').map(toCallMessage) };
}

/**
 * query_task_data. null when the server holds no such row (`data: null`, "暂无数据"): the
 * document does not show that case, but an absent row is an answer, not a malformed one.
 */
export function toQueryTaskData(r: JsonObject): CallData | null {
  const data = r['data'];
  return data === null || data === undefined ? null : toCallData(data);
}

/** query_task (unfinished tasks only). */
export function toTaskSummaries(r: JsonObject): TaskSummary[] {
  return list(r['data'], 'data').map((v) => {
    const t = object(v, 'data[]');
    return {
      taskid: id(t['taskid'], 'taskid'),
      task_name: text(t['task_name'], 'task_name'),
      task_status: statusCode(t['task_status'], 'task_status'),
    };
  });
}

/** query_task_info. */
export function toTaskInfos(r: JsonObject): TaskInfo[] {
  return list(r['data'], 'data').map((v) => {
    const t = object(v, 'data[]');
    return {
      taskid: id(t['taskid'], 'taskid'),
      task_name: text(t['task_name'], 'task_name'),
      task_status: statusCode(t['task_status'], 'task_status'),
      telephone: id(t['telephone'], 'telephone'),
      robot_num: count(t['robot_num'], 'robot_num'),
      call_time_slot: text(t['call_time_slot'], 'call_time_slot').trim(),
      time_type: count(t['time_type'], 'time_type'),
      start_time: timestamp(t['start_time'], 'start_time'),
      end_time: timestamp(t['end_time'], 'end_time'),
      call_total_data: count(t['call_total_data'], 'call_total_data'),
      call_times: count(t['call_times'], 'call_times'),
      call_connected_times: count(t['call_connected_times'], 'call_connected_times'),
      call_intent_times: count(t['call_intent_times'], 'call_intent_times'),
    };
  });
}

/** calls_count. */
export function toCallsCount(r: JsonObject): CallsCountEntry[] {
  return list(r['data'], 'data').map((v) => {
    const c = object(v, 'data[]');
    return {
      taskid: id(c['taskid'], 'taskid'),
      task_name: text(c['task_name'], 'task_name'),
      count: count(c['count'], 'count'),
    };
  });
}

/** One page of query_time_task_data (`page_num` is the one we asked for). */
export function toTimeTaskDataPage(r: JsonObject, page_num: number): TimeTaskDataPage {
  return {
    page_num,
    page_count: count(r['page_count'], 'page_count'),
    total_count: count(r['total_count'], 'total_count'),
    data: list(r['data'], 'data').map(toCallData),
  };
}

/** The simple mutations: only the server's message. */
export function toMutation(r: JsonObject): MutationResult {
  return { ret_msg: text(r['ret_msg'], 'ret_msg') };
}

/** delete_task_data. */
export function toDelCounts(r: JsonObject): number {
  return count(r['del_counts'], 'del_counts');
}

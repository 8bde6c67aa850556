/**
 * Parameter and result types of the iCall V1 endpoints. Field names are the document's own
 * (snake_case), so a reader can hold this file next to the vendor text; values are normalised
 * to one type each: ids, phones and codes are strings exactly as sent (trimmed); counts,
 * durations and timestamps are numbers (null where the server sends null); statuses numbers.
 */

/** A 13-digit millisecond timestamp (UTC), as a number or its digit string. */
export type Timestamp = number | string;
/** An integer parameter, as a number or its digit string. */
export type IntParam = number | string;

/** Per-call options accepted by every endpoint method. */
export interface CallOptions {
  /** Cancels the call, including while it waits for a slot or a retry backoff. */
  signal?: AbortSignal;
  /** Epoch ms by which the call (every attempt and backoff) must be over. */
  deadline?: number;
}

// ── Parameters ──────────────────────────────────────────────────────────────────────────────

/** check_login_name (2.1). */
export interface CheckLoginNameParams {
  email: string;
}

/** add_task (2.5). `call_time_slot` accepts one-digit hours (`8:00-19:00`) and is sent padded. */
export interface AddTaskParams {
  templateid: string;
  task_name: string;
  /** 1 = landline (the only documented value); default 1. */
  line_type?: IntParam;
  /** Caller numbers: a comma list or an array. */
  telephone: string | string[];
  robot_num: IntParam;
  /** 1 = custom validity (needs start_time and end_time), 2 = permanent. */
  time_type: IntParam;
  start_time?: Timestamp;
  end_time?: Timestamp;
  /** `HH:mm-HH:mm`, several joined by commas. */
  call_time_slot: string;
  /** Always 0 per the document; default 0. */
  task_status?: IntParam;
  push_url?: string;
  /** 1 = push after transfer to an agent, 2 = push when the call ends. */
  push_type?: IntParam;
  /** 0 = show, 1 = hide last four digits, 2 = hide middle four. */
  number_hide?: IntParam;
  /** 0 = export allowed (default), 1 = not allowed. */
  export_status?: IntParam;
}

/** editor_task (2.11): only the fields given are changed. */
export interface EditorTaskParams {
  taskid: string;
  task_name?: string;
  telephone?: string | string[];
  start_time?: Timestamp;
  end_time?: Timestamp;
  robot_num?: IntParam;
  time_type?: IntParam;
  call_time_slot?: string;
}

/** Template variables: an encoded `name^value|name^value` string or a name → value map. */
export type VariableInput = string | Record<string, string>;

/** One row of add_task_data (2.7). */
export interface TaskDataRow {
  telephone: string;
  /** Unique per task: the key for query_task_data and delete_task_data. */
  outid: string;
  variable?: VariableInput;
}

/** add_task_data (2.7): any number of rows; the client batches them. */
export interface AddTaskDataParams {
  taskid: string;
  data: TaskDataRow[];
}

/** add_task_file_data (2.8). The server rejects files over 5 MB or 100,000 rows. */
export interface AddTaskFileDataParams {
  taskid: string;
  /** The workbook bytes. */
  data_file: Uint8Array | Blob;
  /** The file name sent with the part (e.g. `list.xlsx`). */
  filename: string;
  contentType?: string;
}

/** Endpoints that take a single taskid (pause/resume/end/delete). */
export interface TaskIdParams {
  taskid: string;
}

/** query_task_data (2.9). */
export interface QueryTaskDataParams {
  taskid: string;
  outid: string;
}

/** query_task_info (2.15): any number of ids; split into calls of ≤ 15. */
export interface QueryTaskInfoParams {
  taskid: string | string[];
}

/** delete_task_data (2.17): any number of outids; split into calls of ≤ 100. */
export interface DeleteTaskDataParams {
  taskid: string;
  outid: string | string[];
}

/** calls_count (2.18): any number of ids; split into calls of ≤ 15. */
export interface CallsCountParams {
  taskid: string | string[];
  begin_time: Timestamp;
  end_time: Timestamp;
}

/** query_time_task_data (2.19) for one page. */
export interface QueryTimeTaskDataPageParams {
  taskid: string;
  begin_time: Timestamp;
  end_time: Timestamp;
  /** 1–15; default 15. */
  page_size?: IntParam;
  page_num: IntParam;
}

/** query_time_task_data walked over all pages. */
export interface QueryTimeTaskDataParams {
  taskid: string;
  begin_time: Timestamp;
  end_time: Timestamp;
  /** 1–15; default 15 (fewest requests). */
  page_size?: IntParam;
}

// ── Results ─────────────────────────────────────────────────────────────────────────────────

/** check_login_name: 1 = the email belongs to this appid, 0 = it does not. */
export interface CheckLoginNameResult {
  check_result: number;
  ret_msg: string;
  reason: string | null;
}

/** One template of query_template. */
export interface Template {
  templateid: string;
  template_name: string;
  /** The first node's script (may be empty). */
  content: string;
  /** Audio URLs of the first node (mp3/wav), split from the comma list; [] when none. */
  record: string[];
}

/** query_robot_num. */
export interface RobotNumResult {
  robot_num: number;
}

/** One caller line of query_number. */
export interface CallerNumber {
  telephone: string;
  /** Concurrent calls this number allows. */
  count: number;
}

/** query_number. */
export interface QueryNumberResult {
  total_count: number;
  data: CallerNumber[];
}

/** add_task. `reconciled` is true when the answer was lost and query_task found the task. */
export interface AddTaskResult {
  taskid: string;
  reconciled: boolean;
}

/** add_task_file_data. `error_data` lists the spreadsheet row numbers that failed. */
export interface AddTaskFileDataResult {
  counts: number;
  defeat_counts: number;
  repeat_counts: number;
  success_counts: number;
  filter_count: number;
  error_data: number[];
  ret_msg: string;
}

/** Basic facts of one call (query_task_data, query_time_task_data, push). */
export interface CallDetail {
  callid: string;
  /** null when the server sends none (not dialled). */
  start_time: number | null;
  /** 0 means not answered. */
  answer_time: number | null;
  end_time: number | null;
  /** ms from dialling to hang-up. */
  call_duration: number;
  /** ms from pick-up to hang-up. */
  fee_duration: number;
  /** Intention labels (split on U+0001); [] when none. */
  intention_name: string[];
  /** Call status: 0 not dialled … 9 busy (8 undefined → show unknown). */
  status: number;
  /** The customer's number; masked (`182****6077`) when the task hides numbers. */
  tel: string;
  /** The caller number shown. */
  caller: string;
  user_msg_count: number;
  /** http(s) recording URL, cleaned of `\/` and stray spaces; null when absent or not http(s). */
  voice_url: string | null;
  /** 1 normal, -1 deleted (query_time_task_data only; null elsewhere). */
  del_flag: number | null;
  /** The row's outid when the server includes it (the push does); null otherwise. */
  outid: string | null;
}

/** One line of a call transcript. */
export interface CallMessage {
  callid: string;
  msg: string;
  /** ms timestamp of the line. */
  date_time: number;
  /** 0 customer, 1 robot. */
  sender_type: number;
  /** Matching note (push only), e.g. `匹配到:【开场白#肯定】`; null when absent. */
  remark: string | null;
}

/** One call's detail with its transcript. */
export interface CallData {
  detail: CallDetail;
  msg: CallMessage[];
}

/** One unfinished task of query_task. */
export interface TaskSummary {
  taskid: string;
  task_name: string;
  task_status: number;
}

/** One task of query_task_info. */
export interface TaskInfo {
  taskid: string;
  task_name: string;
  task_status: number;
  /** Caller numbers as the server lists them (comma list). */
  telephone: string;
  robot_num: number;
  call_time_slot: string;
  time_type: number;
  start_time: number | null;
  end_time: number | null;
  call_total_data: number;
  call_times: number;
  call_connected_times: number;
  call_intent_times: number;
}

/** One task's count of calls_count. */
export interface CallsCountEntry {
  taskid: string;
  task_name: string;
  count: number;
}

/** One page of query_time_task_data. */
export interface TimeTaskDataPage {
  page_num: number;
  page_count: number;
  total_count: number;
  data: CallData[];
}

/** The answer of the simple mutations (pause, resume, end, delete, edit, add data). */
export interface MutationResult {
  ret_msg: string;
}

/** delete_task_data, summed over batches. */
export interface DeleteTaskDataResult {
  del_counts: number;
}

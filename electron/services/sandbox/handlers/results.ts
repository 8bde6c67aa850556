/**
 * Result endpoints: query_task_data, query_time_task_data, calls_count.
 *
 * A call belongs to a time window by its start_time and is reported once it has ended: a call
 * that started inside a window but was still ringing when the window was read appears in a later
 * read of the same window (clients should overlap their sync windows).
 */

import { reject, success } from '../codes';
import { rowWithoutResult, taskDataResult, timeDataResult } from '../call-render';
import { strictInt, type RequestParams } from '../params';
import type { CallRecord } from '../task-store';
import type { Handler } from './context';
import { requireTaskList } from './tasks';

export const MAX_PAGE_SIZE = 15;

/** First index whose start_time is ≥ `time` (calls are sorted by start_time). */
function firstAtOrAfter(calls: readonly CallRecord[], time: number): number {
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (calls[mid]!.startTime < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index range of calls with begin ≤ start_time ≤ end. */
function windowOf(calls: readonly CallRecord[], begin: number, end: number): [number, number] {
  const from = firstAtOrAfter(calls, begin);
  const to = firstAtOrAfter(calls, end + 1);
  return [from, Math.max(from, to)];
}

function readWindow(params: RequestParams): [number, number] {
  const begin = strictInt(params.text('begin_time'));
  if (begin === undefined) reject('320026');
  const end = strictInt(params.text('end_time'));
  if (end === undefined) reject('320027');
  return [begin, end];
}

/**
 * query_task_data: the row's latest finished call. A row without one yet answers status 0 (or
 * 1 while it is being dialled); an outid the task does not hold answers `data: null` with
 * "暂无数据" — the document shows neither case, and neither is an error.
 */
export const queryTaskData: Handler = ({ params, sandbox }) => {
  const task = sandbox.store.mustFind(params.text('taskid'));
  const outid = params.text('outid');
  if (!outid) reject('320032');
  const row = task.rowsByOutid.get(outid);
  if (!row) return success('暂无数据', { data: null });
  const data = row.lastCall
    ? taskDataResult(task, row.lastCall, sandbox.origin)
    : rowWithoutResult(task, row);
  return success('查询成功', { data });
};

/**
 * query_time_task_data: one page of finished calls by start_time, oldest first, deleted rows
 * included with del_flag -1. page_size and page_num are required integers; a page_size above 15
 * (or below 1) is refused with 329999 as a strict server would, rather than silently clamped,
 * so a client that ignores the limit is caught in tests.
 */
export const queryTimeTaskData: Handler = ({ params, sandbox }) => {
  const task = sandbox.store.mustFind(params.text('taskid'));
  const [begin, end] = readWindow(params);
  const pageSize = strictInt(params.text('page_size'));
  if (pageSize === undefined || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    reject('329999', `page_size有误,最大不超过${MAX_PAGE_SIZE}`);
  }
  const pageNum = strictInt(params.text('page_num'));
  if (pageNum === undefined || pageNum < 1) reject('329999', 'page_num有误');
  const [from, to] = windowOf(task.calls, begin, end);
  const total = to - from;
  const first = from + (pageNum - 1) * pageSize;
  const page = first < to ? task.calls.slice(first, Math.min(to, first + pageSize)) : [];
  return success('查询成功', {
    data: page.map((call) => timeDataResult(task, call, sandbox.origin)),
    total_count: total,
    page_count: Math.ceil(total / pageSize),
  });
};

/** calls_count: finished calls per task with begin ≤ start_time ≤ end (up to 15 tasks). */
export const callsCount: Handler = ({ params, sandbox }) => {
  const tasks = requireTaskList(params, sandbox);
  const [begin, end] = readWindow(params);
  const data = tasks.map((task) => {
    const [from, to] = windowOf(task.calls, begin, end);
    return { task_name: task.settings.name, count: to - from, taskid: task.id };
  });
  return success('查询成功', { data });
};

/**
 * `createSobotClient`: one method per iCall V1 endpoint, named after it in camelCase, taking
 * the document's own parameter names and answering normalised, typed results.
 */
import { redactingLogger, silentLogger } from '../log';
import { addTaskSafely } from './addTask';
import {
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_TIMEOUT_MS,
  MAX_OUTIDS_PER_CALL,
  MAX_TASK_IDS_PER_CALL,
  type SobotClient,
  type SobotClientOptions,
} from './api';
import { uploadRows } from './batching';
import { TransportError } from '../http/errors';
import type { JsonObject } from '../http/tolerantJson';
import { createLimiter } from '../http/limiter';
import { ShapeError } from './normalize';
import { walkPages } from './paging';
import {
  chunk,
  idList,
  normalizeCallTimeSlot,
  pageSize,
  wireInt,
  wirePhoneList,
  wireTimestamp,
} from './params';
import * as R from './results';
import { resolveRetry } from '../http/retry';
import { createTransport, type FilePart, type RequestSpec, type WireParams } from './transport';
import type * as T from './types';

/** Creates a client for one account. Nothing is sent until a method is called. */
export function createSobotClient(options: SobotClientOptions): SobotClient {
  const maxConcurrency = options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  const limiter = createLimiter(maxConcurrency);
  const retry = resolveRetry(options.retry);
  const log = redactingLogger(options.log ?? silentLogger, () => [options.signature]);
  const transport = createTransport({
    baseUrl: options.baseUrl,
    appid: options.appid,
    signature: options.signature,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    limiter,
    log,
    retry,
    bodyFormat: options.bodyFormat ?? 'form',
  });

  /** Sends and normalises; a field of the wrong shape makes the answer `net.bad_response`. */
  const call = async <R>(spec: RequestSpec, normalise: (r: JsonObject) => R): Promise<R> => {
    const answer = await transport(spec);
    try {
      return normalise(answer);
    } catch (err) {
      if (!(err instanceof ShapeError)) throw err;
      throw new TransportError({
        code: 'net.bad_response',
        endpoint: spec.endpoint,
        sent: 'yes',
        reason: err.message,
      });
    }
  };
  const read = <R>(
    endpoint: string,
    params: WireParams,
    o: T.CallOptions | undefined,
    n: (r: JsonObject) => R,
  ) =>
    call(
      { endpoint, encoding: 'query', params, idempotent: true, signal: o?.signal, deadline: o?.deadline },
      n,
    );
  const mutate = <R>(
    endpoint: string,
    params: WireParams,
    o: T.CallOptions | undefined,
    n: (r: JsonObject) => R,
  ) =>
    call(
      { endpoint, encoding: 'query', params, idempotent: false, signal: o?.signal, deadline: o?.deadline },
      n,
    );

  const queryTask = async (_p?: Record<string, never>, o?: T.CallOptions) =>
    read('query_task', {}, o, R.toTaskSummaries);

  const queryTimeTaskDataPage = async (
    p: T.QueryTimeTaskDataPageParams,
    o?: T.CallOptions,
  ): Promise<T.TimeTaskDataPage> => {
    const page_num = Number(wireInt(p.page_num, 'page_num'));
    const params: WireParams = {
      taskid: p.taskid,
      begin_time: wireTimestamp(p.begin_time, 'begin_time'),
      end_time: wireTimestamp(p.end_time, 'end_time'),
      page_size: String(pageSize(p.page_size)),
      page_num: String(page_num),
    };
    return read('query_time_task_data', params, o, (r) => R.toTimeTaskDataPage(r, page_num));
  };

  /** Splits an id list into ≤ 15-id requests run side by side (the limiter bounds them). */
  const perTaskIdChunk = async <R>(
    ids: string | string[],
    run: (joined: string) => Promise<R[]>,
  ): Promise<R[]> => {
    const list = idList(ids);
    // An empty list still goes out once, so the server's own 320021 reaches the operator.
    const chunks = list.length === 0 ? [''] : chunk(list, MAX_TASK_IDS_PER_CALL).map((c) => c.join(','));
    return (await Promise.all(chunks.map(run))).flat();
  };

  return {
    checkLoginName: async (p, o) => read('check_login_name', { email: p.email }, o, R.toCheckLoginName),
    queryTemplate: async (_p, o) => read('query_template', {}, o, R.toTemplates),
    queryRobotNum: async (_p, o) => read('query_robot_num', {}, o, R.toRobotNum),
    queryNumber: async (_p, o) => read('query_number', {}, o, R.toQueryNumber),
    queryTask,

    addTask: async (p, o) =>
      addTaskSafely(
        {
          send: (wire, signal) =>
            call(
              { endpoint: 'add_task', encoding: 'form', params: wire, idempotent: false, signal },
              R.toAddTaskId,
            ),
          queryTask: (qo) => queryTask(undefined, qo),
          retry,
          log,
        },
        p,
        o,
      ),

    addTaskData: async (p, o) =>
      uploadRows(
        p.data,
        async (rows) => {
          const data = JSON.stringify(rows);
          await call(
            {
              endpoint: 'add_task_data',
              encoding: 'form',
              params: { taskid: p.taskid, data },
              jsonOverrides: { data: rows },
              idempotent: false,
              signal: o?.signal,
            },
            R.toMutation,
          );
        },
        {
          ...(options.addTaskDataBatchRows ? { batchRows: options.addTaskDataBatchRows } : {}),
          ...(o?.signal ? { signal: o.signal } : {}),
          ...(o?.onProgress ? { onProgress: o.onProgress } : {}),
        },
      ),

    addTaskFileData: async (p, o) => {
      const part: FilePart = { data: p.data_file, filename: p.filename };
      if (p.contentType) part.contentType = p.contentType;
      return call(
        {
          endpoint: 'add_task_file_data',
          encoding: 'multipart',
          params: { taskid: p.taskid },
          file: { field: 'data_file', part },
          idempotent: false,
          signal: o?.signal,
        },
        R.toAddTaskFileData,
      );
    },

    queryTaskData: async (p, o) =>
      read('query_task_data', { outid: p.outid, taskid: p.taskid }, o, R.toQueryTaskData),

    editorTask: async (p, o) =>
      mutate(
        'editor_task',
        {
          taskid: p.taskid,
          task_name: p.task_name,
          telephone: wirePhoneList(p.telephone),
          start_time: wireTimestamp(p.start_time, 'start_time'),
          end_time: wireTimestamp(p.end_time, 'end_time'),
          robot_num: wireInt(p.robot_num, 'robot_num'),
          time_type: wireInt(p.time_type, 'time_type'),
          call_time_slot:
            p.call_time_slot === undefined ? undefined : normalizeCallTimeSlot(p.call_time_slot),
        },
        o,
        R.toMutation,
      ),
    pauseTask: async (p, o) => mutate('pause_task', { taskid: p.taskid }, o, R.toMutation),
    resumeTask: async (p, o) => mutate('resume_task', { taskid: p.taskid }, o, R.toMutation),
    endTask: async (p, o) => mutate('end_task', { taskid: p.taskid }, o, R.toMutation),
    deleteTask: async (p, o) => mutate('delete_task', { taskid: p.taskid }, o, R.toMutation),

    queryTaskInfo: async (p, o) =>
      perTaskIdChunk(p.taskid, (taskid) => read('query_task_info', { taskid }, o, R.toTaskInfos)),

    callsCount: async (p, o) => {
      const begin_time = wireTimestamp(p.begin_time, 'begin_time');
      const end_time = wireTimestamp(p.end_time, 'end_time');
      return perTaskIdChunk(p.taskid, (taskid) =>
        read('calls_count', { taskid, begin_time, end_time }, o, R.toCallsCount),
      );
    },

    deleteTaskData: async (p, o) => {
      const outids = idList(p.outid);
      // Sequential: deletions are mutations, and an error should stop before the next batch.
      let del_counts = 0;
      for (const batch of outids.length === 0 ? [[]] : chunk(outids, MAX_OUTIDS_PER_CALL)) {
        const params = { taskid: p.taskid, outid: batch.join(',') };
        del_counts += await call(
          { endpoint: 'delete_task_data', encoding: 'form', params, idempotent: false, signal: o?.signal },
          R.toDelCounts,
        );
      }
      return { del_counts };
    },

    queryTimeTaskData: (p, o) => {
      // Validate now so a bad window fails at the call site, not inside the first `next()`.
      const size = pageSize(p.page_size);
      wireTimestamp(p.begin_time, 'begin_time');
      wireTimestamp(p.end_time, 'end_time');
      return walkPages(
        (page_num, signal) => queryTimeTaskDataPage({ ...p, page_size: size, page_num }, { signal }),
        maxConcurrency,
        o,
      );
    },
    queryTimeTaskDataPage,
  };
}

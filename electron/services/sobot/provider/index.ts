/**
 * Sobot iCall V1 behind the provider interface: the only module outside sobot/ that sees the
 * client's types is this folder, and only the registry imports it.
 */
import type { ConnectionCheck } from '../../../../shared/accounts';
import type { Provider, ProviderContext, ProviderFactory, ProviderTask } from '../../providers/types';
import { createSobotClient } from '../client';
import { describeSobotError } from '../describe';
import { parsePushPayload } from '../push';
import type { SobotClient } from '../api';
import { toProviderCall } from './calls';
import { checkSobotAccount } from './account';
import { SOBOT_INFO } from './info';
import { findOnTask } from './lookUp';
import { placeUtterances } from './placement';
import { removeSobotRows, sendSobotFile, sendSobotRows, sobotMayDropRow, sobotRowProblem } from './rows';
import { fromSummary, toAddTaskParams, toEditorParams, toProviderTask, toTemplate } from './tasks';

/** What the push receiver answers iCall once a pushed call is stored. */
const PUSH_ANSWER = {
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: '{"ret_code":"000000","ret_msg":"ok"}',
};

const ROBOTS: ConnectionCheck['label'] = { 'zh-CN': '可用机器人', en: 'Robots available' };
const LOGIN: ConnectionCheck['label'] = { 'zh-CN': '登录邮箱', en: 'Login email' };

/** Sobot behind the provider interface over a client (the factory builds the client; tests pass their own). */
export function sobotProvider(client: SobotClient, email = ''): Provider {
  const gone = (id: string): ProviderTask => ({
    ...fromSummary({ taskid: id, task_name: id, task_status: -1 }),
  });
  const getTask = async (id: string): Promise<ProviderTask | null> => {
    const info = (await client.queryTaskInfo({ taskid: [id] })).find((i) => i.taskid === id);
    return info ? toProviderTask(info) : null;
  };
  return {
    id: 'sobot',
    capabilities: SOBOT_INFO.capabilities,

    async check(control = {}) {
      const options = control.deadline === undefined ? {} : { deadline: control.deadline };
      const { robot_num } = await client.queryRobotNum({}, options);
      const checks: ConnectionCheck[] = [{ label: ROBOTS, outcome: 'passed', detail: String(robot_num) }];
      if (!email) checks.push({ label: LOGIN, outcome: 'skipped' });
      else {
        const login = await client.checkLoginName({ email }, options);
        checks.push(
          login.check_result === 1
            ? { label: LOGIN, outcome: 'passed', detail: email }
            : { label: LOGIN, outcome: 'failed', detail: login.reason ?? email },
        );
      }
      return { checks };
    },

    async taskOptions() {
      const [templates, numbers, robots] = await Promise.all([
        client.queryTemplate(),
        client.queryNumber(),
        client.queryRobotNum(),
      ]);
      return {
        templates: templates.map(toTemplate),
        callerLines: numbers.data.map((n) => ({ number: n.telephone, concurrency: n.count })),
        totalConcurrency: numbers.total_count,
        maxRobots: robots.robot_num,
      };
    },

    async templateAudio(templateId, index) {
      const template = (await client.queryTemplate()).find((t) => t.templateid === templateId);
      const url = template?.record[index];
      return url === undefined ? null : { kind: 'url', url };
    },

    async listTasks(known) {
      const unfinished = await client.queryTask();
      const ids = [...new Set([...known, ...unfinished.map((t) => t.taskid)])];
      const infos = ids.length > 0 ? await client.queryTaskInfo({ taskid: ids }) : [];
      const byId = new Map(infos.map((info) => [info.taskid, info]));
      return ids.map((id) => {
        const info = byId.get(id);
        if (info) return toProviderTask(info);
        const summary = unfinished.find((t) => t.taskid === id);
        // Deleted elsewhere, or unknown to the provider (a sandbox that forgot it).
        return summary ? fromSummary(summary) : gone(id);
      });
    },

    getTask,

    async createTask(draft, hours) {
      const { taskid } = await client.addTask(toAddTaskParams(draft, hours));
      return { id: taskid };
    },

    async editTask(edit, hours) {
      await client.editorTask(toEditorParams(edit, hours));
    },

    async changeTask(id, action) {
      const params = { taskid: id };
      if (action === 'pause') await client.pauseTask(params);
      else if (action === 'resume') await client.resumeTask(params);
      else if (action === 'end') await client.endTask(params);
      else await client.deleteTask(params);
    },

    async callsOverTime(ids, buckets) {
      // calls_count counts calls whose start lies in [begin, end], both inclusive: ask up to
      // `end − 1` so no call falls in two buckets.
      return Promise.all(
        buckets.map(async (bucket) => {
          const entries = await client.callsCount({
            taskid: [...ids],
            begin_time: bucket.start,
            end_time: bucket.end - 1,
          });
          return new Map(entries.map((e) => [e.taskid, e.count]));
        }),
      );
    },

    sendRows: (taskId, rows, control) => sendSobotRows(client, taskId, rows, control?.signal),
    sendFile: (taskId, rows, names) => sendSobotFile(client, taskId, rows, names),
    lookUpRows: (taskId, keys, concurrency, onAnswer) =>
      findOnTask(client, taskId, keys, concurrency, onAnswer),
    removeRows: (taskId, keys) => removeSobotRows(client, taskId, keys),

    async *results(taskId, window, control = {}) {
      let pageCount = 0;
      let totalCalls = 0;
      let page = 0;
      const walk = client.queryTimeTaskData(
        { taskid: taskId, begin_time: window.from, end_time: window.to },
        {
          ...(control.signal ? { signal: control.signal } : {}),
          onProgress: (p) => {
            pageCount = p.pageCount;
            totalCalls = p.totalCount;
          },
        },
      );
      for await (const data of walk) {
        page++;
        yield {
          calls: data.data.map((call) => toProviderCall(call, taskId)),
          page,
          pageCount: Math.max(pageCount, data.page_count),
          totalCalls: Math.max(totalCalls, data.total_count),
        };
      }
    },

    async rowCall(taskId, key) {
      const data = await client.queryTaskData({ taskid: taskId, outid: key });
      if (!data || !data.detail.callid) return null;
      // query_task_data does not echo the outid: we know it, so the call joins its row.
      return toProviderCall({ ...data, detail: { ...data.detail, outid: data.detail.outid ?? key } }, taskId);
    },
  };
}

export const sobotFactory: ProviderFactory = {
  info: SOBOT_INFO,
  checkAccount: checkSobotAccount,
  create(context: ProviderContext) {
    const client = createSobotClient({
      baseUrl: context.settings['baseUrl'] ?? '',
      appid: context.secrets['appid'] ?? '',
      signature: context.secrets['signature'] ?? '',
      fetch: context.fetch,
      log: context.log,
    });
    return sobotProvider(client, (context.settings['email'] ?? '').trim());
  },
  rowProblem: sobotRowProblem,
  mayDropRow: sobotMayDropRow,
  parsePush(body) {
    return { calls: [toProviderCall(parsePushPayload(body), null)], answer: PUSH_ANSWER };
  },
  placeTranscript: placeUtterances,
  describeError: describeSobotError,
};

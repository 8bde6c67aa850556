/** Shared helpers for the sandbox tests: plain fetch against a real loopback sandbox. */

import {
  SANDBOX_APPID,
  SANDBOX_SIGNATURE,
  startSandbox,
  type SandboxHandle,
  type SandboxOptions,
} from '../../../electron/services/sandbox';

/** Monday 4 March 2024, 09:00 in the machine's local time zone (calling hours are local). */
export const T0 = new Date(2024, 2, 4, 9, 0, 0).getTime();
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const AUTH = { appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE };
export const TEMPLATE_SURVEY = '6a9b98410bd44470ae4660275c14792f';
export const TEMPLATE_MEETING = '1bf61b127bbd4921b482eb35fde5d215';
export const TEMPLATE_NO_RECORD = '6a6d592bf37e4898bcfafd1cb4384f29';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Api {
  sb: SandboxHandle;
  get(endpoint: string, params?: Record<string, string>, auth?: boolean): Promise<Json>;
  post(endpoint: string, params?: Record<string, string>, auth?: boolean): Promise<Json>;
  postJson(endpoint: string, body: Record<string, unknown>): Promise<Json>;
  createTask(overrides?: Record<string, string>): Promise<string>;
  addRows(taskid: string, rows: readonly Json[]): Promise<Json>;
  status(taskid: string): Promise<number>;
  info(taskid: string): Promise<Json>;
  allResults(taskid: string): Promise<Json[]>;
  close(): Promise<void>;
}

/** Rows with valid, distinct mobile numbers: outid `${prefix}${i}`. */
export function makeRows(count: number, prefix = 'r', from = 0): Json[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return { telephone: `139${String(10_000_000 + i).slice(-8)}`, outid: `${prefix}${i}` };
  });
}

/** Starts a sandbox on a frozen clock at T0 (advance() drives it) and returns fetch helpers. */
export async function openApi(options: SandboxOptions = {}): Promise<Api> {
  const sb = await startSandbox({ autoRun: false, now: () => T0, seed: 7, ...options });
  const query = (params: Record<string, string>, auth: boolean): string =>
    new URLSearchParams({ ...(auth ? AUTH : {}), ...params }).toString();
  const api: Api = {
    sb,
    async get(endpoint, params = {}, auth = true) {
      const response = await fetch(`${sb.url}${endpoint}?${query(params, auth)}`);
      return (await response.json()) as Json;
    },
    async post(endpoint, params = {}, auth = true) {
      const response = await fetch(`${sb.url}${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: query(params, auth),
      });
      return (await response.json()) as Json;
    },
    async postJson(endpoint, body) {
      const response = await fetch(`${sb.url}${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...AUTH, ...body }),
      });
      return (await response.json()) as Json;
    },
    async createTask(overrides = {}) {
      const reply = await api.post('add_task', {
        templateid: TEMPLATE_SURVEY,
        task_name: '测试任务',
        line_type: '1',
        telephone: '02180344315',
        robot_num: '1',
        time_type: '2',
        call_time_slot: '00:00-24:00',
        task_status: '0',
        ...overrides,
      });
      if (reply.ret_code !== '000000') throw new Error(`add_task failed: ${JSON.stringify(reply)}`);
      return reply.data.taskid as string;
    },
    async addRows(taskid, rows) {
      return api.post('add_task_data', { taskid, data: JSON.stringify(rows) });
    },
    async info(taskid) {
      const reply = await api.get('query_task_info', { taskid });
      return reply.data[0] as Json;
    },
    async status(taskid) {
      return (await api.info(taskid)).task_status as number;
    },
    async allResults(taskid) {
      const out: Json[] = [];
      for (let page = 1; ; page++) {
        const reply = await api.get('query_time_task_data', {
          taskid,
          begin_time: '0',
          end_time: String(T0 + 1000 * HOUR),
          page_size: '15',
          page_num: String(page),
        });
        if (reply.ret_code !== '000000') throw new Error(JSON.stringify(reply));
        out.push(...(reply.data as Json[]));
        if (page >= reply.page_count) return out;
      }
    },
    close: () => sb.close(),
  };
  return api;
}

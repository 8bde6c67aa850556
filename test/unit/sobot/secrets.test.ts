/**
 * The signature must never appear in a thrown error (message, stack, cause, own fields,
 * JSON, util.inspect) nor in a log line, whatever went wrong.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../electron/services/log';
import {
  createSobotClient,
  parsePushPayload,
  toAppError,
  type SobotClient,
} from '../../../electron/services/sobot';
import { abortError, APPID, BASE, fakeFetch, netError, SIG, type Reply } from './fakeFetch';

const forms = [SIG, encodeURIComponent(SIG), new URLSearchParams({ s: SIG }).toString().slice(2), 'S3cr3t'];

function expectClean(value: unknown): void {
  const texts = [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: 10, showHidden: true }),
    value instanceof Error ? (value.stack ?? '') : '',
    JSON.stringify(toAppError(value, 'en')),
    JSON.stringify(toAppError(value, 'zh-CN')),
  ];
  for (const text of texts) for (const form of forms) expect(text).not.toContain(form);
}

const logged: string[] = [];
const logger: Logger = {
  debug: (m, f) => logged.push(m, JSON.stringify(f)),
  info: (m, f) => logged.push(m, JSON.stringify(f)),
  warn: (m, f) => logged.push(m, JSON.stringify(f)),
  error: (m, f) => logged.push(m, JSON.stringify(f)),
};

const echoSig = `<html>You sent signature=${SIG} and ${encodeURIComponent(SIG)} raw ${SIG}</html>`;

const failures: Array<[string, () => Reply | Promise<Reply>]> = [
  [
    'refused (message holds the signature)',
    () => {
      throw netError('ECONNREFUSED');
    },
  ],
  [
    'reset',
    () => {
      throw netError('ECONNRESET');
    },
  ],
  [
    'thrown error with the URL',
    () => {
      throw new TypeError(`Failed to parse URL from ${BASE}x?signature=${SIG}`, { cause: { url: SIG } });
    },
  ],
  [
    'abort error',
    () => {
      throw abortError();
    },
  ],
  ['HTML echoing the signature', () => ({ body: echoSig })],
  ['502 echoing the signature', () => ({ status: 502, body: echoSig })],
  [
    'ret_msg echoing the signature',
    () => ({ body: { ret_code: '320001', ret_msg: `bad signature ${SIG}` } }),
  ],
  ['truncated JSON with the signature', () => ({ body: `{"ret_code":"000000","echo":"${SIG}` })],
  ['wrong shape', () => ({ body: { ret_code: '000000', robot_num: SIG, data: SIG, del_counts: SIG } })],
  ['silence (timeout)', () => new Promise<Reply>(() => undefined)],
];

const calls: Array<[string, (c: SobotClient) => Promise<unknown>]> = [
  ['queryRobotNum', (c) => c.queryRobotNum()],
  ['pauseTask', (c) => c.pauseTask({ taskid: 't' })],
  [
    'addTask',
    (c) =>
      c.addTask({
        templateid: 't',
        task_name: 'n',
        telephone: '1',
        robot_num: 1,
        time_type: 2,
        call_time_slot: '9:00-10:00',
      }),
  ],
  ['deleteTaskData', (c) => c.deleteTaskData({ taskid: 't', outid: 'a' })],
  [
    'addTaskFileData',
    (c) => c.addTaskFileData({ taskid: 't', data_file: new Uint8Array([1]), filename: 'a.xlsx' }),
  ],
  [
    'queryTimeTaskData',
    (c) =>
      c.queryTimeTaskData({ taskid: 't', begin_time: 1575189630001, end_time: 1579086041000 }).fetchAll(),
  ],
];

describe('the signature never leaks', () => {
  for (const [failure, responder] of failures) {
    for (const [name, run] of calls) {
      it(`${name} / ${failure}`, async () => {
        const { fetch } = fakeFetch(responder);
        const client = createSobotClient({
          baseUrl: BASE,
          appid: APPID,
          signature: SIG,
          fetch,
          timeoutMs: 15,
          retry: { retries: 1, baseDelayMs: 1 },
          log: logger,
        });
        const err = await run(client).catch((e: unknown) => e);
        // A few endpoints tolerate a wrong-shaped answer (their fields are optional counts).
        if (failure !== 'wrong shape') expect(err).toBeInstanceOf(Error);
        expectClean(err);
        const original = (err as { original?: unknown }).original;
        if (original) expectClean(original);
      });
    }
  }

  it('addTaskData report errors are clean too', async () => {
    const { fetch } = fakeFetch(() => ({ status: 500, body: echoSig }));
    const client = createSobotClient({ baseUrl: BASE, appid: APPID, signature: SIG, fetch, log: logger });
    const report = await client.addTaskData({ taskid: 't', data: [{ telephone: '1', outid: 'a' }] });
    expect(report.stoppedBy).toBeDefined();
    expectClean(report.stoppedBy);
    expectClean(report);
  });

  it('push parse errors redact given secrets', () => {
    const err = (() => {
      try {
        parsePushPayload(`<html>${SIG}</html>`, [SIG]);
      } catch (e) {
        return e;
      }
    })();
    expectClean(err);
  });

  it('nothing logged contains it', () => {
    expect(logged.length).toBeGreaterThan(0);
    const all = logged.join('\n');
    for (const form of forms) expect(all).not.toContain(form);
  });
});

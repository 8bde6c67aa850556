/** Bodies that are not iCall answers, error classification, retries, timeouts and abort. */
import { describe, expect, it } from 'vitest';
import { SobotError, TransportError, toAppError } from '../../../electron/services/sobot';
import { backoffDelay, resolveRetry } from '../../../electron/services/http/retry';
import { clientFor, code, netError, ok, SIG, type Reply } from './fakeFetch';

const robot = (): Reply => ok({ robot_num: 3 });

describe('unreadable answers', () => {
  it.each([
    ['HTML page', 200, '<!DOCTYPE html><html><body>Login</body></html>', 'net.bad_response'],
    ['empty body', 200, '', 'net.bad_response'],
    ['whitespace body', 200, ' \n ', 'net.bad_response'],
    ['truncated JSON', 200, '{"ret_code":"000000","robot_num":', 'net.bad_response'],
    ['invalid JSON', 200, '{ret_code:000000}', 'net.bad_response'],
    ['JSON array', 200, '[1]', 'net.bad_response'],
    ['no ret_code', 200, '{"robot_num":1}', 'net.bad_response'],
    ['502 HTML', 502, '<html>Bad Gateway</html>', 'net.http_status'],
    ['404 text', 404, 'Not Found', 'net.http_status'],
  ])('%s → %s', async (_label, status, body, expected) => {
    const { client } = clientFor(() => ({ status, body }), { retry: false });
    const err = await client.queryRobotNum().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ code: expected, endpoint: 'query_robot_num' });
    if (status !== 200) expect((err as TransportError).status).toBe(status);
    expect(((err as TransportError).excerpt ?? '').length).toBeLessThanOrEqual(200);
  });

  it('keeps a ≤ 200 character redacted excerpt', async () => {
    const page = `<html>${'x'.repeat(150)} signature=${SIG} ${SIG} ${'y'.repeat(500)}</html>`;
    const { client } = clientFor(() => ({ body: page }));
    const err = (await client.queryRobotNum().catch((e: unknown) => e)) as TransportError;
    expect(err.excerpt?.length).toBe(200);
    expect(err.excerpt).toContain('[redacted]');
    expect(err.excerpt).not.toContain(SIG.slice(0, 6));
  });

  it('a field of the wrong shape makes the answer net.bad_response', async () => {
    const { client } = clientFor(() => ok({ robot_num: 'many' }));
    await expect(client.queryRobotNum()).rejects.toMatchObject({ code: 'net.bad_response' });
  });

  it('a non-2xx answer carrying a ret_code is read as the server error', async () => {
    const { client } = clientFor(() => ({ status: 500, body: { ret_code: '320001', ret_msg: 'x' } }), {
      retry: false,
    });
    await expect(client.pauseTask({ taskid: 't' })).rejects.toMatchObject({ code: '320001' });
  });

  it('ret_code as a bare number with leading zeros is success / error as a string', async () => {
    const { client } = clientFor((r) => ({
      body: r.params['taskid'] === 'ok' ? '{"ret_code":000000,"ret_msg":"好"}' : '{"ret_code":320020}',
    }));
    await expect(client.pauseTask({ taskid: 'ok' })).resolves.toEqual({ ret_msg: '好' });
    const err = await client.pauseTask({ taskid: 'gone' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SobotError);
    expect(err).toMatchObject({
      code: '320020',
      endpoint: 'pause_task',
      meaning: { en: 'The task has been deleted' },
    });
  });
});

describe('server codes', () => {
  it('SobotError carries code, endpoint, localized meaning; toAppError localises', async () => {
    const { client } = clientFor(() => code('320024'));
    const err = (await client.resumeTask({ taskid: 't' }).catch((e: unknown) => e)) as SobotError;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('Sobot resume_task answered 320024: Only a paused task can be resumed');
    expect(toAppError(err, 'zh-CN')).toEqual({
      code: 'sobot.320024',
      message: '只有暂停中的任务可以继续',
      detail: 'resume_task',
    });
    expect(toAppError(err, 'en').message).toBe('Only a paused task can be resumed');
  });

  it('an unknown code still gets a message', async () => {
    const { client } = clientFor(() => code('399999'));
    const err = await client.pauseTask({ taskid: 't' }).catch((e: unknown) => e);
    expect(toAppError(err, 'en')).toMatchObject({
      code: 'sobot.399999',
      message: expect.stringContaining('399999'),
    });
  });

  it('toAppError covers every net code in both languages, and unknown errors', () => {
    for (const c of [
      'net.timeout',
      'net.offline',
      'net.unreachable',
      'net.aborted',
      'net.http_status',
      'net.bad_response',
    ] as const) {
      const e = new TransportError({ code: c, endpoint: 'x', sent: 'no' });
      expect(toAppError(e, 'zh-CN').message).toMatch(/[\u4e00-\u9fff]/);
      expect(toAppError(e, 'en').message).toMatch(/^[\x20-\x7e’]+$/);
    }
    expect(toAppError(new Error(`boom ${SIG}`), 'en')).toEqual({
      code: 'sobot.unexpected',
      message: expect.any(String),
    });
  });
});

describe('network failures', () => {
  it.each([
    ['ECONNREFUSED', 'net.unreachable', 'no'],
    ['ENOTFOUND', 'net.offline', 'no'],
    ['EAI_AGAIN', 'net.offline', 'no'],
    ['UND_ERR_CONNECT_TIMEOUT', 'net.timeout', 'no'],
    ['ECONNRESET', 'net.unreachable', 'maybe'],
    ['UND_ERR_SOCKET', 'net.unreachable', 'maybe'],
  ])('%s → %s (sent: %s)', async (cause, expected, sent) => {
    const { client } = clientFor(
      () => {
        throw netError(cause);
      },
      { retry: false },
    );
    await expect(client.pauseTask({ taskid: 't' })).rejects.toMatchObject({
      code: expected,
      sent,
      causeCode: cause,
    });
  });

  it('finds the code inside an AggregateError (happy eyeballs)', async () => {
    const { client } = clientFor(
      () => {
        throw Object.assign(new TypeError('fetch failed'), {
          cause: new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
        });
      },
      { retry: false },
    );
    await expect(client.queryTask()).rejects.toMatchObject({ code: 'net.unreachable', sent: 'no' });
  });
});

describe('retries', () => {
  const flaky = (failures: number, failure: () => Reply) => {
    let n = 0;
    return () => (++n <= failures ? failure() : robot());
  };

  it.each([
    ['timeout-free 503', () => ({ status: 503, body: 'busy' })],
    ['329999', () => code('329999')],
    [
      'reset',
      (): Reply => {
        throw netError('ECONNRESET');
      },
    ],
  ])('idempotent reads retry on %s', async (_l, failure) => {
    const { client, calls } = clientFor(flaky(2, failure));
    await expect(client.queryRobotNum()).resolves.toEqual({ robot_num: 3 });
    expect(calls).toHaveLength(3);
  });

  it('gives up after `retries` extra attempts', async () => {
    const { client, calls } = clientFor(() => code('329999'), { retry: { retries: 2, baseDelayMs: 1 } });
    await expect(client.queryTask()).rejects.toMatchObject({ code: '329999' });
    expect(calls).toHaveLength(3);
  });

  it.each([
    ['320001', () => code('320001')],
    ['404', () => ({ status: 404, body: 'nope' })],
    ['HTML 200', () => ({ body: '<html/>' })],
  ])('reads do not retry deterministic failures (%s)', async (_l, failure) => {
    const { client, calls } = clientFor(failure);
    await expect(client.queryRobotNum()).rejects.toBeDefined();
    expect(calls).toHaveLength(1);
  });

  it.each(['pauseTask', 'resumeTask', 'endTask', 'deleteTask', 'editorTask'] as const)(
    '%s is not retried once it may have been sent',
    async (method) => {
      for (const failure of [
        (): Reply => code('329999'),
        (): Reply => ({ status: 503, body: 'x' }),
        (): Reply => {
          throw netError('ECONNRESET');
        },
      ]) {
        const { client, calls } = clientFor(flaky(1, failure));
        await expect(client[method]({ taskid: 't' })).rejects.toBeDefined();
        expect(calls).toHaveLength(1);
      }
    },
  );

  it('any request is retried when nothing was sent (connection refused)', async () => {
    const { client, calls } = clientFor(
      flaky(2, () => {
        throw netError('ECONNREFUSED');
      }),
    );
    await expect(client.pauseTask({ taskid: 't' })).resolves.toBeDefined();
    expect(calls).toHaveLength(3);
  });

  it('add_task_data is retried only before sending', async () => {
    const a = clientFor(
      flaky(1, () => {
        throw netError('ENOTFOUND');
      }),
    );
    expect(
      (await a.client.addTaskData({ taskid: 't', data: [{ telephone: '1', outid: 'a' }] })).accepted,
    ).toEqual(['a']);
    expect(a.calls).toHaveLength(2);
    const b = clientFor(flaky(1, () => ({ status: 503, body: 'x' })));
    const report = await b.client.addTaskData({ taskid: 't', data: [{ telephone: '1', outid: 'a' }] });
    expect(report.uncertain).toEqual(['a']);
    expect(b.calls).toHaveLength(1);
  });

  it('backoff doubles, is capped, and is jittered within [step/2, step]', () => {
    const lo = resolveRetry({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 });
    const hi = resolveRetry({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, lo))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 6].map((a) => Math.round(backoffDelay(a, hi)))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    const samples = new Set(
      Array.from({ length: 20 }, () => backoffDelay(3, resolveRetry({ baseDelayMs: 100 }))),
    );
    expect(samples.size).toBeGreaterThan(1);
    for (const s of samples) {
      expect(s).toBeGreaterThanOrEqual(200);
      expect(s).toBeLessThanOrEqual(400);
    }
  });

  it('waits between attempts (the backoff really happens)', async () => {
    const times: number[] = [];
    const { client } = clientFor(
      () => {
        times.push(Date.now());
        return times.length < 3 ? code('329999') : robot();
      },
      { retry: { baseDelayMs: 40, maxDelayMs: 1000, random: () => 0 } },
    );
    await client.queryRobotNum();
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(18); // 20 ms (+ timer slack)
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(38); // 40 ms
  });
});

describe('timeouts and abort', () => {
  it('times out a silent server (net.timeout) and retries reads', async () => {
    const { client, calls } = clientFor(() => new Promise<Reply>(() => undefined), {
      timeoutMs: 30,
      retry: { retries: 1, baseDelayMs: 1 },
    });
    const started = Date.now();
    await expect(client.queryTask()).rejects.toMatchObject({ code: 'net.timeout', sent: 'maybe' });
    expect(calls).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a mutation that times out is not repeated', async () => {
    const { client, calls } = clientFor(() => new Promise<Reply>(() => undefined), { timeoutMs: 20 });
    await expect(client.endTask({ taskid: 't' })).rejects.toMatchObject({ code: 'net.timeout' });
    expect(calls).toHaveLength(1);
  });

  it('the timeout covers a body that stalls after the headers', async () => {
    const stalled = (): Response =>
      new Response(
        new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"ret_code":')) }),
        { status: 200 },
      );
    const { client } = clientFor(stalled, { timeoutMs: 30, retry: false });
    await expect(client.queryTask()).rejects.toMatchObject({ code: 'net.timeout' });
  });

  it('abort cancels an in-flight request', async () => {
    const { client } = clientFor(() => new Promise<Reply>(() => undefined));
    const ctrl = new AbortController();
    const p = client.queryTask(undefined, { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 10);
    await expect(p).rejects.toMatchObject({ code: 'net.aborted' });
  });

  it('abort cancels during a backoff wait, without another attempt', async () => {
    const { client, calls } = clientFor(() => code('329999'), {
      retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 },
    });
    const ctrl = new AbortController();
    const p = client.queryTask(undefined, { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 20);
    const started = Date.now();
    await expect(p).rejects.toMatchObject({ code: 'net.aborted' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const { client, calls } = clientFor(() => ok());
    await expect(client.queryTask(undefined, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'net.aborted',
    });
    expect(calls).toHaveLength(0);
  });

  it('abort while waiting for a concurrency slot', async () => {
    const { client, calls } = clientFor(() => new Promise<Reply>(() => undefined), {
      maxConcurrency: 1,
      timeoutMs: 60_000,
    });
    void client.queryTask().catch(() => undefined); // holds the only slot
    const ctrl = new AbortController();
    const p = client.queryRobotNum(undefined, { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 10);
    await expect(p).rejects.toMatchObject({ code: 'net.aborted' });
    expect(calls).toHaveLength(1);
  });
});

describe('shared concurrency limiter', () => {
  it('never has more than maxConcurrency requests in flight across different calls', async () => {
    const { client, state } = clientFor(() => ({ ...ok({ data: [], robot_num: 1 }), delayMs: 5 }), {
      maxConcurrency: 3,
    });
    await Promise.all([
      ...Array.from({ length: 10 }, () => client.queryRobotNum()),
      ...Array.from({ length: 10 }, () => client.queryTask()),
      client.queryTaskInfo({ taskid: Array.from({ length: 100 }, (_, i) => `t${i}`) }),
    ]);
    expect(state.maxInFlight).toBe(3);
  });
});

/**
 * Dialing on the shared clock: calls inside the calling slots only, outcomes across the whole
 * failCode table, results paged and windowed, a stable id for calls never placed, statistics,
 * and the outcome callback (the fragments' fields, pushed again once on a non-200).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CEC_FAIL_CODES } from '../../../shared/codes/huaweiCec';
import { createPacer, parseOutcomeCallback } from '../../../electron/services/huawei';
import { DAY, HOUR, MINUTE, numberRows, openCec, T0, type Cec } from './helpers';

let cec: Cec;
const servers: Server[] = [];
afterEach(async () => {
  await cec?.close();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A callback receiver answering `statuses` in turn (then 200), recording every body. */
async function receiver(statuses: number[] = []): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      const status = statuses.shift() ?? 200;
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end(status === 200 ? '{"retCode":"0","retMsg":"success"}' : 'no');
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cec/callback`, bodies };
}

describe('CEC dialing', () => {
  it('dials only inside the calling slots, in the tenant’s zone', async () => {
    cec = await openCec();
    // 09:00 Shanghai now; the slot opens at 10:00.
    const id = await cec.campaign({ slots: [{ begin: '10:00', end: '10:30' }] });
    await cec.client({ pacer: createPacer() }).addNumbers(id, numberRows(3));
    cec.sb.control.advance(59 * MINUTE);
    expect(cec.sb.control.cec.stats().calls).toBe(0);
    cec.sb.control.advance(10 * MINUTE);
    const results = await cec
      .client()
      .callResults(id, { from: T0, to: T0 + DAY })
      .fetchAll();
    expect(results).toHaveLength(3);
    for (const r of results) expect(r.callTime! - T0).toBeGreaterThanOrEqual(HOUR);
  });

  it('produces every failCode of the table, pages results by 500 and gives never-placed calls a stable id', async () => {
    cec = await openCec();
    const id = await cec.campaign({ slots: [{ begin: '00:00', end: '23:59' }], callCount: 4 });
    const client = cec.client();
    // Seeded past the request limits (tested in numbers.test.ts): here it is the outcomes.
    cec.sb.control.cec.seedNumbers(id, numberRows(600));
    cec.sb.control.advance(2 * DAY);
    const pages: number[] = [];
    const all = [];
    for await (const page of client.callResults(id, { from: T0, to: T0 + 2 * DAY })) {
      pages.push(page.length);
      all.push(...page);
    }
    expect(all).toHaveLength(600);
    expect(pages[0]).toBe(500);
    const codes = new Set(all.map((c) => (c.callStatus === 6 ? '00000' : c.failCode)));
    expect([...codes].sort()).toEqual(Object.keys(CEC_FAIL_CODES).sort());
    const unplaced = all.filter((c) => c.failCode === '34605' || c.failCode === '34606');
    expect(unplaced.length).toBeGreaterThan(0);
    for (const c of unplaced) {
      expect(c.callId).toBe('');
      expect(c.derivedId).toBe(true);
    }
    expect(new Set(all.map((c) => c.id)).size).toBe(600);
    const again = await client.callResults(id, { from: T0, to: T0 + 2 * DAY }).fetchAll();
    expect(again.map((c) => c.id)).toEqual(all.map((c) => c.id));
    const stats = await client.statistics(id);
    expect(stats).toMatchObject({ totalCount: 600, totalCalledCount: 600, unCallCount: 0 });
    expect(stats.totalCallSucc).toBe(all.filter((c) => c.callStatus === 6).length);
  }, 60_000);

  it('splits a long span into 30-day windows and never yields a call twice', async () => {
    cec = await openCec();
    const id = await cec.campaign({ slots: [{ begin: '00:00', end: '23:59' }], endTime: T0 + 70 * DAY });
    const client = cec.client({ pacer: createPacer() });
    await client.addNumbers(id, numberRows(5));
    cec.sb.control.advance(HOUR);
    const bodies: string[] = [];
    const watching = cec.client({
      fetch: async (input, init) => {
        if (String(input).includes('/callresult/')) bodies.push(String(init.body));
        return fetch(input, init);
      },
    });
    const calls = await watching.callResults(id, { from: T0 - 65 * DAY, to: T0 + DAY }).fetchAll();
    expect(calls).toHaveLength(5);
    const windows = bodies.map((b) => JSON.parse(b) as { beginTime: string; endTime: string });
    expect(windows.map((w) => [w.beginTime, w.endTime])).toEqual([
      ['2023-12-30', '2024-01-29'],
      ['2024-01-29', '2024-02-28'],
      ['2024-02-28', '2024-03-05'],
    ]);
  });

  it('pushes each outcome to the callback URL in the fragments’ shape', async () => {
    const hook = await receiver();
    cec = await openCec();
    const id = await cec.campaign({ callbackUrl: hook.url });
    await cec.client({ pacer: createPacer() }).addNumbers(
      id,
      numberRows(4).map((r, i) => ({ ...r, customField: `客户${i}` })),
    );
    cec.sb.control.advance(HOUR);
    await cec.sb.control.cec.flushCallbacks();
    expect(hook.bodies).toHaveLength(4);
    for (const body of hook.bodies) {
      const raw = JSON.parse(body) as Record<string, unknown>[];
      expect(Array.isArray(raw)).toBe(true);
      expect(Object.keys(raw[0]!).sort()).toEqual(
        [
          'campaignId',
          'sessionId',
          'called',
          'callTimeStr',
          'callStatus',
          'failCode',
          'vdnId',
          'callId',
          'customField',
          'recordPath',
        ].sort(),
      );
      expect(raw[0]!.vdnId).toBe(1);
      expect(typeof raw[0]!.callStatus).toBe('number');
      const parsed = parseOutcomeCallback(body, 'Asia/Shanghai');
      expect(parsed.ok).toBe(true);
    }
    const pushed = hook.bodies
      .map((b) => parseOutcomeCallback(b, 'Asia/Shanghai'))
      .flatMap((p) => (p.ok ? p.outcomes : []));
    const queried = await cec
      .client()
      .callResults(id, { from: T0, to: T0 + DAY })
      .fetchAll();
    expect(pushed.map((c) => c.id).sort()).toEqual(queried.map((c) => c.id).sort());
    expect(pushed.map((c) => c.customField).sort()).toEqual(['客户0', '客户1', '客户2', '客户3']);
  });

  it('pushes again exactly once when the receiver does not answer 200', async () => {
    const hook = await receiver([500, 500, 204]);
    cec = await openCec({ cecCallbackRetryDelayMs: 20 });
    const id = await cec.campaign({ callbackUrl: hook.url, callCount: 1 });
    await cec.client({ pacer: createPacer() }).addNumbers(id, numberRows(2));
    cec.sb.control.advance(HOUR);
    await cec.sb.control.cec.flushCallbacks();
    // Three answers that are not 200 (500, 500, 204) and then 200s: one call's push was given up
    // after its one repeat, the other's repeat was delivered. Each went out exactly twice.
    expect(hook.bodies).toHaveLength(4);
    const times = new Map<string, number>();
    for (const b of hook.bodies) times.set(b, (times.get(b) ?? 0) + 1);
    expect([...times.values()]).toEqual([2, 2]);
    expect(cec.sb.control.cec.stats().callbacks).toMatchObject({ sent: 1, failed: 1 });
  });

  it('walks many result pages with at most 10 requests in flight, and details a call', async () => {
    cec = await openCec({ latencyMs: 30 });
    const id = await cec.campaign({ slots: [{ begin: '00:00', end: '23:59' }], callCount: 4 });
    cec.sb.control.cec.seedNumbers(id, numberRows(400));
    cec.sb.control.advance(2 * DAY);
    cec.sb.control.resetStats();
    const client = cec.client();
    const calls = await client.callResults(id, { from: T0, to: T0 + 2 * DAY, pageSize: 10 }).fetchAll();
    expect(calls).toHaveLength(400);
    const stats = cec.sb.control.stats();
    expect(stats.requests['cec:callResults']).toBe(40);
    expect(stats.maxInFlight).toBeGreaterThan(1);
    expect(stats.maxInFlight).toBeLessThanOrEqual(10);
    const connected = calls.find((c) => c.callStatus === 6)!;
    const detail = await client.callResultDetail(connected.callId);
    expect(detail).toMatchObject({
      callId: connected.callId,
      called: connected.called,
      callStatus: 6,
      failCode: '00000',
    });
    expect(detail.ackBeginTime!).toBeGreaterThanOrEqual(connected.callTime!);
    expect(detail.callBeginTime!).toBeGreaterThan(detail.ackBeginTime!);
    expect(detail.callEndTime!).toBeGreaterThan(detail.callBeginTime!);
  });
});

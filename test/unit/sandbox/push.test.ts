import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, makeRows, openApi, type Api } from './helpers';

interface Receiver {
  url: string;
  bodies: string[];
  contentTypes: string[];
  close(): Promise<void>;
}

/** A push receiver on loopback; `failFirst` answers 500 to that many requests first. */
async function startReceiver(failFirst = 0): Promise<Receiver> {
  const bodies: string[] = [];
  const contentTypes: string[] = [];
  let failures = failFirst;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failures > 0) {
        failures--;
        res.writeHead(500).end('busy');
        return;
      }
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      contentTypes.push(req.headers['content-type'] ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/push`,
    bodies,
    contentTypes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let api: Api | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await api?.close();
  await receiver?.close();
  api = undefined;
  receiver = undefined;
});

describe('result push', () => {
  it('push_type 2 posts every finished call as JSON in the document format', async () => {
    receiver = await startReceiver();
    api = await openApi();
    const taskid = await api.createTask({ push_url: receiver.url, push_type: '2', robot_num: '2' });
    await api.addRows(taskid, makeRows(10));
    api.sb.control.advance(HOUR);
    await api.sb.control.flushPushes();
    expect(receiver.bodies).toHaveLength(10);
    expect(receiver.contentTypes.every((t) => t.startsWith('application/json'))).toBe(true);
    const results = await api.allResults(taskid);
    for (const raw of receiver.bodies) {
      const body = JSON.parse(raw);
      expect(Object.keys(body)).toEqual(['result']);
      expect(body.result.ret_code).toBe('000000');
      const { msg, detail } = body.result.data;
      const same = results.find((r) => r.detail.callid === detail.callid)!;
      expect(same).toBeDefined();
      expect(detail.start_time).toBe(Number(same.detail.start_time));
      expect(detail.call_duration).toBe(detail.end_time - detail.start_time);
      expect(detail.outid).toMatch(/^r\d$/);
      expect(typeof detail.status).toBe('number');
      expect(msg.length).toBe(same.msg.length);
      for (const m of msg) {
        expect(typeof m.date_time).toBe('number');
        expect(m).toHaveProperty('remark');
        if (m.sender_type === 0) expect(m.remark).toMatch(/^匹配到:【.+#.+】$/);
        else expect(m.remark).toBeNull();
      }
    }
    expect(api.sb.control.stats().push).toMatchObject({ sent: 10, failed: 0, pending: 0 });
  });

  it('push_type 1 posts only connected calls', async () => {
    receiver = await startReceiver();
    api = await openApi();
    const taskid = await api.createTask({ push_url: receiver.url, push_type: '1', robot_num: '4' });
    await api.addRows(taskid, makeRows(40));
    api.sb.control.advance(5 * HOUR);
    await api.sb.control.flushPushes();
    const connected = (await api.allResults(taskid)).filter((r) => r.detail.status === '2');
    expect(connected.length).toBeGreaterThan(5);
    expect(connected.length).toBeLessThan(40);
    expect(receiver.bodies).toHaveLength(connected.length);
    expect(receiver.bodies.every((b) => JSON.parse(b).result.data.detail.status === 2)).toBe(true);
  });

  it('the vendor style reproduces the document’s invalid JSON', async () => {
    receiver = await startReceiver();
    api = await openApi({ pushStyle: 'vendor' });
    const taskid = await api.createTask({ push_url: receiver.url, robot_num: '1' });
    await api.addRows(taskid, [{ telephone: '18207736077', outid: '1234554321123666' }]);
    api.sb.control.advance(HOUR);
    await api.sb.control.flushPushes();
    expect(receiver.bodies).toHaveLength(1);
    const raw = receiver.bodies[0]!;
    expect(() => JSON.parse(raw)).toThrow();
    expect(raw).toContain('"caller":02180344315');
    expect(raw).toContain('"ret_code":000000');
    expect(raw).toContain('"tel":18207736077');
    expect(raw).toContain('"outid":1234554321123666');
    expect(raw).toMatch(
      /"voice_url":"http: \\\/\\\/127\.0\.0\.1:\d+\\\/sandbox-media\\\/call\\\/soboticall[0-9a-f]{32}\.wav"/,
    );
  });

  it('retries a failing receiver and survives a dead one', async () => {
    receiver = await startReceiver(2);
    api = await openApi({ pushRetryDelaysMs: [10, 10] });
    const retried = await api.createTask({ push_url: receiver.url, robot_num: '1' });
    await api.addRows(retried, makeRows(1));
    const dead = await api.createTask({
      push_url: 'http://127.0.0.1:9/nothing-listens-here',
      robot_num: '1',
    });
    await api.addRows(dead, makeRows(3, 'd'));
    api.sb.control.advance(HOUR);
    await api.sb.control.flushPushes();
    expect(receiver.bodies).toHaveLength(1);
    const stats = api.sb.control.stats().push;
    expect(stats.sent).toBe(1);
    expect(stats.failed).toBe(3);
    // The sandbox still answers.
    expect((await api.get('query_robot_num')).ret_code).toBe('000000');
  });
});

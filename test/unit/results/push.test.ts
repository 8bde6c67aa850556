import { afterEach, describe, expect, it } from 'vitest';
import { cecFactory } from '../../../electron/services/huawei/provider/index';
import { sobotFactory } from '../../../electron/services/sobot/provider/index';
import { accountsOver } from '../../support/providers';
import { ACCOUNT, addList, PUSH_CALLID as CALLID, PUSH_EXAMPLE as EXAMPLE, setupResults } from './support';

type Setup = Awaited<ReturnType<typeof setupResults>>;
let current: Setup | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

async function receiver(s: Setup) {
  const state = await s.results.push.configure({ enabled: true, port: 0 });
  expect(state.enabled).toBe(true);
  return state.url!;
}

describe('the push receiver', () => {
  it('is off by default', async () => {
    const s = (current = await setupResults());
    expect(s.results.push.state()).toMatchObject({ enabled: false, url: null });
  });

  it('stores the document’s push example on the right task with every digit string intact', async () => {
    const s = (current = await setupResults());
    const list = addList(s.services, '十一月回访', [
      { phone: '13800000001', outid: 'other-1', name: '李四' },
      { phone: '18207736077', outid: '1234554321123666', name: '张三' },
    ]);
    s.results.linkList('task-42', list.id);
    const url = await receiver(s);
    const response = await fetch(url, {
      method: 'POST',
      body: EXAMPLE,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(s.results.push.state().received).toBe(1);

    const review = s.results.call(CALLID);
    expect(review.call).toMatchObject({
      taskId: 'task-42',
      outid: '1234554321123666',
      telephone: '18207736077',
      callerNumber: '02180344315',
      outcome: 'connected',
      outcomeCode: '2',
      intentions: ['有意向购买', '满意'],
      startedAt: 1576551749868,
      answeredAt: 1576551759848,
      callMs: 39440,
      talkMs: 29460,
    });
    expect(review.call.row).toMatchObject({ listId: list.id, listName: '十一月回访', variables: ['张三'] });
    expect(review.utterances.map((u) => u.speaker)).toEqual(['robot', 'customer', 'robot']);
    expect(review.utterances[1]).toMatchObject({ text: '挺好的', remark: '匹配到:【开场白#肯定】' });
    const row = s.services.db
      .prepare('SELECT recording, tel, caller, outid FROM result_calls WHERE account_id = ? AND callid = ?')
      .get(ACCOUNT, CALLID);
    expect(row).toEqual({
      recording: JSON.stringify({
        kind: 'url',
        url: 'http://sobot-test.oss-cn-beijing.com/call/ai/123456/20191217/20191217110230_soboticallbcf37279feb441ee99f33a9814d26b00.wav',
      }),
      tel: '18207736077',
      caller: '02180344315',
      outid: '1234554321123666',
    });
    expect(s.events).toContainEqual(['results:changed', { accountId: ACCOUNT, taskId: 'task-42' }]);

    // The provider retries: the same push again is the same call, not a second one.
    expect((await fetch(url, { method: 'POST', body: EXAMPLE })).status).toBe(200);
    expect(s.results.query({ kind: 'task', taskId: 'task-42' }, {}, 0, 10).total).toBe(1);
    expect(s.results.query({ kind: 'list', listId: list.id }, {}, 0, 10).total).toBe(1);
  });

  it('keeps a push whose row is in no linked list, joined to its row but without a task', async () => {
    const s = (current = await setupResults());
    const list = addList(s.services, '未关联', [
      { phone: '18207736077', outid: '1234554321123666', name: '张三' },
    ]);
    const url = await receiver(s);
    expect((await fetch(url, { method: 'POST', body: EXAMPLE })).status).toBe(200);
    expect(s.results.call(CALLID).call).toMatchObject({ taskId: null, row: { listId: list.id } });
  });

  it('answers 404 under a wrong secret path, 405 to GET, 400 to garbage, and stores nothing', async () => {
    const s = (current = await setupResults());
    const url = await receiver(s);
    const wrong = url.replace(/\/push\/.+$/, '/push/not-the-secret');
    expect((await fetch(wrong, { method: 'POST', body: EXAMPLE })).status).toBe(404);
    expect((await fetch(url.replace(/\/push\/.+$/, '/'), { method: 'POST', body: EXAMPLE })).status).toBe(
      404,
    );
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(url, { method: 'POST', body: '{"result":' })).status).toBe(400);
    expect(s.results.push.state().received).toBe(0);
    expect(() => s.results.call(CALLID)).toThrow(/call_not_found/);
  });

  it('keeps its secret path across restarts and stops when turned off', async () => {
    const s = (current = await setupResults());
    const first = await receiver(s);
    const off = await s.results.push.configure({ enabled: false });
    expect(off).toMatchObject({ enabled: false, url: null });
    await expect(fetch(first, { method: 'POST', body: EXAMPLE })).rejects.toThrow();
    const again = await s.results.push.configure({ enabled: true, port: 0 });
    expect(again.url!.split('/push/')[1]).toBe(first.split('/push/')[1]);
  });
});

describe('the push receiver under a flood', () => {
  it('listens where it is told (loopback here), with every provider’s URL, and refuses an address not of this machine', async () => {
    const s = (current = await setupResults());
    const state = await s.results.push.configure({ enabled: true, port: 0 });
    expect(state.host).toBe('127.0.0.1');
    expect(state.addresses).toEqual(expect.arrayContaining(['127.0.0.1', '0.0.0.0']));
    expect(state.urls.map((u) => u.provider)).toContain('sobot');
    expect(state.urls.every((u) => u.url.startsWith(`http://127.0.0.1:${state.port}/push/`))).toBe(true);
    await expect(s.results.push.configure({ enabled: true, host: '203.0.113.9' })).rejects.toMatchObject({
      code: 'results.push_host',
    });
  });

  it('keeps slowloris clients bounded in number and time, and the rest of the process working', async () => {
    const { connect } = await import('node:net');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const s = (current = await setupResults({
      deps: {
        pushLimits: {
          maxConnections: 32,
          maxConnectionsPerSource: 8,
          headersTimeoutMs: 600,
          requestTimeoutMs: 1200,
          idleTimeoutMs: 800,
        },
      },
    }));
    const url = new URL(await receiver(s));
    // 200 clients that each send half a request line and then trickle a byte now and then.
    const sockets = Array.from({ length: 200 }, () => {
      const socket = connect(Number(url.port), '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(`POST ${url.pathname} HTTP/1.1\r\nHost: x\r\n`);
      const drip = setInterval(() => socket.writable && socket.write('X'), 200);
      socket.once('close', () => clearInterval(drip));
      return socket;
    });
    // The receiver holds at most one source's share of connections (the rest are dropped at once)…
    let most = 0;
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      most = Math.max(most, await s.results.push.connections());
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(8);
    // …so the process keeps its descriptors for other work: a file can be written meanwhile.
    const scratch = join(mkdtempSync(join(tmpdir(), 'cd-flood-')), 'still-works.txt');
    writeFileSync(scratch, 'ok');
    // Within the header timeout every slow client is cut off, although each keeps trickling bytes.
    await expect.poll(() => s.results.push.connections(), { timeout: 3_000 }).toBe(0);
    for (const socket of sockets) socket.destroy();
    // And a real push is answered again.
    expect((await fetch(url, { method: 'POST', body: EXAMPLE })).status).toBe(200);
  });

  // A slow refill (one push every 10 s): however slowly a loaded machine sends the 12, 5 get in.
  it('answers 429 to a source that pushes faster than it may', async () => {
    const s = (current = await setupResults({ deps: { pushLimits: { ratePerSecond: 0.1, burst: 5 } } }));
    const url = await receiver(s);
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => fetch(url, { method: 'POST', body: EXAMPLE }).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });
});

describe('a push from another provider than the active account’s', () => {
  const CEC_PUSH = JSON.stringify([
    {
      campaignId: '1001',
      sessionId: 's-1',
      called: '13911112222',
      callTimeStr: '2026-03-10 10:00:00',
      callStatus: 6,
      failCode: '0',
      vdnId: 1,
      callId: '1644464743-1388',
      customField: '',
      recordPath: 'Y:/voice/1/20260310/1644464743-1388.wav',
    },
  ]);
  /** A Sobot account active, and the given CEC accounts beside it. */
  async function withAccounts(cecIds: string[]) {
    const s = (current = await setupResults({
      deps: {
        accounts: {
          ...accountsOver(() => {
            throw new Error('no provider calls here');
          }, ACCOUNT),
          factoryFor: (id = ACCOUNT) => (cecIds.includes(id) ? cecFactory : sobotFactory),
          settingsFor: () => ({}),
          accountsOf: (provider) => (provider === 'huawei-cec' ? cecIds : [ACCOUNT]),
        },
      },
    }));
    return s;
  }
  const ownerOf = (s: Setup, callId: string) =>
    s.services.db.prepare('SELECT account_id FROM result_calls WHERE callid = ?').pluck().all(callId);

  it('is kept under the account on that provider, not the active one', async () => {
    const s = await withAccounts(['cec-1']);
    expect(s.results.receivePush('huawei-cec', CEC_PUSH).status).toBe(200);
    expect(ownerOf(s, '1644464743-1388')).toEqual(['cec-1']);
  });

  it('with several accounts on that provider, goes to the one that synced the pushed campaign', async () => {
    const s = await withAccounts(['cec-1', 'cec-2']);
    s.services.db
      .prepare(
        'INSERT INTO sync_cursors (account_id, task_id, cursor, synced_at, complete) VALUES (?, ?, 0, 1, 1)',
      )
      .run('cec-2', '1001');
    s.results.receivePush('huawei-cec', CEC_PUSH);
    expect(ownerOf(s, '1644464743-1388')).toEqual(['cec-2']);
  });
});

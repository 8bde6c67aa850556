/**
 * The CEC sandbox verifies auth-v2 from the bytes it receives, as Huawei does: a tampered body,
 * a wrong SK, a stale time, an unsigned host or an unknown AK is HTTP 401 with no body. And the
 * client signs exactly what it sends: the request the sandbox received is re-signed here from
 * its raw bytes with the test's own use of the signer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CecAuthError, expectedSignature, parseAuthV2 } from '../../../electron/services/huawei';
import { CEC_SANDBOX_SK } from '../../../electron/services/sandbox';
import { rawQueryItems } from '../../../electron/services/sandbox/cec/verify';
import { DAY, FLOW, MINUTE, openCec, T0, type Cec } from './helpers';

const LIST = '/rest/isales/v1/openapi/campaigns/1';
const query: [string, string][] = [
  ['status', '0'],
  ['deviceType', '0'],
  ['curPage', '1'],
  ['rowsPerPage', '10'],
];
let cec: Cec;
afterEach(async () => cec?.close());

describe('signature verification', () => {
  it('accepts a good signature and refuses every kind of bad one with an empty 401', async () => {
    cec = await openCec();
    const good = await cec.raw('GET', LIST, undefined, { query });
    expect(good.status).toBe(200);
    expect(good.json?.returnCode).toBe('0200000');

    const body = { name: 'x', strBeginTime: '2024-03-04 01:00:00' };
    const cases = [
      [
        'tampered body',
        () => cec.raw('POST', LIST, body, { sendBody: JSON.stringify({ ...body, name: 'y' }) }),
        'bad_signature',
      ],
      [
        'wrong SK',
        () => cec.raw('GET', LIST, undefined, { query, sk: `${CEC_SANDBOX_SK}x` }),
        'bad_signature',
      ],
      ['stale time', () => cec.raw('GET', LIST, undefined, { query, time: T0 - 16 * MINUTE }), 'stale_time'],
      ['future time', () => cec.raw('GET', LIST, undefined, { query, time: T0 + 16 * MINUTE }), 'stale_time'],
      [
        'unsigned host',
        () => cec.raw('GET', LIST, undefined, { query, sign: ['content-type'] }),
        'host_unsigned',
      ],
      [
        'unknown AK',
        () => cec.raw('GET', LIST, undefined, { query, ak: 'SOMEONEELSE000000000' }),
        'unknown_ak',
      ],
    ] as const;
    const reasons: string[] = [];
    for (const [name, request, reason] of cases) {
      const res = await request();
      expect(res.status, name).toBe(401);
      expect(res.text, name).toBe('');
      reasons.push(reason);
    }
    expect(cec.sb.control.cec.signatureRefusals().map((r) => r.reason)).toEqual(reasons);
    // 14 minutes off is still inside the window.
    expect((await cec.raw('GET', LIST, undefined, { query, time: T0 + 14 * MINUTE })).status).toBe(200);
  });

  it('makes the client say "signature refused" for a wrong SK and "clock off" for a skewed clock', async () => {
    cec = await openCec();
    await expect(cec.client({ sk: 'wrong' }).checkAccount()).rejects.toMatchObject({
      code: 'huawei.auth_refused',
    });
    const skewed = cec.client({ now: () => T0 + 20 * MINUTE });
    const err = await skewed.checkAccount().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CecAuthError);
    // The sandbox's Date says how far off: the clock, not the key.
    expect(err).toMatchObject({ code: 'huawei.clock_skew', clockSkewMs: 20 * MINUTE });
    expect(String(err)).toMatch(/clock/);
    await expect(cec.client().checkAccount()).resolves.toBeUndefined();
  });

  it('signs exactly the bytes it sends: re-signing what the sandbox received gives the same header', async () => {
    cec = await openCec();
    const name = '十一月 回访&复核 "A"';
    await cec.client().createCampaign({
      name,
      description: '含空格 与 & 符号',
      beginTime: T0,
      endTime: T0 + DAY,
      slots: [{ begin: '09:00', end: '12:00' }],
      callerNo: '02180344315',
      flowAccessCode: FLOW,
    });
    const received = cec.sb.control.cec.lastSignedRequest()!;
    expect(received.headers['content-type']).toBe('application/json;charset=UTF-8');
    const auth = parseAuthV2(received.headers['authorization'])!;
    expect(auth.signedHeaders).toEqual(['content-type', 'host']);
    const rawUrl = received.rawUrl;
    const q = rawUrl.indexOf('?');
    const resigned = expectedSignature(auth, CEC_SANDBOX_SK, {
      method: received.method,
      path: q < 0 ? rawUrl : rawUrl.slice(0, q),
      query: rawQueryItems(rawUrl),
      headers: { 'content-type': received.headers['content-type']!, host: received.headers['host']! },
      body: received.body.toString('utf8'),
    });
    expect(resigned).toBe(auth.signature);
    const sent = JSON.parse(received.body.toString('utf8')) as Record<string, unknown>;
    expect(sent['name']).toBe(name);
    expect(received.body.toString('utf8')).toBe(JSON.stringify(sent));

    // A query with Chinese and a space, on the wire and in the signature alike.
    await cec.client().listCampaigns({ name: '回访 活动' });
    const list = cec.sb.control.cec.lastSignedRequest()!;
    expect(list.rawUrl).toContain('name=%E5%9B%9E%E8%AE%BF%20%E6%B4%BB%E5%8A%A8');
    expect(cec.sb.control.cec.signatureRefusals()).toEqual([]);
  });
});

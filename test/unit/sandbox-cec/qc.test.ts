/**
 * QC tokens on the CEC sandbox: the expiry is enforced on the sandbox's clock, the client keeps
 * its token until `Expires` − 60 s, fetches a new one exactly once when a call answers 401, and
 * says clearly when the app key or secret is wrong.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CecAuthError, toAppError } from '../../../electron/services/huawei';
import { CEC_SANDBOX_QC_APP_KEY, CEC_SANDBOX_QC_APP_SECRET } from '../../../electron/services/sandbox';
import { DAY, HOUR, numberRows, openCec, T0, type Cec } from './helpers';

let cec: Cec;
afterEach(async () => cec?.close());

/** A connected call with a finished transcript, and a client counting its token requests. */
async function setup(clientNow: () => number) {
  const id = await cec.campaign({ slots: [{ begin: '00:00', end: '23:59' }], callCount: 4 });
  cec.sb.control.cec.seedNumbers(id, numberRows(30));
  cec.sb.control.advance(DAY);
  const counts = { token: 0, detail: 0 };
  const client = cec.client({
    now: clientNow,
    fetch: (input, init) => {
      if (String(input).includes('tokenByAkSk')) counts.token++;
      if (String(input).includes('appraisecall')) counts.detail++;
      return fetch(input, init);
    },
  });
  const calls = (await client.callResults(id, { from: T0, to: T0 + 2 * DAY }).fetchAll()).filter(
    (c) => c.callStatus === 6 && c.callId,
  );
  return { client, counts, callId: calls[0]!.callId };
}

describe('QC tokens', () => {
  it('asks for a token once and reuses it', async () => {
    cec = await openCec();
    const { client, counts, callId } = await setup(() => cec.real.now);
    await client.qcTranscript(callId);
    await client.qcTranscript(callId);
    expect(counts).toEqual({ token: 1, detail: 2 });
  });

  it('refreshes before Expires − 60 s by its own clock', async () => {
    cec = await openCec();
    const { client, counts, callId } = await setup(() => cec.real.now);
    await client.qcTranscript(callId);
    cec.real.now = T0 + HOUR - 61_000;
    await client.qcTranscript(callId);
    expect(counts.token).toBe(1);
    cec.real.now = T0 + HOUR - 59_000;
    await client.qcTranscript(callId);
    expect(counts.token).toBe(2);
  });

  it('fetches a new token exactly once when the service answers 401 (expired on its clock)', async () => {
    cec = await openCec();
    // The client's clock is stuck: it believes its token still fresh; the sandbox's runs on.
    const { client, counts, callId } = await setup(() => T0);
    await client.qcTranscript(callId);
    cec.real.now = T0 + 2 * HOUR;
    const t = await client.qcTranscript(callId);
    expect(t.status).not.toBeNull();
    expect(counts).toEqual({ token: 2, detail: 3 });
  });

  it('enforces the expiry and the 3600 s ceiling server-side', async () => {
    cec = await openCec();
    const token = async (expire: string) => {
      const res = await fetch(`${cec.sb.cec.qcBaseUrl}/apigovernance/api/oauth/tokenByAkSk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=UTF-8', 'X-Token-Expire': expire },
        body: JSON.stringify({ app_key: CEC_SANDBOX_QC_APP_KEY, app_secret: CEC_SANDBOX_QC_APP_SECRET }),
      });
      return {
        status: res.status,
        body: res.status === 200 ? ((await res.json()) as Record<string, string>) : null,
      };
    };
    expect((await token('3601')).status).toBe(400);
    const issued = await token('120');
    expect(issued.body).toMatchObject({ Expires: '120' });
    const detail = () =>
      fetch(`${cec.sb.cec.qcBaseUrl}/apiaccess/CCSQM/rest/ccisqm/v1/appraisecall/detail`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json;charset=UTF-8',
          authorization: `Bearer ${issued.body!.AccessToken}`,
          'x-app-key': CEC_SANDBOX_QC_APP_KEY,
        },
        body: JSON.stringify({ call_uuid: 'nobody' }),
      });
    expect((await detail()).status).toBe(404);
    cec.real.now = T0 + 121_000;
    expect((await detail()).status).toBe(401);
  });

  it('says the QC app key is refused when the secret is wrong, without retrying for ever', async () => {
    cec = await openCec();
    const { callId } = await setup(() => cec.real.now);
    let tokens = 0;
    const client = cec.client({
      qc: { baseUrl: cec.sb.cec.qcBaseUrl, appKey: CEC_SANDBOX_QC_APP_KEY, appSecret: 'wrong' },
      fetch: (input, init) => {
        if (String(input).includes('tokenByAkSk')) tokens++;
        return fetch(input, init);
      },
    });
    const err = await client.qcTranscript(callId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CecAuthError);
    expect(toAppError(err, 'en')).toMatchObject({ code: 'huawei.qc_auth_refused' });
    expect(toAppError(err, 'zh-CN').message).toContain('app key');
    expect(tokens).toBe(1);
  });
});

describe('the QC status switch', () => {
  it('answers the status a test forces, whatever the plan, and the plan again when cleared', async () => {
    cec = await openCec();
    const { client, callId } = await setup(() => cec.real.now);
    cec.sb.control.advance(10 * 60_000);
    const planned = await client.qcTranscript(callId);

    cec.sb.control.cec.setQcStatus(callId, 1);
    expect(await client.qcTranscript(callId)).toMatchObject({ state: 'pending', status: 1, utterances: [] });
    cec.sb.control.cec.setQcStatus(callId, 9);
    expect(await client.qcTranscript(callId)).toMatchObject({ state: 'failed', status: 9, utterances: [] });
    cec.sb.control.cec.setQcStatus(callId, 2);
    const done = await client.qcTranscript(callId);
    expect(done).toMatchObject({ state: 'done', status: 2 });
    expect(done.utterances.length).toBeGreaterThan(1);
    if (planned.state === 'done') expect(done.utterances).toEqual(planned.utterances);

    cec.sb.control.cec.setQcStatus(callId, null);
    expect(await client.qcTranscript(callId)).toEqual(planned);
    // Only the manual's statuses.
    expect(() => cec.sb.control.cec.setQcStatus(callId, 4)).toThrow(RangeError);
  });
});

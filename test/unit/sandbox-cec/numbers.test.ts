/**
 * Numbers on the CEC sandbox, timed for real: ≤ 20 rows a request and requests ≥ 1 s apart per
 * tenant (0200022 otherwise), a blocklisted row isolated from its request, duplicates, 19-digit
 * dataIds as exact strings, deleting numbers, and a request applied after the client gave up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { countFates, createPacer } from '../../../electron/services/huawei';
import { numberRows, openCec, type Cec } from './helpers';

let cec: Cec;
afterEach(async () => cec?.close());

const calldata = (id: string): string => `/rest/isales/v1/openapi/campaigns/1/calldata/${id}`;
const rawRows = (n: number, from = 0) =>
  numberRows(n, 'r', from).map((r) => ({ sessionId: r.sessionId, called: r.called }));

describe('CEC numbers', () => {
  it('refuses a second request within 1 s (0200022) and more than 20 rows (0200029)', async () => {
    cec = await openCec();
    const id = await cec.campaign();
    expect((await cec.raw('POST', calldata(id), { callDataList: rawRows(20) })).json?.returnCode).toBe(
      '0200000',
    );
    expect((await cec.raw('POST', calldata(id), { callDataList: rawRows(1, 20) })).json?.returnCode).toBe(
      '0200022',
    );
    await new Promise((r) => setTimeout(r, 1_050));
    expect((await cec.raw('POST', calldata(id), { callDataList: rawRows(21, 30) })).json?.returnCode).toBe(
      '0200029',
    );
    await new Promise((r) => setTimeout(r, 1_050));
    // A number twice in one request, or a sessionId the campaign already holds: 0200018.
    const twice = [...rawRows(1, 60), { sessionId: 'other', called: rawRows(1, 60)[0]!.called }];
    expect((await cec.raw('POST', calldata(id), { callDataList: twice })).json?.returnCode).toBe('0200018');
    await new Promise((r) => setTimeout(r, 1_050));
    expect((await cec.raw('POST', calldata(id), { callDataList: rawRows(1, 0) })).json?.returnCode).toBe(
      '0200018',
    );
  });

  it('the client paces 100 rows into 5 requests ≥ 1 s apart with none refused as too fast', async () => {
    cec = await openCec();
    const id = await cec.campaign();
    const starts: number[] = [];
    const client = cec.client({
      pacer: createPacer(),
      fetch: (input, init) => {
        if (String(input).includes('/calldata/')) starts.push(performance.now());
        return fetch(input, init);
      },
    });
    const report = await client.addNumbers(id, numberRows(100));
    expect(countFates(report.fates)).toEqual({ accepted: 100, rejected: 0, uncertain: 0, not_sent: 0 });
    expect(starts).toHaveLength(5);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(1_000);
    const held = cec.sb.control.cec.campaignNumbers(id);
    expect(held).toHaveLength(100);
    for (const row of held) expect(row.dataId).toMatch(/^[1-9]\d{18}$/);
    expect(report.fates.map((f) => (f.fate === 'accepted' ? f.dataId : null))).toEqual(
      held.map((r) => r.dataId),
    );
  });

  it('isolates a blocklisted row from its request and keeps the others', async () => {
    cec = await openCec({ cecBlocklist: ['13920000007'] });
    const id = await cec.campaign();
    const client = cec.client({ pacer: createPacer() });
    const report = await client.addNumbers(id, numberRows(8));
    expect(report.fates[7]).toMatchObject({ fate: 'rejected', code: 'huawei.0200024' });
    expect(countFates(report.fates)).toMatchObject({ accepted: 7, rejected: 1 });
    expect(cec.sb.control.cec.campaignNumbers(id).map((r) => r.sessionId)).toEqual([
      's0',
      's1',
      's2',
      's3',
      's4',
      's5',
      's6',
    ]);
    // Sent again, the rows already held come back as duplicates, each on its own.
    const again = await client.addNumbers(id, numberRows(2));
    expect(again.fates).toEqual([
      { fate: 'rejected', code: 'huawei.0200018', reason: 'A number is a duplicate' },
      { fate: 'rejected', code: 'huawei.0200018', reason: 'A number is a duplicate' },
    ]);
  }, 30_000);

  it('leaves the rows uncertain when the answer is lost, though the server applied them later', async () => {
    cec = await openCec();
    const id = await cec.campaign();
    cec.sb.control.cec.setFault('addNumbers', 'late:700');
    const client = cec.client({ pacer: createPacer(), timeoutMs: 300 });
    const report = await client.addNumbers(id, numberRows(3));
    expect(report.fates).toEqual([0, 1, 2].map(() => ({ fate: 'uncertain', code: 'net.timeout' })));
    expect(report.stoppedBy?.code).toBe('net.timeout');
    expect(cec.sb.control.cec.campaignNumbers(id)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 800));
    expect(cec.sb.control.cec.campaignNumbers(id).map((r) => r.sessionId)).toEqual(['s0', 's1', 's2']);
  });

  it('deletes numbers not yet dialled, never while the campaign runs', async () => {
    cec = await openCec();
    const id = await cec.campaign({ slots: [{ begin: '20:00', end: '21:00' }] });
    const client = cec.client({ pacer: createPacer() });
    await client.addNumbers(id, numberRows(3));
    await expect(client.deleteNumbers(id, { sessionId: 's1' })).rejects.toMatchObject({ code: '0200011' });
    await client.pauseCampaign(id);
    await client.deleteNumbers(id, { sessionId: 's1' });
    expect(cec.sb.control.cec.campaignNumbers(id).map((r) => r.state)).toEqual([
      'pending',
      'deleted',
      'pending',
    ]);
  });
});

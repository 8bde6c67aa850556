/** Campaigns on the CEC sandbox: create checks and codes, the status rules, listing, no end. */
import { afterEach, describe, expect, it } from 'vitest';
import { CecError, CecValidationError } from '../../../electron/services/huawei';
import { DAY, FLOW, HOUR, openCec, T0, type Cec } from './helpers';

let cec: Cec;
afterEach(async () => cec?.close());

const base = {
  name: '春季回访',
  beginTime: T0,
  endTime: T0 + 2 * DAY,
  slots: [{ begin: '09:00', end: '12:00' }],
  callerNo: '02180344315',
  flowAccessCode: FLOW,
};

describe('CEC campaigns', () => {
  it('creates, shows and lists a campaign with its UTC times and status 2', async () => {
    cec = await openCec();
    const client = cec.client();
    const { campaignId } = await client.createCampaign({
      ...base,
      slots: [
        { begin: '14:00', end: '18:00' },
        { begin: '09:00', end: '12:00' },
      ],
    });
    expect(campaignId).toMatch(/^\d+$/);
    const detail = await client.campaignDetail(campaignId);
    expect(detail).toMatchObject({
      campaignId,
      name: '春季回访',
      status: 2,
      strBeginTime: '2024-03-04 01:00:00',
      beginTime: T0,
      deviceType: 3,
    });
    const page = await client.listCampaigns();
    expect(page.totalCount).toBe(1);
    expect(page.campaigns[0]!.campaignId).toBe(campaignId);
  });

  it('starts a campaign begun "today" east of UTC now, not at local midnight (yesterday in UTC)', async () => {
    cec = await openCec();
    const client = cec.client();
    // 00:00 of 2024-03-04 in Asia/Shanghai is 16:00 on 03-03 in UTC: before the platform's today.
    const shanghaiMidnight = Date.UTC(2024, 2, 3, 16, 0, 0);
    const { campaignId } = await client.createCampaign({ ...base, beginTime: shanghaiMidnight });
    const detail = await client.campaignDetail(campaignId);
    expect(detail).toMatchObject({ strBeginTime: '2024-03-04 01:00:00', beginTime: T0 });
    // More than a day in the past is still refused before sending.
    await expect(client.createCampaign({ ...base, beginTime: T0 - DAY - HOUR })).rejects.toBeInstanceOf(
      CecValidationError,
    );
  });

  it('refuses locally what the platform would refuse, sending nothing', async () => {
    cec = await openCec();
    const client = cec.client();
    const bad = [
      { ...base, name: 'x'.repeat(101) },
      { ...base, description: 'a<b' },
      { ...base, beginTime: T0 - 2 * DAY },
      { ...base, endTime: T0 },
      { ...base, slots: [] },
      { ...base, slots: [1, 2, 3, 4].map((h) => ({ begin: `0${h}:00`, end: `0${h}:30` })) },
      {
        ...base,
        slots: [
          { begin: '09:00', end: '12:00' },
          { begin: '11:00', end: '13:00' },
        ],
      },
      { ...base, slots: [{ begin: '9:00', end: '12:00' }] },
      { ...base, callerNo: '021-8034' },
      { ...base, maxAlertingTime: 4 },
      { ...base, maxAlertingTime: 121 },
      { ...base, callbackUrl: 'ftp://x' },
    ];
    cec.sb.control.resetStats();
    for (const params of bad)
      await expect(client.createCampaign(params)).rejects.toBeInstanceOf(CecValidationError);
    expect(cec.sb.control.stats().totalRequests).toBe(0);
  });

  it('answers the documented codes: 0200002 before today, 0200005 same name, 0200004 past 20 live campaigns', async () => {
    cec = await openCec();
    const raw = (body: Record<string, unknown>) =>
      cec.raw('POST', '/rest/isales/v1/openapi/campaigns/1', body);
    const wire = {
      name: 'a',
      strBeginTime: '2024-03-03 10:00:00',
      strEndTime: '2024-03-10 00:00:00',
      deviceType: 3,
      callerNo: '02180344315',
      maxAlertingTime: 60,
      scheduleParam: { workdayBeginTime1: '09:00', workdayEndTime1: '18:00' },
      ivrParam: { deviceSign: FLOW, callCount: 2, callInterval: 5 },
    };
    expect((await raw(wire)).json?.returnCode).toBe('0200002');
    const today = { ...wire, strBeginTime: '2024-03-04 00:00:00' };
    expect((await raw(today)).json?.returnCode).toBe('0200000');
    expect((await raw(today)).json?.returnCode).toBe('0200005');
    for (let i = 1; i < 20; i++)
      expect((await raw({ ...today, name: `c${i}` })).json?.returnCode).toBe('0200000');
    expect((await raw({ ...today, name: 'c20' })).json?.returnCode).toBe('0200004');
    expect((await raw({ ...today, name: 'v2' })).json?.returnCode).toBe('0200004');
    expect(
      (await cec.raw('POST', '/rest/isales/v2/openapi/campaigns/1', { ...today, name: 'v2' })).json
        ?.returnCode,
    ).toBe('0200004');
    expect(
      (
        await raw({
          ...today,
          name: 'four slots',
          scheduleParam: { ...today.scheduleParam, workdayBeginTime4: '19:00', workdayEndTime4: '20:00' },
        })
      ).json?.returnCode,
    ).toBe('0200001');
    // Finished campaigns do not count: once their end passed, a new one fits again.
    cec.sb.control.advance(7 * DAY);
    expect(
      (
        await raw({
          ...today,
          name: 'later',
          strBeginTime: '2024-03-11 00:00:00',
          strEndTime: '2024-03-12 00:00:00',
        })
      ).json?.returnCode,
    ).toBe('0200000');
  });

  it('pauses only a running campaign, resumes only a paused one, deletes only what is not running', async () => {
    cec = await openCec();
    const client = cec.client();
    const { campaignId: id } = await client.createCampaign(base);
    await expect(client.resumeCampaign(id)).rejects.toMatchObject({ code: '0200011' });
    await expect(client.deleteCampaign(id)).rejects.toMatchObject({ code: '0200009' });
    await client.pauseCampaign(id);
    expect((await client.campaignDetail(id)).status).toBe(3);
    await expect(client.pauseCampaign(id)).rejects.toMatchObject({ code: '0200011' });
    await client.resumeCampaign(id);
    await client.pauseCampaign(id);
    await client.deleteCampaign(id);
    const gone = await client.campaignDetail(id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(CecError);
    expect((gone as CecError).code).toBe('0200007');
    await expect(client.pauseCampaign(id)).rejects.toMatchObject({ code: '0200007' });
    expect((await client.listCampaigns()).campaigns).toEqual([]);
  });

  it('finishes at its end time (status 4), and nothing can end it earlier', async () => {
    cec = await openCec();
    const client = cec.client();
    const { campaignId: id } = await client.createCampaign({ ...base, endTime: T0 + 2 * HOUR });
    expect((await client.campaignDetail(id)).status).toBe(2);
    cec.sb.control.advance(2 * HOUR);
    expect((await client.campaignDetail(id)).status).toBe(4);
    await expect(client.pauseCampaign(id)).rejects.toMatchObject({ code: '0200011' });
    await client.deleteCampaign(id);
    expect('endCampaign' in client).toBe(false);
  });

  it('pages the list at most 100 a page', async () => {
    cec = await openCec();
    const client = cec.client();
    for (let i = 0; i < 12; i++) await client.createCampaign({ ...base, name: `第${i}个` });
    const first = await client.listCampaigns({ rowsPerPage: 5 });
    expect(first.campaigns).toHaveLength(5);
    expect(first.totalCount).toBe(12);
    expect((await client.listCampaigns({ rowsPerPage: 5, page: 3 })).campaigns).toHaveLength(2);
    expect(await client.listAllCampaigns()).toHaveLength(12);
    const over = await cec.raw('GET', '/rest/isales/v1/openapi/campaigns/1', undefined, {
      query: [
        ['status', '0'],
        ['deviceType', '0'],
        ['curPage', '1'],
        ['rowsPerPage', '101'],
      ],
    });
    expect(over.json?.returnCode).toBe('0200001');
    expect((await cec.raw('GET', '/rest/isales/v1/openapi/campaigns/2')).json?.returnCode).toBe('0200001');
  });

  it('settles a create whose answer was cut off by looking its unique name up, and retries reads after a reset', async () => {
    cec = await openCec();
    cec.sb.control.cec.setFault('createCampaign', 'truncated');
    const client = cec.client();
    const created = await client.createCampaign({ ...base, name: '断线后的活动' });
    expect(created.reconciled).toBe(true);
    expect((await client.campaignDetail(created.campaignId)).name).toBe('断线后的活动');
    expect(await client.listAllCampaigns()).toHaveLength(1);

    cec.sb.control.cec.setFault('listCampaigns', 'reset');
    await expect(
      cec.client({ retry: { retries: 2, baseDelayMs: 1 } }).listCampaigns(),
    ).resolves.toMatchObject({ totalCount: 1 });
    cec.sb.control.cec.setFault('pauseCampaign', 'html');
    await expect(client.pauseCampaign(created.campaignId)).rejects.toMatchObject({
      code: 'net.http_status',
      status: 502,
    });
    expect((await client.campaignDetail(created.campaignId)).status).toBe(2);
  });
});

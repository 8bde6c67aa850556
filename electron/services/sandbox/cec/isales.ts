/**
 * The CC-iSales endpoints of the sandbox: campaigns, numbers, results and statistics, with the
 * documented limits and codes (spec README, "Huawei — details settled for this app").
 */
import { parseZonedStamp } from '../../huawei/time';
import { isalesOk, refuse } from './codes';
import { campaignStatus, STATUS_FINISHED, STATUS_PAUSED, STATUS_RUNNING } from './dialer';
import { wireCampaign, wireDetail, wireOutcome } from './render';
import type { CecState } from './state';
import type { CampaignSettings, CecCampaign } from './store';
import { CEC_FLOWS, CEC_SANDBOX_TIME_ZONE, MAX_CAMPAIGN_ROWS, MAX_LIVE_CAMPAIGNS } from './tenant';

/** One parsed request for a handler. */
export interface IsalesRequest {
  state: CecState;
  body: Record<string, unknown> | null;
  query: URLSearchParams;
  campaignId?: string;
  callId?: string;
  /** Monotonic ms of the request's arrival (the ≥ 1 s rule). */
  arrivedAt: number;
}

const DAY = 86_400_000;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const int = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isInteger(n) ? n : null;
};
const minute = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const utcStamp = (text: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
};

/** The campaign a path names: 0200007 when unknown or deleted. */
function campaignOf(req: IsalesRequest): CecCampaign {
  const c = req.campaignId ? req.state.store.campaigns.get(req.campaignId) : undefined;
  if (!c || c.mode === 'deleted') refuse('0200007');
  return c;
}

function readSettings(body: Record<string, unknown>, now: number): CampaignSettings {
  const name = str(body['name']).trim();
  if (name === '' || [...name].length > 100) refuse('0200001', 'name');
  const description = str(body['description']);
  if ([...description].length > 200 || /["[\]=;<>]/.test(description)) refuse('0200001', 'description');
  const begin = utcStamp(str(body['strBeginTime']));
  const end = utcStamp(str(body['strEndTime']));
  if (begin === null || end === null) refuse('0200001', 'strBeginTime/strEndTime');
  // "Not before today": 00:00 of the current day, UTC like the stamps themselves.
  if (begin < Math.floor(now / DAY) * DAY) refuse('0200002');
  if (end <= begin) refuse('0200001', 'strEndTime');
  const deviceType = int(body['deviceType']);
  if (deviceType !== 3) refuse('0200001', 'deviceType (the sandbox has IVR campaigns only)');
  const callerNo = str(body['callerNo']);
  if (!/^[0-9*#]{1,24}$/.test(callerNo)) refuse('0200001', 'callerNo');
  const alerting = int(body['maxAlertingTime'] ?? 60);
  if (alerting === null || alerting < 5 || alerting > 120) refuse('0200001', 'maxAlertingTime');
  const schedule = (body['scheduleParam'] ?? {}) as Record<string, unknown>;
  const slots: { begin: string; end: string }[] = [];
  for (let n = 1; n <= 4; n++) {
    const b = str(schedule[`workdayBeginTime${n}`]);
    const e = str(schedule[`workdayEndTime${n}`]);
    if (b === '' && e === '') continue;
    if (n > 3) refuse('0200001', 'scheduleParam: at most 3 slots');
    if (!HHMM.test(b) || !HHMM.test(e) || minute(e) <= minute(b))
      refuse('0200001', `scheduleParam slot ${n}`);
    slots.push({ begin: b, end: e });
  }
  if (slots.length === 0) refuse('0200001', 'scheduleParam');
  const ivr = (body['ivrParam'] ?? {}) as Record<string, unknown>;
  const flow = str(ivr['deviceSign']);
  if (!CEC_FLOWS.some((f) => f.accessCode === flow)) refuse('0200001', 'ivrParam.deviceSign');
  const callCount = int(ivr['callCount'] ?? 10);
  const callInterval = int(ivr['callInterval'] ?? 5);
  if (callCount === null || callCount < 1 || callInterval === null || callInterval < 0)
    refuse('0200001', 'ivrParam');
  const callback = str(body['callBackUrl']);
  if (callback !== '' && !/^https?:\/\//i.test(callback)) refuse('0200001', 'callBackUrl');
  return {
    name,
    description,
    beginTime: begin,
    endTime: end,
    deviceType,
    callerNo,
    maxAlertingTime: alerting,
    slots,
    flowAccessCode: flow,
    callCount,
    callInterval,
    callbackUrl: callback || null,
  };
}

export function createCampaign(req: IsalesRequest): Record<string, unknown> {
  const { state } = req;
  const now = state.now;
  const settings = readSettings(req.body ?? {}, now);
  const live = state.store.order.filter((c) => c.mode !== 'deleted');
  if (live.some((c) => c.settings.name === settings.name)) refuse('0200005');
  // 0200004 for the IVR class (0200003 would be the skill-queue class, which the sandbox lacks).
  if (
    live.filter(
      (c) => c.settings.deviceType === settings.deviceType && campaignStatus(c, now) !== STATUS_FINISHED,
    ).length >= MAX_LIVE_CAMPAIGNS
  )
    refuse('0200004');
  const campaign = state.store.create(settings, now);
  state.dialer.dispatch();
  return isalesOk({ returnObject: { campaignId: Number(campaign.id) } });
}

export function listCampaigns(req: IsalesRequest): Record<string, unknown> {
  const { state, query } = req;
  const status = int(query.get('status') ?? '0') ?? 0;
  const page = Math.max(1, int(query.get('curPage') ?? '1') ?? 1);
  const rows = int(query.get('rowsPerPage') ?? '10') ?? 10;
  if (rows < 1 || rows > 100) refuse('0200001', 'rowsPerPage');
  const name = query.get('name') ?? '';
  const matching = state.store.order.filter(
    (c) =>
      c.mode !== 'deleted' &&
      (status === 0 || campaignStatus(c, state.now) === status) &&
      (name === '' || c.settings.name.includes(name)),
  );
  const items = matching.slice((page - 1) * rows, page * rows).map((c) => wireCampaign(c, state.now));
  return isalesOk({ totalCount: matching.length, returnObject: items });
}

export function campaignDetail(req: IsalesRequest): Record<string, unknown> {
  return isalesOk({ returnObject: wireCampaign(campaignOf(req), req.state.now) });
}

export function pauseCampaign(req: IsalesRequest): Record<string, unknown> {
  const c = campaignOf(req);
  if (campaignStatus(c, req.state.now) !== STATUS_RUNNING) refuse('0200011');
  c.mode = 'paused';
  return isalesOk();
}

export function resumeCampaign(req: IsalesRequest): Record<string, unknown> {
  const c = campaignOf(req);
  if (campaignStatus(c, req.state.now) !== STATUS_PAUSED) refuse('0200011');
  c.mode = 'active';
  req.state.dialer.dispatch();
  return isalesOk();
}

export function deleteCampaign(req: IsalesRequest): Record<string, unknown> {
  const c = campaignOf(req);
  if (campaignStatus(c, req.state.now) === STATUS_RUNNING) refuse('0200009');
  c.mode = 'deleted';
  req.state.dialer.abortCampaign(c);
  return isalesOk();
}

/** The ≥ 1 s rule is per tenant, measured between accepted requests' arrivals. */
export const MIN_ADD_SPACING_MS = 1000;

export function addNumbers(req: IsalesRequest): Record<string, unknown> {
  const { state } = req;
  const c = campaignOf(req);
  if (req.arrivedAt - state.lastAddAt < MIN_ADD_SPACING_MS) refuse('0200022');
  // Every request the pace lets through counts, refused rows or not.
  state.lastAddAt = req.arrivedAt;
  const list = req.body?.['callDataList'];
  if (!Array.isArray(list) || list.length === 0) refuse('0200001', 'callDataList');
  if (list.length > 20) refuse('0200029');
  if (campaignStatus(c, state.now) === STATUS_FINISHED) refuse('0200019');
  const live = c.rows.length - c.rows.filter((r) => r.state === 'deleted').length;
  if (live + list.length > MAX_CAMPAIGN_ROWS) refuse('0200020');
  const seenCalled = new Set<string>();
  const seenSession = new Set<string>();
  const rows = list.map((item: unknown) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const sessionId = str(o['sessionId']);
    const called = str(o['called']);
    const customField = str(o['customField']);
    const callData = str(o['callData']);
    if (sessionId === '' || [...sessionId].length > 32) refuse('0200001', 'sessionId');
    if (!/^[0-9*#]{1,24}$/.test(called)) refuse('0200001', 'called');
    if ([...customField].length > 200) refuse('0200001', 'customField');
    if (Buffer.byteLength(callData, 'utf8') > 1024) refuse('0200001', 'callData');
    // Duplicates (the sandbox's reading of 0200018): a number twice in one request, or a
    // sessionId the campaign already holds — which is also what a resent row meets.
    if (seenCalled.has(called) || seenSession.has(sessionId) || c.bySession.has(sessionId)) refuse('0200018');
    if (state.blocklist.has(called)) refuse('0200024');
    seenCalled.add(called);
    seenSession.add(sessionId);
    return { sessionId, called, customField, callData };
  });
  const data = rows.map((r) => {
    const row = state.store.addRow(c, r);
    return { sessionId: row.sessionId, dataId: row.dataId };
  });
  state.dialer.dispatch();
  return isalesOk({ data });
}

export function deleteNumbers(req: IsalesRequest): Record<string, unknown> {
  const c = campaignOf(req);
  const b = req.body ?? {};
  const sessionId = str(b['sessionId']);
  const called = str(b['called']);
  const customField = str(b['customField']);
  if (sessionId === '' && called === '' && customField === '')
    refuse('0200001', 'sessionId, called or customField');
  // Not while the campaign runs (0200011, the sandbox's choice of code), nor once dialled.
  if (campaignStatus(c, req.state.now) === STATUS_RUNNING) refuse('0200011', 'campaign running');
  const targets = c.rows.filter(
    (r) =>
      r.state !== 'deleted' &&
      (sessionId === '' || r.sessionId === sessionId) &&
      (called === '' || r.called === called) &&
      (customField === '' || r.customField === customField),
  );
  if (targets.some((r) => r.state !== 'pending')) refuse('0200011', 'already dialled');
  for (const r of targets) {
    r.state = 'deleted';
    c.pendingRows--;
    c.bySession.delete(r.sessionId);
  }
  return isalesOk({ returnObject: { deleteCount: targets.length } });
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function callResults(req: IsalesRequest): Record<string, unknown> {
  const { state } = req;
  const c = campaignOf(req);
  const b = req.body ?? {};
  const beginDay = str(b['beginTime']);
  const endDay = str(b['endTime']);
  if (!DAY_RE.test(beginDay) || !DAY_RE.test(endDay)) refuse('0200001', 'beginTime/endTime');
  const from = parseZonedStamp(`${beginDay} 00:00:00`, CEC_SANDBOX_TIME_ZONE)!;
  const to = parseZonedStamp(`${endDay} 00:00:00`, CEC_SANDBOX_TIME_ZONE)! + DAY; // endTime's day included
  if (to <= from || Date.parse(endDay) - Date.parse(beginDay) > 30 * DAY)
    refuse('0200001', 'at most 30 days');
  const pageSize = int(b['pageSize'] ?? 10) ?? 0;
  const pageNum = int(b['pageNum'] ?? 1) ?? 0;
  if (pageSize < 1 || pageSize > 500 || pageNum < 1) refuse('0200001', 'pageSize/pageNum');
  const sessionId = str(b['sessionId']);
  const customField = str(b['customField']);
  const calls = c.calls.filter(
    (call) =>
      call.startTime >= from &&
      call.startTime < to &&
      (sessionId === '' || call.row.sessionId === sessionId) &&
      (customField === '' || call.row.customField === customField),
  );
  const page = calls.slice((pageNum - 1) * pageSize, pageNum * pageSize);
  return isalesOk({
    totalCount: calls.length,
    data: page.map((call) => wireOutcome(c, call, state.origin)),
  });
}

export function callResultDetail(req: IsalesRequest): Record<string, unknown> {
  const call = req.callId ? req.state.store.callsById.get(req.callId) : undefined;
  if (!call || call.wireCallId === '') refuse('0200001', 'callId');
  return isalesOk({ data: wireDetail(call, req.state.origin) });
}

export function statistics(req: IsalesRequest): Record<string, unknown> {
  const id = req.query.get('campaignId') ?? '';
  const c = campaignOf({ ...req, campaignId: id });
  const rows = c.rows.filter((r) => r.state !== 'deleted');
  const dialled = rows.filter((r) => r.state === 'done').length;
  const succ = new Set(c.calls.filter((call) => call.plan.callStatus === 6).map((call) => call.row)).size;
  return isalesOk({
    countDetail: [
      {
        totalCount: rows.length,
        totalCalledCount: dialled,
        totalCallSucc: succ,
        totalFinishCount: dialled,
        unCallCount: rows.filter((r) => r.state === 'pending' || r.state === 'dialling').length,
      },
    ],
  });
}

/**
 * CC-iSales campaigns: create, list, detail, pause, resume, delete. There is no operation that
 * ends a campaign; it finishes (status 4) when its end time passes.
 *
 * The create body's field names are those of Huawei's public demo and manual (`name`,
 * `description`, `strBeginTime`/`strEndTime` in UTC, `deviceType` 3 = IVR, `callerNo`,
 * `maxAlertingTime`, `scheduleParam.workdayBeginTimeN`/`workdayEndTimeN` for N = 1…3,
 * `ivrParam.deviceSign` = the flow's access code with `callCount`/`callInterval`, and
 * `callBackUrl`). Everything the server would refuse is refused here first, with nothing sent.
 */
import { TransportError } from '../http/errors';
import { CecError, CecValidationError } from './errors';
import { objects, pick, wireInt, wireText } from './fields';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import { formatUtcStamp, parseUtcStamp } from './time';
import { pathOf, type CecTransport } from './transport';
import {
  DEVICE_TYPE_IVR,
  type Campaign,
  type CampaignPage,
  type CampaignStatus,
  type CreateCampaignParams,
} from './types';

export const ISALES_V1 = '/rest/isales/v1/openapi/campaigns';
export const ISALES_V2 = '/rest/isales/v2/openapi/campaigns';
export const MAX_CAMPAIGN_NAME = 100;
export const MAX_DESCRIPTION = 200;
export const MAX_SLOTS = 3;
export const MAX_PAGE_ROWS = 100;
const DESCRIPTION_FORBIDDEN = /["[\]=;<>]/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

const invalid = (field: string, reason: string): never => {
  throw new CecValidationError(field, reason);
};

const minuteOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * The create body, after every documented check (nothing is sent when one fails).
 * @param now the client's clock: the begin time may not be before today (UTC)
 * @throws CecValidationError naming the field
 */
export function createCampaignBody(p: CreateCampaignParams, now: number): Record<string, unknown> {
  const name = p.name.trim();
  if (name === '' || [...name].length > MAX_CAMPAIGN_NAME)
    invalid('name', `1 to ${MAX_CAMPAIGN_NAME} characters`);
  const description = p.description?.trim() ?? '';
  if ([...description].length > MAX_DESCRIPTION)
    invalid('description', `at most ${MAX_DESCRIPTION} characters`);
  if (DESCRIPTION_FORBIDDEN.test(description)) invalid('description', 'none of "[]=;<> allowed');
  if (!Number.isFinite(p.beginTime) || !Number.isFinite(p.endTime)) invalid('strBeginTime', 'not a time');
  if (p.beginTime < Math.floor(now / DAY_MS) * DAY_MS) invalid('strBeginTime', 'before today (UTC)');
  if (!(p.endTime > p.beginTime)) invalid('strEndTime', 'not after the begin time');
  if (p.slots.length < 1 || p.slots.length > MAX_SLOTS) invalid('scheduleParam', `1 to ${MAX_SLOTS} slots`);
  const slots = p.slots.map((s) => ({ begin: s.begin.trim(), end: s.end.trim() }));
  for (const s of slots) {
    if (!HHMM.test(s.begin) || !HHMM.test(s.end)) invalid('scheduleParam', 'times are HH:mm');
    if (minuteOf(s.end) <= minuteOf(s.begin)) invalid('scheduleParam', 'a slot ends before it begins');
  }
  const sorted = [...slots].sort((a, b) => minuteOf(a.begin) - minuteOf(b.begin));
  for (let i = 1; i < sorted.length; i++)
    if (minuteOf(sorted[i]!.begin) < minuteOf(sorted[i - 1]!.end)) invalid('scheduleParam', 'slots overlap');
  const callerNo = p.callerNo.trim();
  if (!/^[0-9*#]{1,24}$/.test(callerNo)) invalid('callerNo', '1 to 24 of 0-9 * #');
  const flow = p.flowAccessCode.trim();
  if (flow === '') invalid('ivrParam.deviceSign', 'the flow access code is missing');
  const alerting = p.maxAlertingTime ?? 60;
  if (!Number.isInteger(alerting) || alerting < 5 || alerting > 120)
    invalid('maxAlertingTime', '5 to 120 seconds');
  const callCount = p.callCount ?? 10;
  const callInterval = p.callInterval ?? 5;
  if (!Number.isInteger(callCount) || callCount < 1) invalid('ivrParam.callCount', 'a whole number ≥ 1');
  if (!Number.isInteger(callInterval) || callInterval < 0)
    invalid('ivrParam.callInterval', 'a whole number ≥ 0');
  if (p.callbackUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(p.callbackUrl.trim()))
    invalid('callBackUrl', 'an http(s) URL');

  const scheduleParam: Record<string, string> = {};
  sorted.forEach((s, i) => {
    scheduleParam[`workdayBeginTime${i + 1}`] = s.begin;
    scheduleParam[`workdayEndTime${i + 1}`] = s.end;
  });
  return {
    name,
    ...(description ? { description } : {}),
    strBeginTime: formatUtcStamp(p.beginTime),
    strEndTime: formatUtcStamp(p.endTime),
    deviceType: DEVICE_TYPE_IVR,
    callerNo,
    maxAlertingTime: alerting,
    scheduleParam,
    ivrParam: { deviceSign: flow, callCount, callInterval },
    ...(p.callbackUrl !== undefined ? { callBackUrl: p.callbackUrl.trim() } : {}),
  };
}

function statusOf(v: JsonValue | undefined): CampaignStatus | null {
  const n = wireInt(v);
  return n === 2 || n === 3 || n === 4 ? n : null;
}

/** Reads one campaign object (list item or detail), `fallbackId` when it names none. */
export function readCampaign(item: JsonObject, fallbackId = ''): Campaign {
  const begin = wireText(item['strBeginTime']);
  const end = wireText(item['strEndTime']);
  const raw = wireText(item['status']);
  return {
    campaignId: wireText(pick(item, 'campaignId', 'id')) || fallbackId,
    name: wireText(item['name']),
    description: wireText(item['description']) || null,
    status: statusOf(item['status']),
    rawStatus: raw === '' ? null : raw,
    strBeginTime: begin || null,
    strEndTime: end || null,
    beginTime: begin ? parseUtcStamp(begin) : null,
    endTime: end ? parseUtcStamp(end) : null,
    deviceType: wireInt(item['deviceType']),
    callerNo: wireText(item['callerNo']) || null,
  };
}

/** The list of an answer: `returnObject` (an array, or an object holding one) or `data`. */
export function answerList(body: JsonObject): JsonObject[] {
  for (const holder of [body['returnObject'], body['data'], body['result']]) {
    if (Array.isArray(holder)) return objects(holder);
    if (isJsonObject(holder)) {
      for (const value of Object.values(holder)) if (Array.isArray(value)) return objects(value);
    }
  }
  return [];
}

/** `totalCount` wherever the answer puts it. */
export function answerTotal(body: JsonObject): number | null {
  const inner = isJsonObject(body['returnObject'])
    ? body['returnObject']
    : isJsonObject(body['data'])
      ? body['data']
      : {};
  return wireInt(pick(body, 'totalCount', 'total')) ?? wireInt(pick(inner, 'totalCount', 'total'));
}

/** The campaign id a create answer gives. */
export function createdCampaignId(body: JsonObject): string {
  for (const holder of [body['returnObject'], body['data'], body]) {
    if (isJsonObject(holder)) {
      const id = wireText(pick(holder, 'campaignId', 'id'));
      if (id) return id;
    } else if (holder !== undefined && wireText(holder) !== '') return wireText(holder);
  }
  return '';
}

/** A create whose answer was lost and whose outcome a lookup by name could not settle. */
export class CampaignCreateUncertainError extends Error {
  override readonly name = 'CampaignCreateUncertainError';
  readonly code = 'huawei.create_uncertain';
  /** @param campaignName the name sent @param candidates ids of campaigns with that name */
  constructor(
    readonly campaignName: string,
    readonly candidates: string[],
    readonly original: TransportError,
  ) {
    super(
      `create campaign outcome unknown after ${original.code}: ${candidates.length} campaign(s) with that name`,
    );
  }
}

/** The campaign operations of one client. */
export function campaignOperations(t: CecTransport, vdnId: string, now: () => number) {
  const one = (campaignId: string, ...rest: string[]): string =>
    pathOf(ISALES_V1, vdnId, campaignId, ...rest);

  const listPage = async (
    opts: {
      page?: number;
      rowsPerPage?: number;
      name?: string;
      status?: CampaignStatus;
      signal?: AbortSignal;
    } = {},
  ): Promise<CampaignPage> => {
    const rows = Math.min(Math.max(1, opts.rowsPerPage ?? MAX_PAGE_ROWS), MAX_PAGE_ROWS);
    const query: [string, string][] = [];
    if (opts.name) query.push(['name', opts.name]);
    query.push(['status', String(opts.status ?? 0)], ['deviceType', '0']);
    query.push(['curPage', String(Math.max(1, opts.page ?? 1))], ['rowsPerPage', String(rows)]);
    const body = await t.json({
      operation: 'listCampaigns',
      method: 'GET',
      path: pathOf(ISALES_V1, vdnId),
      query,
      idempotent: true,
      signal: opts.signal,
    });
    return { campaigns: answerList(body).map((c) => readCampaign(c)), totalCount: answerTotal(body) };
  };

  const listAll = async (opts: { name?: string; signal?: AbortSignal } = {}): Promise<Campaign[]> => {
    const all: Campaign[] = [];
    for (let page = 1; page <= 1000; page++) {
      const { campaigns, totalCount } = await listPage({ ...opts, page, rowsPerPage: MAX_PAGE_ROWS });
      all.push(...campaigns);
      if (campaigns.length < MAX_PAGE_ROWS || (totalCount !== null && all.length >= totalCount)) break;
    }
    return all;
  };

  return {
    /** Creates an IVR campaign; a lost answer is settled by looking the (unique) name up. */
    async create(
      params: CreateCampaignParams,
      signal?: AbortSignal,
    ): Promise<{ campaignId: string; reconciled: boolean }> {
      const json = createCampaignBody(params, now());
      try {
        const body = await t.json({
          operation: 'createCampaign',
          method: 'POST',
          path: pathOf(ISALES_V1, vdnId),
          json,
          idempotent: false,
          signal,
        });
        return { campaignId: createdCampaignId(body), reconciled: false };
      } catch (err) {
        // Only a request that may have been applied is looked up; a redirect or an oversized
        // answer means the server answered something else entirely.
        if (
          !(err instanceof TransportError) ||
          err.sent === 'no' ||
          err.code === 'net.aborted' ||
          err.code === 'net.redirected' ||
          err.code === 'net.certificate'
        )
          throw err;
        const named = (await listAll({ name: json['name'] as string, signal }).catch(() => null))?.filter(
          (c) => c.name === json['name'],
        );
        if (named && named.length === 1 && named[0]!.campaignId)
          return { campaignId: named[0]!.campaignId, reconciled: true };
        throw new CampaignCreateUncertainError(
          json['name'] as string,
          named?.map((c) => c.campaignId) ?? [],
          err,
        );
      }
    },
    listPage,
    listAll,
    async detail(campaignId: string, signal?: AbortSignal): Promise<Campaign> {
      const body = await t.json({
        operation: 'campaignDetail',
        method: 'GET',
        path: one(campaignId),
        idempotent: true,
        signal,
      });
      const obj = isJsonObject(body['returnObject'])
        ? body['returnObject']
        : isJsonObject(body['data'])
          ? body['data']
          : null;
      if (!obj) throw new CecError('0200007', 'campaignDetail', 'no campaign in the answer');
      return readCampaign(obj, campaignId);
    },
    pause: (campaignId: string, signal?: AbortSignal) =>
      t
        .json({
          operation: 'pauseCampaign',
          method: 'PUT',
          path: one(campaignId, 'pause'),
          idempotent: false,
          signal,
        })
        .then(() => undefined),
    resume: (campaignId: string, signal?: AbortSignal) =>
      t
        .json({
          operation: 'resumeCampaign',
          method: 'PUT',
          path: one(campaignId, 'resume'),
          idempotent: false,
          signal,
        })
        .then(() => undefined),
    remove: (campaignId: string, signal?: AbortSignal) =>
      t
        .json({
          operation: 'deleteCampaign',
          method: 'DELETE',
          path: one(campaignId),
          idempotent: false,
          signal,
        })
        .then(() => undefined),
  };
}

/** The campaign operations' type. */
export type CampaignOperations = ReturnType<typeof campaignOperations>;

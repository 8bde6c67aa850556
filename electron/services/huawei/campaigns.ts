/**
 * CC-iSales campaigns: create (body and checks in campaignBody.ts), list, detail, pause,
 * resume, delete. There is no operation that ends a campaign; it finishes (status 4) when its
 * end time passes.
 */
import { TransportError } from '../http/errors';
import { createCampaignBody } from './campaignBody';
import { CecError } from './errors';
import { objects, pick, wireInt, wireText } from './fields';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import { parseUtcStamp } from './time';
import { pathOf, type CecTransport } from './transport';
import { type Campaign, type CampaignPage, type CampaignStatus, type CreateCampaignParams } from './types';

export const ISALES_V1 = '/rest/isales/v1/openapi/campaigns';
export const ISALES_V2 = '/rest/isales/v2/openapi/campaigns';
/** The list answers at most 100 campaigns a page. */
export const MAX_PAGE_ROWS = 100;
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

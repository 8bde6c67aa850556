/**
 * Call results: the paged result query (completed calls only, `pageSize` ≤ 500, day windows at
 * most 30 days apart — longer spans are split), one call's detail, and the campaign statistics.
 *
 * Pages of one window are fetched ahead in a sliding window (the client's limiter keeps the
 * whole account at ≤ 10 requests in flight, as the manual asks) and yielded in order; windows go
 * one after the other. Calls seen in an earlier window (windows share a boundary day) are not
 * yielded again.
 */
import { answerList, answerTotal, ISALES_V1, ISALES_V2 } from './campaigns';
import { objects, pick, wireInt, wireText } from './fields';
import { isJsonObject, type JsonObject } from './json';
import { readCallOutcome } from './outcomes';
import { parseZonedStamp, splitDayWindows, type DayWindow } from './time';
import { pathOf, type CecTransport } from './transport';
import type { CallOutcome, CallResultDetail, CampaignStatistics } from './types';

export const MAX_RESULT_PAGE_SIZE = 500;
/** Pages requested ahead inside one window (the limiter still caps the account). */
export const RESULT_PAGES_AHEAD = 10;

/** What a result walk covers. */
export interface CallResultQuery {
  /** Epoch ms; read as days in the account's zone. */
  from: number;
  to: number;
  sessionId?: string;
  customField?: string;
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (p: ResultProgress) => void;
}

/** Progress after each page. */
export interface ResultProgress {
  window: number;
  windows: number;
  page: number;
  pageCount: number | null;
  calls: number;
}

/** An async iterable of result pages (each a fresh walk), plus `fetchAll`. */
export interface CallResultPages extends AsyncIterable<CallOutcome[]> {
  fetchAll(): Promise<CallOutcome[]>;
}

function readDetail(obj: JsonObject, timeZone: string): CallResultDetail {
  const time = (key: string): number | null => {
    const s = wireText(obj[key]);
    return s === '' ? null : parseZonedStamp(s, timeZone);
  };
  return {
    callId: wireText(obj['callId']),
    called: wireText(obj['called']),
    callStatus: wireInt(obj['callStatus']),
    failCode: wireText(obj['failCode']),
    resultCode: wireText(obj['resultCode']),
    recordPath: wireText(obj['recordPath']),
    ackBeginTime: time('ackBeginTime'),
    callBeginTime: time('callBeginTime'),
    callEndTime: time('callEndTime'),
  };
}

const STAT_FIELDS = [
  'totalCount',
  'totalCalledCount',
  'totalCallSucc',
  'totalFinishCount',
  'unCallCount',
] as const;

/** The result operations of one client. */
export function resultOperations(t: CecTransport, vdnId: string, timeZone: string) {
  const fetchPage = async (
    campaignId: string,
    window: DayWindow,
    pageNum: number,
    q: CallResultQuery,
    signal: AbortSignal,
  ) => {
    const pageSize = Math.min(Math.max(1, q.pageSize ?? MAX_RESULT_PAGE_SIZE), MAX_RESULT_PAGE_SIZE);
    const body = await t.json({
      operation: 'callResults',
      method: 'POST',
      path: pathOf(ISALES_V1, vdnId, 'callresult', campaignId),
      json: {
        beginTime: window.beginTime,
        endTime: window.endTime,
        pageSize,
        pageNum,
        ...(q.sessionId ? { sessionId: q.sessionId } : {}),
        ...(q.customField ? { customField: q.customField } : {}),
      },
      // A query: repeating it changes nothing.
      idempotent: true,
      signal,
    });
    const calls = answerList(body).map((item) => readCallOutcome(item, timeZone));
    const total = answerTotal(body);
    return {
      calls,
      pageCount: total === null ? null : Math.ceil(total / pageSize),
      full: calls.length >= pageSize,
    };
  };

  function callResults(campaignId: string, q: CallResultQuery): CallResultPages {
    async function* walk(): AsyncGenerator<CallOutcome[], void, undefined> {
      const windows = splitDayWindows(q.from, q.to, timeZone);
      const ctrl = new AbortController();
      const forward = (): void => ctrl.abort();
      if (q.signal?.aborted) ctrl.abort();
      q.signal?.addEventListener('abort', forward, { once: true });
      const seen = new Set<string>();
      let delivered = 0;
      try {
        for (const [w, window] of windows.entries()) {
          const take = (calls: CallOutcome[], page: number, pageCount: number | null): CallOutcome[] => {
            const fresh = calls.filter((c) => !seen.has(c.id));
            for (const c of fresh) seen.add(c.id);
            delivered += fresh.length;
            q.onProgress?.({ window: w + 1, windows: windows.length, page, pageCount, calls: delivered });
            return fresh;
          };
          const first = await fetchPage(campaignId, window, 1, q, ctrl.signal);
          const pageCount = first.pageCount;
          const firstFresh = take(first.calls, 1, pageCount);
          if (firstFresh.length > 0) yield firstFresh;
          if (pageCount === null) {
            // No total: one page at a time until a short one.
            for (let page = 2, last = first; last.full; page++) {
              last = await fetchPage(campaignId, window, page, q, ctrl.signal);
              const fresh = take(last.calls, page, null);
              if (fresh.length > 0) yield fresh;
            }
            continue;
          }
          const pending = new Map<number, ReturnType<typeof fetchPage>>();
          let next = 2;
          const fill = (): void => {
            while (next <= pageCount && pending.size < RESULT_PAGES_AHEAD) {
              const p = fetchPage(campaignId, window, next, q, ctrl.signal);
              p.catch(() => undefined); // observed when its turn comes
              pending.set(next++, p);
            }
          };
          for (let page = 2; page <= pageCount; page++) {
            fill();
            const result = await pending.get(page)!;
            pending.delete(page);
            fill();
            const fresh = take(result.calls, page, pageCount);
            if (fresh.length > 0) yield fresh;
          }
        }
      } finally {
        q.signal?.removeEventListener('abort', forward);
        ctrl.abort();
      }
    }
    return {
      [Symbol.asyncIterator]: () => walk(),
      async fetchAll() {
        const all: CallOutcome[] = [];
        for await (const page of walk()) all.push(...page);
        return all;
      },
    };
  }

  return {
    callResults,
    async detail(callId: string, signal?: AbortSignal): Promise<CallResultDetail> {
      const body = await t.json({
        operation: 'callResultDetail',
        method: 'GET',
        path: pathOf(ISALES_V1, vdnId, 'callresultdetail', callId),
        idempotent: true,
        signal,
      });
      const data = isJsonObject(body['data'])
        ? body['data']
        : isJsonObject(body['returnObject'])
          ? body['returnObject']
          : {};
      return readDetail(data, timeZone);
    },
    async statistics(campaignId: string, signal?: AbortSignal): Promise<CampaignStatistics> {
      const body = await t.json({
        operation: 'statistics',
        method: 'GET',
        path: pathOf(ISALES_V2, vdnId, 'statistics'),
        query: [['campaignId', campaignId]],
        idempotent: true,
        signal,
      });
      const holders = [body, body['returnObject'], body['data']].filter(isJsonObject);
      const detail =
        holders.map((h) => objects(pick(h, 'countDetail'))[0]).find((d) => d !== undefined) ?? {};
      const out = {} as CampaignStatistics;
      for (const field of STAT_FIELDS) out[field] = wireInt(detail[field]);
      return out;
    },
  };
}

/** The result operations' type. */
export type ResultOperations = ReturnType<typeof resultOperations>;

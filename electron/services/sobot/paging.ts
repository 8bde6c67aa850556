/**
 * Walks query_time_task_data page by page. Page 1 is fetched alone (it tells the page count);
 * the rest are fetched ahead in a sliding window of `window` pages and yielded strictly in
 * order, so memory stays bounded and a consumer writing pages to SQLite overlaps with the
 * network. Stopping the loop (break/return) or aborting cancels the pages still in flight.
 */
import type { CallData, TimeTaskDataPage } from './types';

/** Progress after each yielded page. `page` counts pages delivered so far. */
export interface PageProgress {
  page: number;
  pageCount: number;
  totalCount: number;
}

/** Options for a page walk. */
export interface PageWalkOptions {
  signal?: AbortSignal;
  onProgress?: (progress: PageProgress) => void;
}

/** All pages merged by {@link TimeTaskDataPages.fetchAll}. */
export interface TimeTaskDataAll {
  page_count: number;
  total_count: number;
  data: CallData[];
}

/** An async iterable of pages (each `for await` starts a fresh walk), plus `fetchAll`. */
export interface TimeTaskDataPages extends AsyncIterable<TimeTaskDataPage> {
  /** Walks every page and concatenates the calls in page order. */
  fetchAll(): Promise<TimeTaskDataAll>;
}

/** Fetches one page; must honour the signal. */
export type PageFetcher = (page_num: number, signal: AbortSignal) => Promise<TimeTaskDataPage>;

/**
 * Creates the page walk.
 * @param fetchPage one request for one page
 * @param window how many pages may be requested ahead (the client's maxConcurrency)
 * @param opts signal and progress callback
 */
export function walkPages(
  fetchPage: PageFetcher,
  window: number,
  opts: PageWalkOptions = {},
): TimeTaskDataPages {
  async function* generate(): AsyncGenerator<TimeTaskDataPage, void, undefined> {
    // Our own controller so that leaving the loop early also cancels the look-ahead.
    const ctrl = new AbortController();
    const forward = (): void => ctrl.abort();
    if (opts.signal?.aborted) ctrl.abort();
    opts.signal?.addEventListener('abort', forward, { once: true });
    try {
      const first = await fetchPage(1, ctrl.signal);
      const pageCount = first.page_count;
      let totalCount = first.total_count;
      opts.onProgress?.({ page: 1, pageCount: Math.max(1, pageCount), totalCount });
      yield first;

      const pending = new Map<number, Promise<TimeTaskDataPage>>();
      let next = 2;
      const fill = (): void => {
        while (next <= pageCount && pending.size < window) {
          const p = fetchPage(next, ctrl.signal);
          // Rejections are observed when the page's turn comes; this only silences early ones.
          p.catch(() => undefined);
          pending.set(next, p);
          next++;
        }
      };
      for (let page = 2; page <= pageCount; page++) {
        fill();
        const result = await (pending.get(page) as Promise<TimeTaskDataPage>);
        pending.delete(page);
        fill(); // keep the window busy while the consumer handles this page
        totalCount = result.total_count || totalCount;
        opts.onProgress?.({ page, pageCount, totalCount });
        yield result;
      }
    } finally {
      opts.signal?.removeEventListener('abort', forward);
      ctrl.abort();
    }
  }

  return {
    [Symbol.asyncIterator]: () => generate(),
    async fetchAll() {
      const data: CallData[] = [];
      let page_count = 0;
      let total_count = 0;
      for await (const page of generate()) {
        if (page.page_num === 1) {
          page_count = page.page_count;
          total_count = page.total_count;
        }
        data.push(...page.data);
      }
      return { page_count, total_count, data };
    },
  };
}

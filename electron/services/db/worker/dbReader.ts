import type { Worker } from 'node:worker_threads';
import type { CallList, ListProblem, RowQuery } from '../../../../shared/callList';
import type { OutcomeCodes } from '../../../../shared/outcomeGroups';
import type { ResultsFilter, ResultsSource } from '../../../../shared/results';
import { startWorker } from '../../importer/worker/startWorker';
import type { ImportSink } from '../../lists/importSink';
import type { SyncWriter } from '../../results/syncTask';
import type { UploadsOffMain } from '../../uploads/offMain';
import { rebuildFailure } from './failures';
import type { DbOp, DbOps, ReadReply, ReadRequest } from './protocol';

/**
 * The main-thread side of the database worker: typed reads and import writes, answers matched
 * by id, a list or upload error rebuilt from its code (failures.ts). The worker starts at the first request; `close()`
 * ends it.
 */
export class DbReader {
  private worker: Promise<Worker> | null = null;
  private next = 1;
  private closed = false;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  constructor(private readonly dataDir: string) {}

  /** `CallListStore.listLists` (a count over every list's rows), run on the worker. */
  listLists(): Promise<CallList[]> {
    return this.ask('listLists', null);
  }

  /** `CallListStore.getList`, run on the worker. */
  getList(listId: number): Promise<CallList> {
    return this.ask('getList', { listId });
  }

  /** `CallListStore.listProblems`, run on the worker. */
  listProblems(listId: number): Promise<ListProblem[]> {
    return this.ask('listProblems', { listId });
  }

  /** `CallListStore.duplicate` (its rows copied), run on the worker. */
  duplicateList(listId: number, name: string): Promise<CallList> {
    return this.ask('listDuplicate', { listId, name });
  }

  /** `CallListStore.deleteList` (its rows deleted), run on the worker. */
  async deleteList(listId: number): Promise<void> {
    await this.ask('listDelete', { listId });
  }

  /** `CallListStore.queryRowIds`, run on the worker. */
  queryRowIds(listId: number, query: RowQuery): Promise<number[]> {
    return this.ask('queryRowIds', { listId, query });
  }

  /** `CallListStore.getRowsByIds` (the grid's page), run on the worker. */
  rowsByIds(listId: number, ids: number[]) {
    return this.ask('rowsByIds', { listId, ids });
  }

  /** `ResultsReader.page`, run on the worker. */
  resultsPage(
    accountId: string,
    source: ResultsSource,
    filter: ResultsFilter,
    offset: number,
    limit: number,
    groups: OutcomeCodes | null = null,
  ) {
    return this.ask('resultsPage', { accountId, source, filter, offset, limit, groups });
  }

  /** `ResultsReader.counts`, run on the worker. */
  resultsCounts(
    accountId: string,
    source: ResultsSource,
    filter: ResultsFilter,
    groups: OutcomeCodes | null = null,
  ) {
    return this.ask('resultsCounts', { accountId, source, filter, groups });
  }

  /** `ResultsReader.dashboard`, run on the worker. */
  dashboard(accountId: string, taskId: string) {
    return this.ask('dashboard', { accountId, taskId });
  }

  /** An import whose rows are written on the worker's connection (see WriteOps). */
  importSink(): ImportSink {
    let token: number | null = null;
    let rowCount = 0;
    return {
      begin: async (info) => {
        ({ token } = await this.ask('importBegin', { info }));
      },
      append: async (rows) => {
        ({ rowCount } = await this.ask('importAppend', { token: token!, rows }));
      },
      get rowCount() {
        return rowCount;
      },
      finish: (columns) => this.ask('importFinish', { token: token!, columns }),
      abort: async () => {
        if (token !== null) await this.ask('importAbort', { token });
      },
    };
  }

  /** A sync whose pages are stored on the worker's connection (see WriteOps). */
  syncWriter(): SyncWriter {
    return {
      ingest: (calls, context) => this.ask('syncIngest', { calls, context }),
      finish: async (accountId, taskId, analyse) => {
        await this.ask('syncFinish', { accountId, taskId, analyse });
      },
    };
  }

  /** An upload's long statements, run on the worker (see UploadOps). */
  uploads(): UploadsOffMain {
    return {
      plan: (args) => this.ask('uploadPlan', args),
      prepare: async (args) => {
        const { token, counts } = await this.ask('uploadPrepare', args);
        return {
          counts,
          create: async (header) => (await this.ask('uploadCreate', { token, header })).uploadId,
          discard: async () => {
            // After close the worker and its selections are gone anyway.
            if (!this.closed) await this.ask('uploadDiscard', { token });
          },
        };
      },
      rows: {
        counts: (uploadId) => this.ask('journalCounts', { uploadId }),
        summaryCounts: (uploadId) => this.ask('journalSummaryCounts', { uploadId }),
        rowsIn: (uploadId, states, limit = -1, offset = 0) =>
          this.ask('journalRowsIn', { uploadId, states, limit, offset }),
        record: async (uploadId, outcomes, answeredRequests = 0) => {
          await this.ask('journalRecord', { uploadId, outcomes, answeredRequests });
        },
        takePending: (uploadId, limit) => this.ask('journalTakePending', { uploadId, limit }),
      },
    };
  }

  private async ask<K extends DbOp>(op: K, args: DbOps[K]['args']): Promise<DbOps[K]['value']> {
    // After close nothing starts a new worker (an import's abort on the way out, say).
    if (this.closed) throw new Error('database worker closed');
    const worker = await this.start();
    const request = { id: this.next++, op, args } as ReadRequest;
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) await (await worker).terminate();
  }

  private start(): Promise<Worker> {
    this.worker ??= startWorker({
      callerUrl: import.meta.url,
      sourceEntry: './readWorker.ts',
      bundleName: 'dbReadWorker.js',
      workerData: { dataDir: this.dataDir },
    }).then((worker) => {
      worker.on('message', (reply: ReadReply) => {
        const waiter = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if (!waiter) return;
        if (reply.ok) waiter.resolve(reply.value);
        else waiter.reject(rebuildFailure(reply));
      });
      const fail = (error: Error): void => {
        for (const waiter of this.waiting.values()) waiter.reject(error);
        this.waiting.clear();
        this.worker = null;
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`database worker exited (${code})`)));
      return worker;
    });
    return this.worker;
  }
}

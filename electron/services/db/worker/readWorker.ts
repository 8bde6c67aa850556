/**
 * The database's read worker: long reads (sort and filter of up to 100,000 list rows, the
 * Results screen's pages, counts and dashboards over the synced calls) run on this thread over
 * its own connection, so the thread that answers the contract never waits for them. WAL lets it
 * read beside the writer on main; making a column's stored sort keys is the one write it does
 * (SQLite's lock and the busy timeout order it with main's writes).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppFailure } from '../../contract/failure';
import { CallListStore } from '../../lists/store';
import { ResultsReader } from '../../results/resultsQuery';
import type { OutcomeCodes } from '../../../../shared/outcomeGroups';
import { openAppDatabase } from '../appDatabase';
import type { ReadReply, ReadRequest } from './protocol';

const db = openAppDatabase((workerData as { dataDir: string }).dataDir);
const store = new CallListStore(db);
// The code groups of the request being answered: each read brings its account's (one at a time).
let groups: OutcomeCodes | null = null;
const results = new ResultsReader(db, () => groups);

function run(request: ReadRequest): unknown {
  switch (request.op) {
    case 'queryRowIds':
      return store.queryRowIds(request.args.listId, request.args.query);
    case 'resultsPage': {
      const { accountId, source, filter, offset, limit } = request.args;
      groups = request.args.groups;
      return results.page(accountId, source, filter, offset, limit);
    }
    case 'resultsCounts':
      groups = request.args.groups;
      return results.counts(request.args.accountId, request.args.source, request.args.filter);
    case 'dashboard':
      return results.dashboard(request.args.accountId, request.args.taskId);
  }
}

parentPort!.on('message', (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { id: request.id, ok: true, value: run(request) };
  } catch (error) {
    reply =
      error instanceof AppFailure
        ? { id: request.id, ok: false, code: error.code, detail: error.detail }
        : { id: request.id, ok: false, code: 'unexpected', detail: String(error) };
  }
  parentPort!.postMessage(reply);
});

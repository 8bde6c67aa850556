/**
 * The database worker: long reads (sort and filter of up to 100,000 list rows, the Results
 * screen's pages, counts and dashboards over the synced calls), an import's row batches and a
 * sync's pages of calls run
 * on this thread over its own connection, so the thread that answers the contract never waits
 * for them. WAL lets it read beside main's connection; its writes (imports, a column's stored
 * sort keys) are ordered with main's by SQLite's lock and the busy timeout.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppFailure } from '../../contract/failure';
import { ImportSession } from '../../lists/importSession';
import { finishImport } from '../../lists/importSink';
import { CallListStore } from '../../lists/store';
import { CallStore } from '../../results/callStore';
import { ResultsReader } from '../../results/resultsQuery';
import { finishSync } from '../../results/syncTask';
import { createJournalOutidResolver } from '../../uploads/resolver';
import type { OutcomeCodes } from '../../../../shared/outcomeGroups';
import { openAppDatabase } from '../appDatabase';
import type { ReadReply, ReadRequest } from './protocol';

const db = openAppDatabase((workerData as { dataDir: string }).dataDir);
const store = new CallListStore(db);
// The code groups of the request being answered: each read brings its account's (one at a time).
let groups: OutcomeCodes | null = null;
const results = new ResultsReader(db, () => groups);
// Synced calls join their rows through the upload journal, as the hosts' ResultsFeature does.
const calls = new CallStore(db, createJournalOutidResolver(db));
// Imports under way on this connection, by the token importBegin answered.
const imports = new Map<number, ImportSession>();
let nextToken = 1;

function importOf(token: number): ImportSession {
  const session = imports.get(token);
  if (!session) throw new Error(`no import ${token} on the database worker`);
  return session;
}

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
    case 'importBegin': {
      const token = nextToken++;
      imports.set(token, new ImportSession(store, request.args.info));
      return { token };
    }
    case 'importAppend': {
      const session = importOf(request.args.token);
      session.append(request.args.rows);
      return { rowCount: session.rowCount };
    }
    case 'importFinish': {
      const session = importOf(request.args.token);
      imports.delete(request.args.token);
      return finishImport(store, session, request.args.columns);
    }
    case 'importAbort':
      imports.get(request.args.token)?.abort();
      imports.delete(request.args.token);
      return null;
    case 'syncIngest':
      return calls.ingest(request.args.calls, request.args.context);
    case 'syncFinish':
      finishSync(calls, request.args.accountId, request.args.taskId, request.args.analyse);
      return null;
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

/**
 * The database worker: long reads (sort and filter of up to 100,000 list rows, the Results
 * screen's pages, counts and dashboards over the synced calls), an import's row batches, a
 * sync's pages of calls and an upload's long statements (its rows selected and checked, its
 * journal created, its rows written per batch, its rows counted) run on this thread over its
 * own connection, so the thread that answers the contract never waits for them. WAL lets it
 * read beside main's connection; its writes (imports, synced calls, the upload journal's rows, a
 * column's stored sort keys, made after the sort that wanted them has been answered; a list's
 * copy or deletion) are ordered with main's by SQLite's lock and the busy timeout.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportSession } from '../../lists/importSession';
import { finishImport } from '../../lists/importSink';
import { warmSortKeys } from '../../lists/sortKey';
import { CallListStore } from '../../lists/store';
import { CallStore } from '../../results/callStore';
import { ResultsReader } from '../../results/resultsQuery';
import { finishSync } from '../../results/syncTask';
import { DncStore } from '../../dnc/store';
import { providerFactory } from '../../providers/registry';
import { UploadJournal } from '../../uploads/journal';
import { countsOf, selectOn, type SelectionArgs } from '../../uploads/offMain';
import { createJournalOutidResolver } from '../../uploads/resolver';
import type { SelectedRows } from '../../uploads/selection';
import type { OutcomeCodes } from '../../../../shared/outcomeGroups';
import { openAppDatabase } from '../appDatabase';
import { failureData } from './failures';
import type { ReadReply, ReadRequest } from './protocol';

const db = openAppDatabase((workerData as { dataDir: string }).dataDir);
const store = new CallListStore(db);
// The characters' ranks for pinyin sorts, made while nobody waits for a sort.
setImmediate(warmSortKeys);
// The code groups of the request being answered: each read brings its account's (one at a time).
let groups: OutcomeCodes | null = null;
const results = new ResultsReader(db, () => groups);
// Synced calls join their rows through the upload journal, as the hosts' ResultsFeature does.
const calls = new CallStore(db, createJournalOutidResolver(db));
// Imports under way on this connection, by the token importBegin answered.
const imports = new Map<number, ImportSession>();
let nextToken = 1;
// The upload journal's statements (the same class main uses), and the plan's campaign checks as
// the core wires them: the do-not-call list and the task's synced calls.
const journal = new UploadJournal(db);
const dnc = new DncStore(db);
const campaign = {
  doNotCall: (accountId: string, telephones: readonly string[]) => dnc.matches(accountId, telephones),
  dialled: (accountId: string, taskId: string, telephones: readonly string[]) =>
    results.dialledAmong(accountId, taskId, telephones),
};
// Selections uploadPrepare made, until uploadCreate writes the journal from one (or it is dropped).
const prepared = new Map<number, SelectedRows>();

const select = (args: SelectionArgs): SelectedRows =>
  selectOn(db, store, journal, campaign, providerFactory(args.provider), args);

function importOf(token: number): ImportSession {
  const session = imports.get(token);
  if (!session) throw new Error(`no import ${token} on the database worker`);
  return session;
}

function run(request: ReadRequest): unknown {
  switch (request.op) {
    case 'listLists':
      return store.listLists();
    case 'getList':
      return store.getList(request.args.listId);
    case 'listProblems':
      return store.listProblems(request.args.listId);
    case 'queryRowIds':
      return store.queryRowIds(request.args.listId, request.args.query);
    case 'rowsByIds':
      return store.getRowsByIds(request.args.listId, request.args.ids);
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
    case 'listDuplicate':
      return store.duplicate(request.args.listId, request.args.name);
    case 'listDelete':
      store.deleteList(request.args.listId);
      return null;
    case 'syncIngest':
      return calls.ingest(request.args.calls, request.args.context);
    case 'syncFinish':
      finishSync(calls, request.args.accountId, request.args.taskId, request.args.analyse);
      return null;
    case 'uploadPlan':
      return countsOf(select(request.args));
    case 'uploadPrepare': {
      const selected = select(request.args);
      const token = nextToken++;
      prepared.set(token, selected);
      return { token, counts: countsOf(selected) };
    }
    case 'uploadCreate': {
      const selected = prepared.get(request.args.token);
      if (!selected) throw new Error(`no prepared upload ${request.args.token} on the database worker`);
      prepared.delete(request.args.token);
      const uploadId = journal.create({
        ...request.args.header,
        excluded: selected.excluded,
        rows: selected.send,
        repeated: selected.repeated,
      });
      return { uploadId };
    }
    case 'uploadDiscard':
      prepared.delete(request.args.token);
      return null;
    case 'journalCounts':
      return journal.counts(request.args.uploadId);
    case 'journalSummaryCounts':
      return {
        rows: journal.counts(request.args.uploadId),
        refusedLocally: journal.refusedLocally(request.args.uploadId),
      };
    case 'journalRowsIn': {
      const { uploadId, states, limit, offset } = request.args;
      return journal.rowsIn(uploadId, states, limit, offset);
    }
    case 'journalRecord':
      journal.record(request.args.uploadId, request.args.outcomes, request.args.answeredRequests);
      return null;
    case 'journalTakePending':
      return journal.takePending(request.args.uploadId, request.args.limit);
  }
}

// Sort keys a sort without them wanted are made after its answer has gone, one column per turn
// of the event loop, so a request that arrives meanwhile waits for one column's pass at most.
let building = false;
function buildSortKeys(): void {
  if (building || !store.sortKeys.hasWanted()) return;
  building = true;
  setImmediate(() => {
    building = false;
    try {
      store.sortKeys.buildWanted();
    } catch {
      // A busy database: the column's next sort wants its keys again.
    }
    buildSortKeys();
  });
}

parentPort!.on('message', (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { id: request.id, ok: true, value: run(request) };
  } catch (error) {
    reply = { id: request.id, ok: false, ...failureData(error) };
  }
  parentPort!.postMessage(reply);
  buildSortKeys();
});

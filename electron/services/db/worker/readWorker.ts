/**
 * The database's read worker: long list reads (sort and filter of up to 100,000 rows) run on
 * this thread over its own connection, so the thread that answers the contract never waits
 * for them. WAL lets it read beside the writer on main; making a column's stored sort keys is
 * the one write it does (SQLite's lock and the busy timeout order it with main's writes).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppFailure } from '../../contract/failure';
import { CallListStore } from '../../lists/store';
import { openAppDatabase } from '../appDatabase';
import type { ReadReply, ReadRequest } from './protocol';

const store = new CallListStore(openAppDatabase((workerData as { dataDir: string }).dataDir));

parentPort!.on('message', (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { id: request.id, ok: true, value: store.queryRowIds(request.listId, request.query) };
  } catch (error) {
    reply =
      error instanceof AppFailure
        ? { id: request.id, ok: false, code: error.code, detail: error.detail }
        : { id: request.id, ok: false, code: 'unexpected', detail: String(error) };
  }
  parentPort!.postMessage(reply);
});

import type { Database } from 'better-sqlite3';
import { openAppDatabase } from '../db/appDatabase';
import { MappingMemory } from '../importer/mappingMemory';
import { CallListStore } from './store';

export interface ListServices {
  db: Database;
  store: CallListStore;
  memory: MappingMemory;
  close(): void;
}

/**
 * The list services over an open database (the core opens it). `exclusive` (the app, which
 * holds the single-instance lock) also discards imports a crash cut off, at once; other
 * processes (the CLI) only those idle for ten minutes.
 */
export function listServicesOver(db: Database, options: { exclusive?: boolean } = {}): ListServices {
  const store = new CallListStore(db);
  store.discardInterruptedImports(options.exclusive ? 0 : undefined);
  return { db, store, memory: new MappingMemory(db), close: () => db.close() };
}

/** The data folder's database and the list services over it, for tests and tools. */
export function openListServices(dataDir: string, options: { exclusive?: boolean } = {}): ListServices {
  return listServicesOver(openAppDatabase(dataDir), options);
}

export { CallListStore } from './store';
export { applyEdits, type CallRowEdit, type NewCallRow, type AppliedEdits } from './edits';
export { exportList, type ExportOptions } from './export';

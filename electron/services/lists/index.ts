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
 * The list services over an open database (the core opens it), discarding the imports a
 * crash cut off — only those whose owning process is gone: another process may be importing
 * into the same folder right now. `exclusive` is accepted for the hosts that hold the
 * single-instance lock; it no longer changes what is discarded.
 */
export function listServicesOver(db: Database, _options: { exclusive?: boolean } = {}): ListServices {
  const store = new CallListStore(db);
  store.discardInterruptedImports();
  return { db, store, memory: new MappingMemory(db), close: () => db.close() };
}

/** The data folder's database and the list services over it, for tests and tools. */
export function openListServices(dataDir: string, options: { exclusive?: boolean } = {}): ListServices {
  return listServicesOver(openAppDatabase(dataDir), options);
}

export { CallListStore } from './store';
export { applyEdits, type CallRowEdit, type NewCallRow, type AppliedEdits } from './edits';
export { exportList, type ExportOptions } from './export';
export { importFile, type ImportDeps } from './importFile';

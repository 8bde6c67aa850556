import type { Database } from 'better-sqlite3';
import { APP_MIGRATIONS } from '../db/appMigrations';
import { databasePath, openDatabase } from '../db/database';
import { MappingMemory } from '../importer/mappingMemory';
import { CallListStore } from './store';

export interface ListServices {
  db: Database;
  store: CallListStore;
  memory: MappingMemory;
  close(): void;
}

/**
 * Opens the database in the data folder with every migration and the list services over it,
 * and discards the imports a crash cut off (only those whose owning process is gone: another
 * process may be importing into the same folder right now). `exclusive` is accepted for the
 * hosts that hold the single-instance lock; it no longer changes what is discarded.
 */
export function openListServices(dataDir: string, _options: { exclusive?: boolean } = {}): ListServices {
  const db = openDatabase(databasePath(dataDir), { migrations: APP_MIGRATIONS });
  const store = new CallListStore(db);
  store.discardInterruptedImports();
  return { db, store, memory: new MappingMemory(db), close: () => db.close() };
}

export { CallListStore } from './store';
export { applyEdits, type CallRowEdit, type NewCallRow, type AppliedEdits } from './edits';
export { exportList, type ExportOptions } from './export';
export { importFile, type ImportDeps } from './importFile';

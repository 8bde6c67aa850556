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
 * Opens the database in the data folder with every migration and the list services over it.
 * `exclusive` (the app, which holds the single-instance lock) also discards imports a crash
 * cut off, at once; other processes (the CLI) only those idle for ten minutes.
 */
export function openListServices(dataDir: string, options: { exclusive?: boolean } = {}): ListServices {
  const db = openDatabase(databasePath(dataDir), { migrations: APP_MIGRATIONS });
  const store = new CallListStore(db);
  store.discardInterruptedImports(options.exclusive ? 0 : undefined);
  return { db, store, memory: new MappingMemory(db), close: () => db.close() };
}

export { CallListStore } from './store';
export { applyEdits, type CallRowEdit, type NewCallRow, type AppliedEdits } from './edits';
export { exportList, type ExportOptions } from './export';

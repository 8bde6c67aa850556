import type { Database } from 'better-sqlite3';
import { APP_MIGRATIONS } from './appMigrations';
import { databasePath, openDatabase } from './database';

/** The data folder's database with every feature's migrations applied. */
export function openAppDatabase(dataDir: string): Database {
  return openDatabase(databasePath(dataDir), { migrations: APP_MIGRATIONS });
}

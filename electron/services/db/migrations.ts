import type { Database } from 'better-sqlite3';

/**
 * One schema step of one feature. Features number their own steps from 1 (`lists` 1, 2, …;
 * `tasks` 1, …) so engineers working in parallel never fight over a global number; the runner
 * applies each feature's pending versions in order, each in its own transaction together with
 * its `schema_migrations` record, so a crash mid-migration leaves the previous version intact.
 */
export interface Migration {
  /** The owning feature, e.g. `lists`, `importer`, `tasks`. */
  feature: string;
  /** 1, 2, 3 … within the feature; never renumber or edit a released step, add a new one. */
  version: number;
  /** A few words for logs and for `schema_migrations.name`. */
  name: string;
  /** Runs inside the transaction. Plain SQL via `db.exec` is the norm. */
  up(db: Database): void;
}

/** Thrown when migrations are malformed or the database is newer than this build. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

function check(migrations: readonly Migration[]): Map<string, Migration[]> {
  const byFeature = new Map<string, Migration[]>();
  for (const migration of migrations) {
    const list = byFeature.get(migration.feature) ?? [];
    list.push(migration);
    byFeature.set(migration.feature, list);
  }
  for (const [feature, list] of byFeature) {
    list.sort((a, b) => a.version - b.version);
    list.forEach((migration, index) => {
      if (migration.version !== index + 1)
        throw new MigrationError(`${feature}: migrations must be numbered 1, 2, 3 … without gaps`);
    });
  }
  return byFeature;
}

/**
 * Brings the schema up to date. Returns the steps it applied (feature/version), in order.
 * A database that already has a higher version of a feature than this build knows (a newer
 * app opened it) is refused rather than used with a schema the code does not understand.
 */
export function migrate(db: Database, migrations: readonly Migration[], now = Date.now): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    feature TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL,
    PRIMARY KEY (feature, version)
  ) STRICT`);
  const current = db.prepare<[string], { version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations WHERE feature = ?',
  );
  const record = db.prepare(
    'INSERT INTO schema_migrations (feature, version, name, applied_at) VALUES (?, ?, ?, ?)',
  );
  const applied: string[] = [];
  for (const [feature, list] of check(migrations)) {
    const have = current.get(feature)?.version ?? 0;
    if (have > list.length)
      throw new MigrationError(
        `${feature}: the database is at version ${have}, newer than this app (${list.length})`,
      );
    for (const migration of list.slice(have)) {
      db.transaction(() => {
        migration.up(db);
        record.run(feature, migration.version, migration.name, now());
      }).immediate();
      applied.push(`${feature}/${migration.version}`);
    }
  }
  return applied;
}

import type { Database } from 'better-sqlite3';
import type { Migration } from '../db/migrations';
import { normalizeHeader, type ImportMapping } from './mapping';

export const IMPORTER_MIGRATIONS: readonly Migration[] = [
  {
    feature: 'importer',
    version: 1,
    name: 'remembered column mappings',
    up(db) {
      db.exec(`CREATE TABLE import_mappings (
        signature TEXT PRIMARY KEY,
        mapping TEXT NOT NULL,
        used_at INTEGER NOT NULL
      ) STRICT`);
    },
  },
];

/**
 * The same header set (the monthly file from the same customer) always gets the mapping the
 * operator chose last time. The key is the normalised headers in order, so "手机号码 " and
 * "手机号码", or a full-width ＩＤ, count as the same file layout.
 */
export function headerSignature(headers: readonly string[]): string {
  const normalised = headers.map(normalizeHeader);
  while (normalised.length > 0 && normalised[normalised.length - 1] === '') normalised.pop();
  return normalised.join('\u001f');
}

export class MappingMemory {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** The mapping last used for this header set, if any. */
  recall(headers: readonly string[]): ImportMapping | undefined {
    const row = this.db
      .prepare<[string], { mapping: string }>('SELECT mapping FROM import_mappings WHERE signature = ?')
      .get(headerSignature(headers));
    return row ? (JSON.parse(row.mapping) as ImportMapping) : undefined;
  }

  /** Remembers the mapping of a successful import. */
  remember(headers: readonly string[], mapping: ImportMapping): void {
    this.db
      .prepare(
        `INSERT INTO import_mappings (signature, mapping, used_at) VALUES (?, ?, ?)
         ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, used_at = excluded.used_at`,
      )
      .run(headerSignature(headers), JSON.stringify(mapping), this.now());
  }
}

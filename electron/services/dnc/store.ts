import type { Database, Statement } from 'better-sqlite3';
import type { DncEntry, DncPage, DncSource } from '../../../shared/dnc';

/** `account_id` of an entry that applies to every account (see schema.ts). */
const EVERY_ACCOUNT = '';

/** Entries the list holds at most (a plan checks each chunk of rows against it with one query). */
export const MAX_DNC_ENTRIES = 1_000_000;

interface EntryRow {
  id: number;
  account_id: string;
  telephone: string;
  reason: string | null;
  source: DncSource;
  added_at: number;
}

const toEntry = (row: EntryRow): DncEntry => ({
  id: row.id,
  telephone: row.telephone,
  accountId: row.account_id === EVERY_ACCOUNT ? null : row.account_id,
  reason: row.reason,
  addedAt: row.added_at,
  source: row.source,
});

/** Escapes LIKE's wildcards in a user's search text. */
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The do-not-call numbers' SQL. Numbers arrive normalised (the feature normalises them). */
export class DncStore {
  private readonly insert: Statement;
  private readonly matching: Statement<[string, string], { telephone: string; reason: string | null }>;

  constructor(readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO dnc_numbers (account_id, telephone, reason, source, added_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (account_id, telephone) DO NOTHING`,
    );
    this.matching = db.prepare(
      `SELECT telephone, max(reason) AS reason FROM dnc_numbers
       WHERE account_id IN ('', ?) AND telephone IN (SELECT value FROM json_each(?))
       GROUP BY telephone`,
    );
  }

  /** Entries in all. */
  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM dnc_numbers').get()!.n;
  }

  /**
   * Adds numbers in one transaction; a number already on the list for that scope keeps its
   * entry (and reason). Answers how many were new.
   */
  add(
    entries: readonly { telephone: string; reason: string | null }[],
    accountId: string | null,
    source: DncSource,
    now: number,
  ): { added: number; already: number } {
    let added = 0;
    this.db.transaction(() => {
      for (const entry of entries)
        added += this.insert.run(
          accountId ?? EVERY_ACCOUNT,
          entry.telephone,
          entry.reason,
          source,
          now,
        ).changes;
    })();
    return { added, already: entries.length - added };
  }

  /** Removes entries by id; answers how many went. */
  remove(ids: readonly number[]): number {
    let removed = 0;
    const drop = this.db.prepare('DELETE FROM dnc_numbers WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) removed += drop.run(id).changes;
    })();
    return removed;
  }

  /**
   * One page, newest first. `accounts`: the account ids whose own entries to include, and
   * whether to include the every-account entries.
   */
  page(
    accounts: { accountId: string | null; everyAccount: boolean },
    search: string | undefined,
    offset: number,
    limit: number,
  ): DncPage {
    const scopes: string[] = [];
    if (accounts.accountId !== null) scopes.push(accounts.accountId);
    if (accounts.everyAccount) scopes.push(EVERY_ACCOUNT);
    const where = [`account_id IN (SELECT value FROM json_each(@scopes))`];
    const text = search?.trim() ?? '';
    if (text !== '') where.push(`(telephone LIKE @like ESCAPE '\\' OR reason LIKE @like ESCAPE '\\')`);
    const params = { scopes: JSON.stringify(scopes), like: likePattern(text) };
    const total = this.db
      .prepare<[typeof params], { n: number }>(
        `SELECT count(*) AS n FROM dnc_numbers WHERE ${where.join(' AND ')}`,
      )
      .get(params)!.n;
    const rows = this.db
      .prepare<[typeof params & { limit: number; offset: number }], EntryRow>(
        `SELECT * FROM dnc_numbers WHERE ${where.join(' AND ')} ORDER BY added_at DESC, id DESC
         LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset });
    return { entries: rows.map(toEntry), total };
  }

  /** The ids of these numbers' entries in these scopes. */
  idsOf(
    telephones: readonly string[],
    accounts: { accountId: string | null; everyAccount: boolean },
  ): number[] {
    const scopes: string[] = [];
    if (accounts.accountId !== null) scopes.push(accounts.accountId);
    if (accounts.everyAccount) scopes.push(EVERY_ACCOUNT);
    return this.db
      .prepare<[string, string], { id: number }>(
        `SELECT id FROM dnc_numbers WHERE account_id IN (SELECT value FROM json_each(?))
         AND telephone IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(scopes), JSON.stringify(telephones))
      .map((row) => row.id);
  }

  /** Every entry of these scopes, for an export (oldest first). */
  *all(accounts: { accountId: string | null; everyAccount: boolean }): Generator<DncEntry> {
    const scopes: string[] = [];
    if (accounts.accountId !== null) scopes.push(accounts.accountId);
    if (accounts.everyAccount) scopes.push(EVERY_ACCOUNT);
    const rows = this.db
      .prepare<[string], EntryRow>(
        'SELECT * FROM dnc_numbers WHERE account_id IN (SELECT value FROM json_each(?)) ORDER BY added_at, id',
      )
      .iterate(JSON.stringify(scopes));
    for (const row of rows) yield toEntry(row);
  }

  /**
   * Of these numbers, those on the list for the account (its own entries or every account's),
   * with a reason: one indexed query for a chunk of a plan's rows.
   */
  matches(accountId: string, telephones: readonly string[]): Map<string, string | null> {
    const found = new Map<string, string | null>();
    if (telephones.length === 0) return found;
    for (const row of this.matching.all(accountId, JSON.stringify(telephones)))
      found.set(row.telephone, row.reason);
    return found;
  }
}

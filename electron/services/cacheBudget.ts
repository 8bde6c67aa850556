/**
 * A cache folder kept under a total size by removing the least recently used entries. "Used" is
 * the modification time, which a read refreshes: access times are often not kept (noatime and
 * relatime mounts, Windows), modification times always are.
 *
 * Every entry can be made again (fetched or computed) and is written whole through a rename, so
 * eviction is a series of independent unlinks: a crash in the middle only leaves a smaller
 * cache, and a file another process removed meanwhile is simply skipped.
 */
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

export interface CacheBudgetOptions {
  /** Total bytes of the folder's entries. */
  maxBytes: number;
  /** Names of the cache's entries; other files in the folder are not counted or removed… */
  entry: RegExp;
  /** …except temp files a crash mid-write left behind, removed once an hour old. */
  temp?: RegExp;
}

/** Old enough that no writer is still busy with the temp file. */
const STALE_TEMP_MS = 60 * 60_000;

export class CacheBudget {
  /**
   * Bytes believed to be in the folder, null until the first scan. It only decides when to
   * scan again, so a write below the budget costs no directory listing; files other processes
   * add are counted at the next scan.
   */
  private estimate: number | null = null;

  constructor(
    readonly dir: string,
    private readonly options: CacheBudgetOptions,
  ) {}

  /** Marks an entry as just used, so eviction keeps it longer. */
  touch(path: string): void {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // evicted meanwhile: the next read makes it again
    }
  }

  /** Accounts for `bytes` just written at `path`; past the budget, evicts (never `path` itself). */
  added(path: string, bytes: number): void {
    if (this.estimate !== null && this.estimate + bytes <= this.options.maxBytes) {
      this.estimate += bytes;
      return;
    }
    this.trim(path);
  }

  /** Scans the folder and removes the least recently used entries until the total fits. */
  trim(keep?: string): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      this.estimate = null;
      return;
    }
    const entries: { path: string; size: number; usedAt: number }[] = [];
    for (const name of names) {
      const isEntry = this.options.entry.test(name);
      if (!isEntry && !this.options.temp?.test(name)) continue;
      const path = join(this.dir, name);
      try {
        const stat = statSync(path);
        if (!stat.isFile()) continue;
        if (isEntry) entries.push({ path, size: stat.size, usedAt: stat.mtimeMs });
        else if (Date.now() - stat.mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
      } catch {
        // removed meanwhile, or (Windows) in use: not ours to count or remove now
      }
    }
    let total = entries.reduce((sum, entry) => sum + entry.size, 0);
    entries.sort((a, b) => a.usedAt - b.usedAt);
    for (const entry of entries) {
      if (total <= this.options.maxBytes) break;
      if (entry.path === keep) continue;
      try {
        rmSync(entry.path, { force: true });
        total -= entry.size;
      } catch {
        // in use (Windows keeps open files): the next trim tries again
      }
    }
    this.estimate = total;
  }
}

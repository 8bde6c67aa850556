/**
 * The media proxy's files under the data folder: one file per remote URL, named by the URL's
 * SHA-256 and the audio extension, so no name ever comes from outside. The folder is kept
 * under a total size by removing the least recently used files (by modification time, which
 * a read refreshes).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AUDIO_EXTENSIONS, formatOfExt, type AudioFormat } from './audioType';

/** A file in the cache. */
export interface CachedMedia {
  path: string;
  format: AudioFormat;
  size: number;
}

const KEY = /^[0-9a-f]{64}$/;
const FILE = /^([0-9a-f]{64})\.([a-z0-9]+)$/;

export class MediaDiskCache {
  constructor(
    readonly dir: string,
    private readonly maxTotalBytes: number,
  ) {}

  /** The cached file for `key`, or null. */
  find(key: string): CachedMedia | null {
    if (!KEY.test(key)) return null;
    for (const ext of AUDIO_EXTENSIONS) {
      const path = join(this.dir, `${key}.${ext}`);
      try {
        const stat = statSync(path);
        if (stat.isFile()) return { path, format: formatOfExt(ext)!, size: stat.size };
      } catch {
        // not cached in this format
      }
    }
    return null;
  }

  /** Marks a file as just used, so eviction keeps it longer. */
  touch(file: CachedMedia): void {
    const now = new Date();
    try {
      utimesSync(file.path, now, now);
    } catch {
      // evicted meanwhile: the next read fetches it again
    }
  }

  /** Stores bytes atomically (temp file then rename), then trims the folder to its budget. */
  put(key: string, bytes: Uint8Array, format: AudioFormat): CachedMedia {
    if (!KEY.test(key)) throw new Error('media cache: bad key');
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, `${key}.${format.ext}`);
    const temp = join(this.dir, `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      writeFileSync(temp, bytes);
      renameSync(temp, path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    this.evict(path);
    return { path, format, size: bytes.byteLength };
  }

  /** Removes the oldest files until the total fits, never the one just written. */
  private evict(keep: string): void {
    let entries: { path: string; size: number; mtime: number }[];
    try {
      entries = readdirSync(this.dir)
        .filter((name) => FILE.test(name))
        .map((name) => {
          const path = join(this.dir, name);
          const stat = statSync(path);
          return { path, size: stat.size, mtime: stat.mtimeMs };
        });
    } catch {
      return;
    }
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    entries.sort((a, b) => a.mtime - b.mtime);
    for (const entry of entries) {
      if (total <= this.maxTotalBytes) break;
      if (entry.path === keep) continue;
      rmSync(entry.path, { force: true });
      total -= entry.size;
    }
  }
}

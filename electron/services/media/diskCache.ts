/**
 * The media proxy's files under the data folder: one file per remote URL, named by the URL's
 * SHA-256 and the audio extension, so no name ever comes from outside. The folder is kept
 * under a total size by removing the least recently used files (by modification time, which
 * a read refreshes).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CacheBudget } from '../cacheBudget';
import { writeFileAtomic } from '../fsAtomic';
import { AUDIO_EXTENSIONS, formatOfExt, type AudioFormat } from './audioType';

/** A file in the cache. */
export interface CachedMedia {
  path: string;
  format: AudioFormat;
  size: number;
}

const KEY = /^[0-9a-f]{64}$/;
const FILE = /^([0-9a-f]{64})\.([a-z0-9]+)$/;
const TEMP = /^[0-9a-f]{64}\.[a-z0-9]+\.\d+\.\d+\.tmp$/;

export class MediaDiskCache {
  private readonly budget: CacheBudget;

  constructor(
    readonly dir: string,
    maxTotalBytes: number,
  ) {
    this.budget = new CacheBudget(dir, { maxBytes: maxTotalBytes, entry: FILE, temp: TEMP });
  }

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
    this.budget.touch(file.path);
  }

  /** Stores bytes atomically (temp file then rename), then trims the folder to its budget. */
  put(key: string, bytes: Uint8Array, format: AudioFormat): CachedMedia {
    if (!KEY.test(key)) throw new Error('media cache: bad key');
    const path = join(this.dir, `${key}.${format.ext}`);
    writeFileAtomic(path, bytes);
    this.budget.added(path, bytes.byteLength);
    return { path, format, size: bytes.byteLength };
  }
}

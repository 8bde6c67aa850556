import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CacheBudget } from '../cacheBudget';
import { writeFileAtomic } from '../fsAtomic';

/** Peaks kept for one recording. */
export interface StoredPeaks {
  peaks: Uint8Array;
  peaksPerSecond: number;
  durationMs: number;
}

const MAGIC = 0x4b504443; // "CDPK" little-endian
const HEADER = 12;
const KEY = /^[0-9a-f]{64}$/;
const ENTRY = /^[0-9a-f]{64}\.peaks$/;
const TEMP = /^[0-9a-f]{64}\.peaks\.\d+\.\d+\.tmp$/;

/** Default total size of the peaks folder: about a thousand 10-minute recordings. */
export const DEFAULT_PEAKS_CACHE_BYTES = 64 * 1024 * 1024;

export interface PeaksCacheOptions {
  /** Total size of the folder (default DEFAULT_PEAKS_CACHE_BYTES). */
  maxTotalBytes?: number;
}

/**
 * Peaks files under the data folder, one per recording, named by the SHA-256 of its address
 * (never a name from outside): a 12-byte header (magic, buckets per second, duration) then one
 * byte per bucket. A damaged file reads as absent and is computed again. The folder is kept
 * under a total size: a read marks a file as used, a write evicts the least recently used ones,
 * and an evicted recording's peaks are simply computed again when it is next opened.
 */
export class PeaksCache {
  private readonly budget: CacheBudget;

  constructor(
    readonly dir: string,
    options: PeaksCacheOptions = {},
  ) {
    const maxBytes = options.maxTotalBytes ?? DEFAULT_PEAKS_CACHE_BYTES;
    this.budget = new CacheBudget(dir, { maxBytes, entry: ENTRY, temp: TEMP });
  }

  read(key: string): StoredPeaks | null {
    if (!KEY.test(key)) return null;
    const path = join(this.dir, `${key}.peaks`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return null;
    }
    if (bytes.length < HEADER || bytes.readUInt32LE(0) !== MAGIC) return null;
    this.budget.touch(path);
    return {
      peaksPerSecond: bytes.readUInt32LE(4),
      durationMs: bytes.readUInt32LE(8),
      peaks: new Uint8Array(bytes.subarray(HEADER)),
    };
  }

  write(key: string, stored: StoredPeaks): void {
    if (!KEY.test(key)) throw new Error('peaks cache: bad key');
    mkdirSync(this.dir, { recursive: true });
    const bytes = Buffer.alloc(HEADER + stored.peaks.length);
    bytes.writeUInt32LE(MAGIC, 0);
    bytes.writeUInt32LE(stored.peaksPerSecond, 4);
    bytes.writeUInt32LE(Math.round(stored.durationMs), 8);
    bytes.set(stored.peaks, HEADER);
    // Temp file then rename: a reader never sees half a file.
    const path = join(this.dir, `${key}.peaks`);
    writeFileAtomic(path, bytes);
    this.budget.added(path, bytes.length);
  }
}

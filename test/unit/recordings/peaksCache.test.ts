import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PeaksCache, type StoredPeaks } from '../../../electron/services/recordings/peaksCache';

// 12-byte header + 1,000 buckets: 1,012 bytes a file, so a 3,100-byte cap holds three.
const ENTRY = 1012;
const peaks = (fill: number): StoredPeaks => ({
  peaks: new Uint8Array(1000).fill(fill),
  peaksPerSecond: 100,
  durationMs: 10_000,
});
const key = (c: string): string => c.repeat(64);
const fileOf = (dir: string, k: string): string => join(dir, `${k}.peaks`);
const folderBytes = (dir: string): number =>
  readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);

/** Sets a file's last use `secondsAgo` in the past. */
function usedAgo(path: string, secondsAgo: number): void {
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, at, at);
}

const newDir = (): string => join(mkdtempSync(join(tmpdir(), 'cd-peaks-')), 'peaks');

describe('the peaks cache’s size cap', () => {
  it('evicts the least recently used peaks when a write passes the cap, keeping what was just read', () => {
    const dir = newDir();
    const cache = new PeaksCache(dir, { maxTotalBytes: 3100 });
    for (const [c, age] of [
      ['a', 300],
      ['b', 200],
      ['c', 100],
    ] as const) {
      cache.write(key(c), peaks(c.charCodeAt(0)));
      usedAgo(fileOf(dir, key(c)), age);
    }
    expect(folderBytes(dir)).toBe(3 * ENTRY); // under the cap: nothing evicted
    // Reading "a" makes it the most recently used: "b" is now the oldest.
    expect(cache.read(key('a'))?.peaks[0]).toBe(97);
    cache.write(key('d'), peaks(100));
    expect(readdirSync(dir).sort()).toEqual(['a', 'c', 'd'].map((c) => `${key(c)}.peaks`));
    expect(cache.read(key('b'))).toBeNull();
    expect(folderBytes(dir)).toBeLessThanOrEqual(3100);
    // A further write evicts the next oldest ("c"), still never what was read or written last.
    cache.write(key('e'), peaks(101));
    expect(readdirSync(dir).sort()).toEqual(['a', 'd', 'e'].map((c) => `${key(c)}.peaks`));
  });

  it('counts what an earlier run left, and keeps the entry just written even if alone over the cap', () => {
    const dir = newDir();
    const before = new PeaksCache(dir, { maxTotalBytes: 10 * ENTRY });
    for (const c of 'abcd') before.write(key(c), peaks(1));
    const after = new PeaksCache(dir, { maxTotalBytes: 2 * ENTRY });
    after.write(key('e'), peaks(2));
    expect(readdirSync(dir)).toHaveLength(2);
    expect(existsSync(fileOf(dir, key('e')))).toBe(true);
    const tiny = new PeaksCache(dir, { maxTotalBytes: 100 });
    tiny.write(key('f'), peaks(3));
    expect(readdirSync(dir)).toEqual([`${key('f')}.peaks`]);
    expect(tiny.read(key('f'))?.peaks[0]).toBe(3);
  });

  it('copes with files removed behind its back, and sweeps temp files a crash left', () => {
    const dir = newDir();
    mkdirSync(dir, { recursive: true });
    const staleTemp = join(dir, `${key('9')}.peaks.123.456.tmp`);
    const freshTemp = join(dir, `${key('8')}.peaks.123.789.tmp`);
    const foreign = join(dir, 'notes.txt');
    for (const path of [staleTemp, freshTemp, foreign]) writeFileSync(path, 'x'.repeat(5000));
    usedAgo(staleTemp, 2 * 3600);
    usedAgo(foreign, 2 * 3600);
    const cache = new PeaksCache(dir, { maxTotalBytes: 2 * ENTRY });
    cache.write(key('a'), peaks(1));
    expect(existsSync(staleTemp)).toBe(false);
    expect(existsSync(freshTemp)).toBe(true); // a writer may still be busy with it
    expect(existsSync(foreign)).toBe(true); // not the cache's to remove
    cache.write(key('b'), peaks(2));
    // Another process (or an eviction cut short) removed "a": reads say absent, writes go on.
    rmSync(fileOf(dir, key('a')));
    expect(cache.read(key('a'))).toBeNull();
    expect(() => cache.write(key('c'), peaks(3))).not.toThrow();
    expect(cache.read(key('c'))?.peaks[0]).toBe(3);
  });
});

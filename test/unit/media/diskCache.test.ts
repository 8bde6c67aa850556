import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOfExt } from '../../../electron/services/media/audioType';
import { MediaDiskCache } from '../../../electron/services/media/diskCache';

const wav = formatOfExt('wav')!;
const key = (c: string): string => c.repeat(64);
const ago = (path: string, seconds: number): void => {
  const at = new Date(Date.now() - seconds * 1000);
  utimesSync(path, at, at);
};

describe('the media disk cache', () => {
  it('evicts the least recently used file past its budget, keeping one just found and touched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-media-cache-'));
    const cache = new MediaDiskCache(dir, 2500);
    for (const [c, age] of [
      ['a', 30],
      ['b', 20],
    ] as const) {
      cache.put(key(c), new Uint8Array(1000), wav);
      ago(join(dir, `${key(c)}.wav`), age);
    }
    cache.touch(cache.find(key('a'))!);
    cache.put(key('c'), new Uint8Array(1000), wav);
    expect(readdirSync(dir).sort()).toEqual([`${key('a')}.wav`, `${key('c')}.wav`]);
    expect(cache.find(key('b'))).toBeNull();
  });

  it('sweeps temp files a crash mid-write left, once they are an hour old', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-media-cache-'));
    mkdirSync(dir, { recursive: true });
    const stale = join(dir, `${key('e')}.wav.123.456.tmp`);
    const fresh = join(dir, `${key('f')}.wav.123.789.tmp`);
    writeFileSync(stale, new Uint8Array(4000));
    writeFileSync(fresh, new Uint8Array(4000));
    ago(stale, 2 * 3600);
    const cache = new MediaDiskCache(dir, 10_000);
    cache.put(key('a'), new Uint8Array(1000), wav);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(cache.find(key('a'))?.size).toBe(1000);
  });
});

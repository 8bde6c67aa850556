import { mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS } from '../../../shared/prefs';
import { prefsPatchSchema, sanitizePrefs } from '../../../shared/schemas/prefs';
import { createJsonFilePrefs, PREFS_FILE } from '../../../electron/services/prefs/jsonFilePrefs';
import { AppFailure } from '../../../electron/services/contract/failure';

const fresh = () => mkdtempSync(join(tmpdir(), 'cd-prefs-'));

describe('preferences', () => {
  it('default to Chinese, the system theme and updates off', () => {
    expect(createJsonFilePrefs(fresh()).get()).toEqual({
      locale: 'zh-CN',
      theme: 'system',
      updates: false,
      updateFeedUrl: null,
    });
  });

  it('take an https update feed (http only on loopback), without credentials', () => {
    const ok = (updateFeedUrl: unknown) => prefsPatchSchema.safeParse({ updateFeedUrl }).success;
    expect(ok('https://updates.example.com/campaign-desk/')).toBe(true);
    expect(ok('http://127.0.0.1:8080/feed/')).toBe(true);
    expect(ok(null)).toBe(true);
    for (const bad of [
      'http://updates.example.com/',
      'ftp://x/',
      'file:///etc/',
      'https://u:p@x.com/',
      'nope',
      5,
    ]) {
      expect(ok(bad), String(bad)).toBe(false);
    }
    expect(prefsPatchSchema.safeParse({ updates: 'yes' }).success).toBe(false);
    expect(sanitizePrefs({ updates: true, updateFeedUrl: 'javascript:alert(1)' })).toEqual({
      ...DEFAULT_PREFS,
      updates: true,
    });
  });

  it('keep valid keys from a damaged or foreign file and drop the rest', () => {
    expect(sanitizePrefs({ locale: 'en', theme: 'purple', extra: 1 })).toEqual({
      ...DEFAULT_PREFS,
      locale: 'en',
    });
    expect(sanitizePrefs('nonsense')).toEqual(DEFAULT_PREFS);
    expect(sanitizePrefs(null)).toEqual(DEFAULT_PREFS);
  });

  it('persist in the electron-store layout and survive a new store over the same folder', () => {
    const dir = fresh();
    createJsonFilePrefs(dir).set({ locale: 'en' });
    expect(createJsonFilePrefs(dir).get()).toEqual({ ...DEFAULT_PREFS, locale: 'en' });
    expect(JSON.parse(readFileSync(join(dir, PREFS_FILE), 'utf8'))).toEqual({
      prefs: { ...DEFAULT_PREFS, locale: 'en' },
    });
    expect(readdirSync(dir)).toEqual([PREFS_FILE]);
  });

  it('read a corrupt file as defaults and keep other top-level keys on write', () => {
    const dir = fresh();
    writeFileSync(join(dir, PREFS_FILE), '{"prefs": {"locale": "en"');
    expect(createJsonFilePrefs(dir).get().locale).toBe('zh-CN');
    writeFileSync(join(dir, PREFS_FILE), JSON.stringify({ other: { keep: true }, prefs: { locale: 'en' } }));
    createJsonFilePrefs(dir).set({ theme: 'dark' });
    expect(JSON.parse(readFileSync(join(dir, PREFS_FILE), 'utf8'))).toEqual({
      other: { keep: true },
      prefs: { ...DEFAULT_PREFS, locale: 'en', theme: 'dark' },
    });
  });

  it.skipIf(process.getuid?.() === 0)(
    'report an unwritable folder as settings.write_failed (skipped as root: root writes anywhere)',
    () => {
      const dir = join(fresh(), 'ro');
      mkdirSync(dir);
      chmodSync(dir, 0o500);
      expect(() => createJsonFilePrefs(dir).set({ locale: 'en' })).toThrow(AppFailure);
    },
  );

  it('report a data folder that is a file as settings.write_failed', () => {
    const file = join(fresh(), 'not-a-folder');
    writeFileSync(file, 'x');
    let caught: unknown;
    try {
      createJsonFilePrefs(file).set({ locale: 'en' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppFailure);
    expect((caught as AppFailure).code).toBe('settings.write_failed');
  });
});

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/services/contract/failure';
import { dataFolderHost, ExportService, type ExportHost } from '../../../electron/services/exports/service';

/** A feature's write: one file, three rows. */
const write = (file: string): Promise<{ rows: number }> => {
  writeFileSync(file, 'x');
  return Promise.resolve({ rows: 3 });
};

describe('export service', () => {
  it('answers cancelled when the dialog is closed, and writes nothing', async () => {
    let wrote = false;
    const service = new ExportService({ chooseTarget: () => Promise.resolve(null) });
    const outcome = await service.deliver('a.csv', 'csv', () => {
      wrote = true;
      return Promise.resolve({ rows: 0 });
    });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(wrote).toBe(false);
  });

  it('saves where the dialog says (adding the extension), and reveals only what it saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-exports-'));
    const revealed: string[] = [];
    const host: ExportHost = {
      chooseTarget: (name) => {
        expect(name).toBe('名单_2026-12-02.xlsx');
        return Promise.resolve({ kind: 'file', path: join(dir, 'chosen') });
      },
      reveal: (path) => revealed.push(path),
    };
    const service = new ExportService(host);
    const outcome = await service.deliver('名单_2026-12-02.xlsx', 'xlsx', write);
    if (outcome.status !== 'saved') throw new Error(outcome.status);
    expect(outcome).toMatchObject({ fileName: 'chosen.xlsx', rows: 3, canReveal: true });
    expect(readFileSync(join(dir, 'chosen.xlsx'), 'utf8')).toBe('x');
    expect(service.reveal(outcome.savedId)).toBe(true);
    expect(revealed).toEqual([join(dir, 'chosen.xlsx')]);
    expect(() => service.reveal('not-an-id-we-gave')).toThrow(/exports.saved_missing/);
  });

  it('answers a download for the browser host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-exports-'));
    const service = new ExportService({
      chooseTarget: () =>
        Promise.resolve({ kind: 'download', path: join(dir, 'd.csv'), url: '/downloads/abc' }),
    });
    expect(await service.deliver('结果.csv', 'csv', write)).toEqual({
      status: 'download',
      fileName: '结果.csv',
      rows: 3,
      url: '/downloads/abc',
    });
  });

  it('turns a failed write into exports.write_failed with the system reason', async () => {
    const service = new ExportService({
      chooseTarget: () => Promise.resolve({ kind: 'file', path: '/nonexistent-folder-cd/x.csv' }),
    });
    const failure = await service
      .deliver('x.csv', 'csv', async (file) => {
        await import('node:fs/promises').then((fs) => fs.writeFile(file, 'x'));
        return { rows: 1 };
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).code).toBe('exports.write_failed');
    expect((failure as AppFailure).text['zh-CN']).toContain('ENOENT');
  });

  it('numbers files in the data folder when no dialog exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-exports-'));
    const service = new ExportService(dataFolderHost(dir));
    const first = await service.deliver('a_2026-12-02.csv', 'csv', write);
    const second = await service.deliver('a_2026-12-02.csv', 'csv', write);
    expect(first).toMatchObject({ status: 'saved', fileName: 'a_2026-12-02.csv', canReveal: false });
    expect(second).toMatchObject({ status: 'saved', fileName: 'a_2026-12-02 (2).csv' });
    expect(existsSync(join(dir, 'exports', 'a_2026-12-02 (2).csv'))).toBe(true);
  });
});

/**
 * Hostile and damaged workbooks (issue 12): zip and deflate bombs, a 16 MB attribute, a
 * 5-million-character cell, twenty million shared strings, a sheet damaged in the middle, a
 * wrong CRC, a sheet whose XML stops early. Each is refused with a clear code, creates no
 * list, and the importing process stays under 512 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/services/contract/failure';
import { openWorkbook } from '../../../electron/services/importer/open';
import { WorkerWorkbook } from '../../../electron/services/importer/worker/parseHost';
import { XmlScanner } from '../../../electron/services/importer/xml';
import { openListServices } from '../../../electron/services/lists';
import { importFile } from '../../../electron/services/lists/importFile';
import { bombs, deflated } from '../../support/bombs';
import { handXlsx } from '../../support/handZip';

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'cd-bombs-'));

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    if (error instanceof AppFailure) return error.code;
    throw error;
  }
}

async function readAll(path: string): Promise<number> {
  const source = await openWorkbook(path);
  let rows = 0;
  for await (const batch of source.rows(source.sheets[0]!.name)) rows += batch.length;
  return rows;
}

const rowsXml = (count: number): string =>
  `<row r="1"><c r="A1" t="inlineStr"><is><t>手机号码</t></is></c><c r="B1" t="inlineStr"><is><t>备注</t></is></c></row>${Array.from(
    { length: count },
    (_, i) =>
      `<row r="${i + 2}"><c r="A${i + 2}"><v>${13800000000 + i}</v></c><c r="B${i + 2}" t="inlineStr"><is><t>第${i}行回访客户</t></is></c></row>`,
  ).join('')}`;
const sheetXml = (count: number): string =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml(count)}</sheetData></worksheet>`;

describe('bounded reading', () => {
  it('refuses every bomb as import.too_large, quickly, reading on this thread', async () => {
    for (const [name, bomb] of Object.entries(bombs())) {
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, bomb.bytes);
      const started = performance.now();
      expect(await code(readAll(path)), name).toBe(bomb.code);
      expect(performance.now() - started, name).toBeLessThan(15_000);
    }
  }, 120_000);

  it('fails an 18 KB file with a 16 MB unclosed attribute within a second (the scanner is linear)', async () => {
    const attribute = bombs()['a 16 MB attribute']!.bytes;
    expect(attribute.length).toBeLessThan(64 * 1024);
    const path = join(dir, 'attribute.xlsx');
    writeFileSync(path, attribute);
    const started = performance.now();
    expect(await code(readAll(path))).toBe('import.too_large');
    expect(performance.now() - started).toBeLessThan(1000);
    // Fed a character at a time, a long (legal) tag costs linear time too.
    const scanner = new XmlScanner({ open: () => undefined, close: () => undefined, text: () => undefined });
    const tag = `<c r="A1" x="${'a'.repeat(60_000)}">`;
    const feed = performance.now();
    for (let i = 0; i < tag.length; i += 16) scanner.write(tag.slice(i, i + 16));
    expect(performance.now() - feed).toBeLessThan(2000);
  });

  it('refuses a sheet damaged in the middle, a wrong CRC and XML that stops early as import.corrupt, creating no list', async () => {
    const services = openListServices(join(dir, 'data'));
    const xml = sheetXml(20_000);
    const body = deflated(xml);
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) & 0xff));
    const damaged = Buffer.concat([
      body.subarray(0, body.length >> 1),
      garbage,
      body.subarray((body.length >> 1) + 4096),
    ]);
    const stored = Buffer.from(xml);
    garbage.copy(stored, stored.length >> 1);
    const cases: Record<string, Buffer> = {
      'random bytes in the deflate data': handXlsx({
        sheets: [{ name: 'S', xml }],
        override: { 'xl/worksheets/sheet1.xml': { compressed: damaged } },
      }),
      'random bytes in a stored sheet (CRC)': handXlsx({
        sheets: [{ name: 'S', xml }],
        override: { 'xl/worksheets/sheet1.xml': { data: stored, method: 0, crc: 0x12345678 } },
      }),
      'a wrong CRC': handXlsx({
        sheets: [{ name: 'S', xml }],
        override: { 'xl/worksheets/sheet1.xml': { crc: 1 } },
      }),
      'sheet XML that stops before the end of sheetData': handXlsx({
        sheets: [{ name: 'S', xml: xml.slice(0, xml.lastIndexOf('<row ')) }],
      }),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, bytes);
      expect(await code(importFile(path, {}, services)), name).toBe('import.corrupt');
    }
    expect(services.store.listLists()).toEqual([]);
    expect(services.db.prepare('SELECT count(*) AS n FROM call_rows').get()).toEqual({ n: 0 });
    // The intact sheet imports whole.
    const intact = join(dir, 'intact.xlsx');
    writeFileSync(intact, handXlsx({ sheets: [{ name: 'S', xml }] }));
    expect((await importFile(intact, {}, services)).list.rowCount).toBe(20_000);
    services.close();
  }, 60_000);

  it('a file that gets past the bounds exhausts the worker, not this process: import.too_large', async () => {
    const path = join(dir, 'strings.xlsx');
    const many = Array.from({ length: 200_000 }, (_, i) => `<si><t>${'客户资料'.repeat(20)}${i}</t></si>`);
    writeFileSync(
      path,
      handXlsx({
        sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>199999</v></c></row>' }],
        sharedStrings: many,
      }),
    );
    const source = await WorkerWorkbook.open(path, {
      maxOldGenerationSizeMb: 12,
      maxYoungGenerationSizeMb: 4,
    });
    const reading = (async () => {
      for await (const _ of source.rows('S'));
    })();
    expect(await code(reading)).toBe('import.too_large');
    await source.close();
    // The same file with the normal limit reads.
    expect(await readAll(path)).toBe(1);
  }, 60_000);
});

describe('peak memory of the importing process', () => {
  it('stays under 512 MB on every bomb, imported the way the app does (through the parse worker)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cd-bomb-child-'));
    for (const [name, bomb] of Object.entries(bombs()))
      writeFileSync(join(folder, `${name}.xlsx`), bomb.bytes);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test/support/bombChild.ts'), folder],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 300_000,
      },
    );
    expect(child.status, child.stderr).toBe(0);
    const report = JSON.parse(child.stdout) as {
      codes: Record<string, string>;
      seconds: Record<string, number>;
      lists: number;
      maxRssMb: number;
    };
    console.info(`peak RSS ${report.maxRssMb.toFixed(0)} MB; seconds ${JSON.stringify(report.seconds)}`);
    const expected = Object.fromEntries(Object.entries(bombs()).map(([name, bomb]) => [name, bomb.code]));
    expect(report.codes).toEqual(expected);
    expect(report.lists).toBe(0);
    expect(report.maxRssMb).toBeLessThanOrEqual(512);
  }, 320_000);
});

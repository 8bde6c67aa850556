import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/services/contract/failure';
import { inspectFile } from '../../../electron/services/importer/inspect';
import { openWorkbook } from '../../../electron/services/importer/open';
import type { SheetRow } from '../../../electron/services/importer/source';
import { XmlScanner } from '../../../electron/services/importer/xml';
import { encryptedPackageBytes } from '../../support/workbooks';

const dir = mkdtempSync(join(tmpdir(), 'cd-xlsx-'));
const good = join(dir, 'good.xlsx');

async function readAll(path: string, sheet?: string): Promise<SheetRow[]> {
  const source = await openWorkbook(path);
  const rows: SheetRow[] = [];
  for await (const batch of source.rows(sheet ?? source.sheets[0]!.name)) rows.push(...batch);
  return rows;
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error.code;
    throw error;
  }
  return 'no error';
}

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('空白');
  const sheet = workbook.addWorksheet('名单');
  sheet.getCell('A1').value = '手机号码';
  sheet.getCell('B1').value = '姓名';
  sheet.getCell('C1').value = '日期';
  sheet.getCell('D1').value = '比例';
  sheet.getCell('A2').value = 13800138000;
  sheet.getCell('B2').value = { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] };
  sheet.getCell('C2').value = new Date(Date.UTC(2026, 10, 5));
  sheet.getCell('C2').numFmt = 'yyyy/m/d';
  sheet.getCell('D2').value = 0.25;
  sheet.getCell('D2').numFmt = '0%';
  sheet.getCell('A4').value = '139 0013 9000';
  sheet.getCell('B4').value = { formula: 'CONCAT("李","四")', result: '李四' };
  sheet.getCell('E4').value = true;
  await workbook.xlsx.writeFile(good);
});

describe('xlsx reader', () => {
  it('reads text, rich text, number cells digit for digit, dates, percentages, formulas', async () => {
    const source = await openWorkbook(good);
    expect(source.sheets.map((sheet) => sheet.name)).toEqual(['空白', '名单']);
    expect(await readAll(good, '名单')).toEqual([
      { rowNumber: 1, cells: ['手机号码', '姓名', '日期', '比例'] },
      { rowNumber: 2, cells: ['13800138000', '张三', '2026-11-05', '25%'] },
      { rowNumber: 4, cells: ['139 0013 9000', '李四', '', '', 'TRUE'] },
    ]);
  });

  it('inspects the first sheet with data', async () => {
    const inspection = await inspectFile(good);
    expect(inspection.sheet).toBe('名单');
    expect(inspection.headerRow).toBe(1);
    expect(inspection.suggestedMapping.telephone).toBe(0);
  });

  it('never splits a Chinese character across chunks, however the bytes arrive', () => {
    const xml = `<sst><si><t>${'回访客户满意度调查'.repeat(50)}&amp;&#x4E2D;</t></si></sst>`;
    const bytes = Buffer.from(xml);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      let text = '';
      let inT = false;
      const scanner = new XmlScanner({
        open: (name) => (inT = name === 't'),
        close: () => (inT = false),
        text: (piece) => {
          if (inT) text += piece;
        },
      });
      const decoder = new TextDecoder('utf-8');
      for (let at = 0; at < bytes.length; at += size)
        scanner.write(decoder.decode(bytes.subarray(at, at + size), { stream: true }));
      scanner.end();
      expect(text, `chunks of ${size}`).toBe(`${'回访客户满意度调查'.repeat(50)}&中`);
    }
  });
});

describe('files that are not importable workbooks', () => {
  it('answers with a stable code for each kind of bad file', async () => {
    const bytes = readFileSync(good);
    const cases: [string, Buffer | string, string][] = [
      ['truncated.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)), 'import.truncated'],
      [
        'page.xlsx',
        '<!DOCTYPE html><html><body><table><tr><td>手机</td></tr></table></body></html>',
        'import.not_a_workbook',
      ],
      ['empty.xlsx', '', 'import.empty'],
      ['binary.xlsx', Buffer.from([0x00, 0x01, 0x02, 0x89, 0x50, 0x4e, 0x47]), 'import.not_a_workbook'],
      ['locked.xlsx', encryptedPackageBytes(), 'import.encrypted'],
      ['blank.csv', '\n\n , \n', 'import.empty'],
    ];
    for (const [name, content, code] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      expect(await failure(inspectFile(path)), name).toBe(code);
    }
    expect(await failure(inspectFile(join(dir, 'missing.xlsx')))).toBe('import.unreadable');
    expect(await failure(inspectFile(good, { sheet: 'nope' }))).toBe('import.no_such_sheet');
  });
});

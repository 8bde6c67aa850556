import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvWorkbook, decodeCsv, detectDelimiter, parseCsv } from '../../../electron/services/importer/csv';

const dir = mkdtempSync(join(tmpdir(), 'cd-csv-'));
const TEXT = '手机号码,姓名,备注\n13800138000,张三,"住址：北京市朝阳区, 三里屯"\n';

/** GBK bytes from Debian's iconv (Node has no GBK encoder). */
function gbk(text: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text });
}

describe('CSV decoding', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsv(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8', oddLines: [] });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({
      text: TEXT,
      encoding: 'utf-8',
      oddLines: [],
    });
  });

  it('detects GBK/GB18030 when the bytes are not valid UTF-8', () => {
    const bytes = gbk(TEXT);
    expect(bytes.equals(Buffer.from(TEXT))).toBe(false);
    expect(decodeCsv(bytes)).toEqual({ text: TEXT, encoding: 'gb18030', oddLines: [] });
    // Mostly ASCII with the Chinese far down the file: the whole file decides, not its start.
    const late = `${'phone,name\n'}${'13800138000,abc\n'.repeat(5000)}13900139000,李四\n`;
    expect(decodeCsv(gbk(late)).text).toBe(late);
  });

  it('reads UTF-16 (Excel “Unicode text”) by its BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('手机\t姓名\n', 'utf16le')]);
    expect(decodeCsv(bytes).text).toBe('手机\t姓名\n');
    expect(detectDelimiter('手机\t姓名\n')).toBe('\t');
  });
});

describe('CSV records', () => {
  const records = (text: string) => [...parseCsv(text)];

  it('handles quoted commas, line breaks and doubled quotes', () => {
    expect(records('a,"b,c","he said ""hi""","line1\nline2"\r\nx,y\n')).toEqual([
      [1, ['a', 'b,c', 'he said "hi"', 'line1\nline2']],
      [2, ['x', 'y']],
    ]);
  });

  it('numbers records as Excel shows rows: blank lines count, a quoted line break does not', () => {
    expect(records('h1,h2\n\n"a\nb",c\nd,e')).toEqual([
      [1, ['h1', 'h2']],
      [2, ['']],
      [3, ['a\nb', 'c']],
      [4, ['d', 'e']],
    ]);
    expect(records('x,\r\r\n,y')).toEqual([
      [1, ['x', '']],
      [2, ['']],
      [3, ['', 'y']],
    ]);
  });

  it('keeps quotes inside unquoted fields and empty quoted fields', () => {
    expect(records('5"5,"",z\n')).toEqual([[1, ['5"5', '', 'z']]]);
  });

  it('streams a GBK file as one sheet named after the file, with sheet row numbers', async () => {
    const path = join(dir, '十一月名单.csv');
    writeFileSync(path, gbk('回访名单\n手机号码,姓名\n13800138000,张三\n\n13900139000,李四\n'));
    const workbook = await CsvWorkbook.open(path);
    expect(workbook.encoding).toBe('gb18030');
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['十一月名单']);
    const rows = [];
    for await (const batch of workbook.rows('十一月名单')) rows.push(...batch);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['回访名单'] },
      { rowNumber: 2, cells: ['手机号码', '姓名'] },
      { rowNumber: 3, cells: ['13800138000', '张三'] },
      { rowNumber: 5, cells: ['13900139000', '李四'] },
    ]);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvWorkbook, decodeCsv, detectDelimiter, parseCsv } from '../../../electron/services/importer/csv';
import { inspectFile } from '../../../electron/services/importer/inspect';

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

describe('CSV in UTF-16 and UTF-32 without (or with) a BOM', () => {
  const sample = '手机号码,姓名\n13800138000,张三\n13900139000,李四\n';
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
  const utf32 = (text: string, little: boolean): Buffer => {
    const codes = [...text].map((char) => char.codePointAt(0) as number);
    const bytes = Buffer.alloc(codes.length * 4);
    codes.forEach((code, i) =>
      little ? bytes.writeUInt32LE(code, i * 4) : bytes.writeUInt32BE(code, i * 4),
    );
    return bytes;
  };
  const cases: [string, Buffer][] = [
    ['utf-16le', Buffer.from(sample, 'utf16le')],
    ['utf-16be', utf16be(sample)],
    ['utf-32le', utf32(sample, true)],
    ['utf-32be', utf32(sample, false)],
    ['utf-32le', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(sample, true)])],
    ['utf-32be', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(sample, false)])],
  ];

  it('detects and decodes them, never leaving NULs in the cells', async () => {
    for (const [encoding, bytes] of cases) {
      expect(decodeCsv(bytes), encoding).toEqual({ text: sample, encoding, oddLines: [] });
      const path = join(dir, `wide-${encoding}-${bytes.length}.csv`);
      writeFileSync(path, bytes);
      const inspection = await inspectFile(path);
      expect(inspection.sampleRows, encoding).toEqual([
        { rowNumber: 2, cells: ['13800138000', '张三'] },
        { rowNumber: 3, cells: ['13900139000', '李四'] },
      ]);
    }
  });
});

describe('CSV damage reported with its rows', () => {
  it('reads a file mixing UTF-8 and GBK lines line by line and reports the odd lines', async () => {
    const utf8 = Buffer.from('手机号码,姓名,备注\n13800138000,张三,"第一行\n第二行"\n');
    const gbkPart = gbk('13900139000,李四,老客户\n13700137000,王五,新客户\n');
    const tail = Buffer.from('13600136000,赵六,回访\n');
    const path = join(dir, 'mixed.csv');
    writeFileSync(path, Buffer.concat([utf8, gbkPart, tail]));
    const decoded = decodeCsv(readFileSync(path));
    expect(decoded.encoding).toBe('mixed');
    expect(decoded.text).toBe(
      '手机号码,姓名,备注\n13800138000,张三,"第一行\n第二行"\n13900139000,李四,老客户\n13700137000,王五,新客户\n13600136000,赵六,回访\n',
    );
    const workbook = await CsvWorkbook.open(path);
    const rows = [];
    for await (const batch of workbook.rows(workbook.sheets[0]!.name)) rows.push(...batch);
    expect(rows.map((row) => row.cells[1])).toEqual(['姓名', '张三', '李四', '王五', '赵六']);
    // Four lines are UTF-8 (one record spans two of them), two are GBK: rows 3 and 4 are odd.
    expect(workbook.problems).toEqual([
      { code: 'csv.mixed_encoding', row: 3 },
      { code: 'csv.mixed_encoding', row: 4 },
    ]);
    expect((await inspectFile(path)).fileProblems).toEqual(workbook.problems);
  });

  it('ends a quote that never closes at its line and reports its row, instead of swallowing the file', async () => {
    const text = '手机号码,姓名\n13800138000,"张三\n13900139000,李四\n13700137000,王五\n';
    const problems: number[] = [];
    expect([...parseCsv(text, ',', { onUnclosedQuote: (row) => problems.push(row) })]).toEqual([
      [1, ['手机号码', '姓名']],
      [2, ['13800138000', '张三']],
      [3, ['13900139000', '李四']],
      [4, ['13700137000', '王五']],
    ]);
    expect(problems).toEqual([2]);
    // A quote closed only far below (past Excel's 32,767 characters in one cell) is the same.
    const far = `手机号码,姓名\n13800138000,"张三\n${'13900139000,李四\n'.repeat(3000)}x"\n`;
    const found: number[] = [];
    const records = [...parseCsv(far, ',', { onUnclosedQuote: (row) => found.push(row) })];
    expect(found).toEqual([2]);
    expect(records).toHaveLength(3003);
    expect(records[2]).toEqual([3, ['13900139000', '李四']]);
  });
});

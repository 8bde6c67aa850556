import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { convert, hasSoffice, SOFFICE_MISSING } from '../../support/libreoffice';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';

async function cli(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr }, { LANG: 'en_US.UTF-8' });
  return { code, out, err };
}

describe('campaign-desk import / lists / export', () => {
  it('imports a file, reports problems by sheet row, lists and exports it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-lists-'));
    const file = join(dir, '回访.csv');
    writeFileSync(file, '回访名单\n手机号码,姓名\n13800138000,张三\n12345,李四\n13800138000,王五\n');
    const imported = await cli(['import', file, '--data-dir', dir, '--json', '--name', '十一月']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toEqual({
      list: { id: 1, name: '十一月', rows: 3 },
      valid: 1,
      problems: [
        { row: 4, column: '手机号码', code: 'phone.invalid', value: '12345' },
        { row: 5, column: '手机号码', code: 'phone.duplicate', value: '13800138000' },
      ],
      fileProblems: [],
    });
    const human = await cli(['--data-dir', dir, 'import', file]);
    expect(human.out).toContain('Imported list #2 “回访”: 3 rows, 1 ready to dial, 2 problems.');
    expect(human.out).toContain('A4');

    const lists = JSON.parse((await cli(['lists', '--json', '--data-dir', dir])).out) as {
      lists: { id: number; rows: number }[];
    };
    expect(lists.lists.map((list) => [list.id, list.rows])).toEqual([
      [2, 3],
      [1, 3],
    ]);
    const out = join(dir, 'out.csv');
    expect((await cli(['export', '1', '--out', out, '--data-dir', dir])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFF手机号码,姓名,Row ID\r\n"=""13800138000""",张三,CD-/);
  });

  it('exits non-zero with { error: { code, message } } for a file it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-lists-'));
    const file = join(dir, 'page.xlsx');
    writeFileSync(file, '<html><body>登录超时</body></html>');
    const result = await cli(['import', file, '--json', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out).error).toMatchObject({
      code: 'import.not_a_workbook',
      message: expect.stringContaining('not an Excel'),
    });
    expect(JSON.parse((await cli(['lists', '--json', '--data-dir', dir])).out)).toEqual({ lists: [] });
    const missing = await cli(['export', '9', '--out', join(dir, 'x.xlsx'), '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('[lists.not_found]');
  });

  it.skipIf(!hasSoffice())(
    `inspect shows what import would read; import takes the sheet, header row, phone and variable columns${hasSoffice() ? '' : ` (${SOFFICE_MISSING})`}`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cd-cli-inspect-'));
      // Written by LibreOffice: a title row, then headers on row 2 with the phone in column C (as text).
      const csv = join(dir, '回访表.csv');
      writeFileSync(csv, '十一月回访,,\n客户,备注,联系方式\n张三,老客户,13800138000\n李四,,02191248839\n');
      const [file] = convert([csv], 'xlsx', dir, { infilter: 'CSV:44,34,76,1,1/2/2/2/3/2' }) as [string];
      const json = await cli(['--data-dir', dir, '--json', 'inspect', file, '--rows', 'all']);
      expect(json.code, json.err).toBe(0);
      const seen = JSON.parse(json.out) as {
        sheet: string;
        headerRow: number;
        columns: { letter: string; role: string; reason: string }[];
        rows: { row: number; cells: string[] }[];
      };
      expect(seen.headerRow).toBe(2);
      expect(seen.columns.find((c) => c.letter === 'C')).toMatchObject({ role: 'telephone' });
      expect(seen.rows).toEqual([
        { row: 1, cells: ['十一月回访'] },
        { row: 2, cells: ['客户', '备注', '联系方式'] },
        { row: 3, cells: ['张三', '老客户', '13800138000'] },
        { row: 4, cells: ['李四', '', '02191248839'] },
      ]);
      const few = JSON.parse(
        (await cli(['--data-dir', dir, '--json', 'inspect', file, '--rows', '1'])).out,
      ) as {
        rows: unknown[];
      };
      expect(few.rows).toHaveLength(1);
      const text = await cli(['--data-dir', dir, 'inspect', file]);
      expect(text.out).toContain('C  联系方式  → telephone');

      // Only the variable asked for, by header text; the phone column by letter.
      const imported = await cli([
        '--data-dir',
        dir,
        '--json',
        'import',
        file,
        '--header-row',
        '2',
        '--phone',
        'C',
        '--var',
        '姓名=客户',
      ]);
      expect(imported.code, imported.err).toBe(0);
      const listId = (JSON.parse(imported.out) as { list: { id: number } }).list.id;
      const out = join(dir, 'out.csv');
      expect((await cli(['--data-dir', dir, 'export', String(listId), '--out', out])).code).toBe(0);
      const exported = readFileSync(out, 'utf8');
      expect(exported).toContain('姓名');
      expect(exported).not.toContain('备注');
      expect((await cli(['--data-dir', dir, 'import', file, '--sheet', '0'])).code).toBe(2);
      expect((await cli(['--data-dir', dir, 'inspect', file, '--rows', 'many'])).code).toBe(2);
    },
  );
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
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
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFF手机号码,姓名,outid\r\n13800138000,张三,CD-/);
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
});

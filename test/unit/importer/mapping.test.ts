import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_MIGRATIONS } from '../../../electron/services/db/appMigrations';
import { openDatabase } from '../../../electron/services/db/database';
import { checkMapping, detectHeaderRow, suggestMapping } from '../../../electron/services/importer/mapping';
import { headerSignature, MappingMemory } from '../../../electron/services/importer/mappingMemory';
import type { SheetRow } from '../../../electron/services/importer/source';

const rows = (...lines: [number, string[]][]): SheetRow[] =>
  lines.map(([rowNumber, cells]) => ({ rowNumber, cells }));

describe('header row detection', () => {
  it('skips a merged title and a blank row to the header on row 3', () => {
    const sheet = rows(
      [1, ['2026年11月回访名单']],
      [3, ['序号', '客户姓名', '联系电话', '备注']],
      [4, ['1', '张三', '13800138000', '']],
      [5, ['2', '李四', '13900139000', 'VIP']],
    );
    expect(detectHeaderRow(sheet)).toBe(3);
  });

  it('finds a header without known names as the first full-width row without phone numbers', () => {
    const sheet = rows(
      [1, ['客户回访']],
      [2, ['制表：王五', '', '2026-11-01']],
      [3, ['甲', '乙', '丙', '丁']],
      [4, ['13800138000', 'a', 'b', 'c']],
    );
    expect(detectHeaderRow(sheet)).toBe(3);
    // No header at all: the first row.
    expect(detectHeaderRow(rows([1, ['13800138000', '张三']], [2, ['13900139000', '李四']]))).toBe(1);
  });
});

describe('column mapping', () => {
  it('matches common Chinese and English headers, whatever their width, case or marks', () => {
    expect(suggestMapping(['客户编号', '姓名', '*手机号码', '备注', '备注', ''], [])).toEqual({
      telephone: 2,
      outid: 0,
      variables: [
        { column: 1, name: '姓名' },
        { column: 3, name: '备注' },
        { column: 4, name: '备注2' },
      ],
    });
    for (const header of [
      '手机',
      '电话',
      '电话号码',
      '联系电话',
      '号码',
      'Telephone',
      'PHONE',
      'Mobile',
      '手机号码：',
      'ｐｈｏｎｅ',
    ])
      expect(suggestMapping(['x', header], []).telephone, header).toBe(1);
    for (const header of ['编号', 'outid', 'ID', 'OutId'])
      expect(suggestMapping([header, '手机'], []).outid, header).toBe(0);
  });

  it('falls back to the column holding phone numbers', () => {
    const samples = rows([2, ['张三', '13800138000']], [3, ['李四', '139-0013-9000']]);
    expect(suggestMapping(['姓名', '甲'], samples).telephone).toBe(1);
  });

  it('rejects unusable mappings', () => {
    expect(() => checkMapping({ telephone: 0, outid: 0, variables: [] }, 3)).toThrow(/bad_mapping/);
    expect(() =>
      checkMapping({ telephone: 0, outid: null, variables: [{ column: 1, name: 'a^b' }] }, 3),
    ).toThrow(/bad_mapping/);
    expect(() =>
      checkMapping(
        {
          telephone: 0,
          outid: null,
          variables: [
            { column: 1, name: 'a' },
            { column: 2, name: 'a' },
          ],
        },
        3,
      ),
    ).toThrow(/bad_mapping/);
    expect(() => checkMapping({ telephone: 5, outid: null, variables: [] }, 3)).toThrow(/bad_mapping/);
    expect(() =>
      checkMapping({ telephone: 0, outid: null, variables: [{ column: 1, name: '姓名' }] }, 3),
    ).not.toThrow();
  });
});

describe('mapping memory', () => {
  it('remembers a mapping per normalised header set, across reopening', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cd-map-')), 'db.sqlite');
    const mapping = { telephone: 1, outid: null, variables: [{ column: 0, name: '名字' }] };
    let db = openDatabase(file, { migrations: APP_MIGRATIONS });
    new MappingMemory(db).remember(['姓名', '手机号码'], mapping);
    db.close();
    db = openDatabase(file, { migrations: APP_MIGRATIONS });
    const memory = new MappingMemory(db);
    expect(memory.recall([' 姓名', '手机号码 ', ''])).toEqual(mapping);
    expect(memory.recall(['姓名', '电话'])).toBeUndefined();
    expect(headerSignature(['ＩＤ', 'Phone'])).toBe(headerSignature(['id', 'phone']));
    db.close();
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/services/contract/failure';
import { APP_MIGRATIONS } from '../../../electron/services/db/appMigrations';
import { IMPORT_ERRORS } from '../../../electron/services/importer/errors';
import { inspectFile } from '../../../electron/services/importer/inspect';
import { openDatabase } from '../../../electron/services/db/database';
import { checkMapping, detectHeaderRow, suggestMapping } from '../../../electron/services/importer/mapping';
import { headerSignature, MappingMemory } from '../../../electron/services/importer/mappingMemory';
import type { SheetRow } from '../../../electron/services/importer/source';
import { openListServices } from '../../../electron/services/lists';
import { importFile } from '../../../electron/services/lists/importFile';

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

describe('a workbook without a phone column', () => {
  it('is not mapped to column A by default: telephone stays -1 and the import says why', async () => {
    const samples = rows([2, ['张三', '北京']], [3, ['李四', '上海']]);
    const mapping = suggestMapping(['姓名', '地址'], samples);
    expect(mapping.telephone).toBe(-1);
    expect(mapping.variables.map((variable) => variable.column)).toEqual([0, 1]);
    expect(() => checkMapping(mapping, 2)).toThrow(/import\.no_phone_column/);
    const dir = mkdtempSync(join(tmpdir(), 'cd-nophone-'));
    const file = join(dir, '没有电话.csv');
    writeFileSync(file, '姓名,地址\n张三,北京\n李四,上海\n');
    const inspection = await inspectFile(file);
    expect(inspection.fileProblems).toEqual([{ code: 'file.no_phone_column', row: null }]);
    const services = openListServices(join(dir, 'data'));
    const failure = await importFile(file, {}, services).catch((error: AppFailure) => error);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).code).toBe('import.no_phone_column');
    expect(IMPORT_ERRORS['import.no_phone_column'].en).toMatch(/--phone/);
    // Choosing the column (the CLI's --phone) imports it.
    writeFileSync(file, '姓名,号码栏\n张三,13800138000\n李四,13900139000\n');
    const result = await importFile(file, { phone: '号码栏' }, services);
    expect(result.list.rowCount).toBe(2);
    expect(services.store.listLists()).toHaveLength(1);
    services.close();
  });
});

describe('small sheets', () => {
  it('never takes a data row whose cell says 电话 or 手机 for the header, so 2–10 data rows import', async () => {
    const sheet = rows(
      [1, ['姓名', '联系人号码', '回访方式']],
      [2, ['张三', '13800138000', '短信']],
      [3, ['李四', '13900139000', '微信']],
      [4, ['王五', '13700137000', '电话']],
    );
    expect(detectHeaderRow(sheet)).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'cd-small-'));
    const services = openListServices(join(dir, 'data'));
    for (const [name, text, count] of [
      ['a.csv', '姓名,联系人号码,回访方式\n张三,13800138000,短信\n李四,13900139000,电话\n', 2],
      ['b.csv', '客户,Tel.,备注\n张三,13800138000,\n李四,13900139000,手机\n王五,13700137000,\n', 3],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const result = await importFile(file, {}, services);
      expect(result.list.rowCount, name).toBe(count);
    }
    services.close();
  });
});

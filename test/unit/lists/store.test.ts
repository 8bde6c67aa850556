import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallListColumns } from '../../../shared/callList';
import { APP_MIGRATIONS } from '../../../electron/services/db/appMigrations';
import { openDatabase } from '../../../electron/services/db/database';
import { migrate, MigrationError } from '../../../electron/services/db/migrations';
import { openWorkbook } from '../../../electron/services/importer/open';
import { applyEdits, exportList, openListServices, type CallRowEdit } from '../../../electron/services/lists';
import { ImportSession } from '../../../electron/services/lists/importSession';
import { LIST_MIGRATIONS } from '../../../electron/services/lists/schema';
import type { CallListStore } from '../../../electron/services/lists/store';

const COLUMNS: CallListColumns = {
  telephoneHeader: '手机号码',
  outidHeader: null,
  variables: ['姓名', '备注'],
  order: ['var:姓名', 'telephone', 'var:备注'],
};

function setup(rows: [string, string, string][]) {
  const services = openListServices(mkdtempSync(join(tmpdir(), 'cd-lists-')));
  const session = new ImportSession(services.store, {
    name: '测试',
    sourceFile: 't.xlsx',
    sourceSheet: 'S',
    headerRow: 1,
    columns: COLUMNS,
  });
  session.append(
    rows.map(([phone, name, note], index) => ({
      sourceRow: index + 2,
      telephoneRaw: phone,
      outid: null,
      variables: [name, note],
    })),
  );
  const list = session.finish();
  return { ...services, list };
}

const snapshot = (store: CallListStore, listId: number) =>
  store.getRows(listId, 0, 1000).map((row) => ({
    id: row.id,
    position: row.position,
    phone: row.telephoneRaw,
    outid: row.outid,
    vars: row.variables,
    problems: row.problems.map((problem) => problem.code),
  }));

describe('database', () => {
  it('applies each feature’s migrations once and refuses a database from a newer app', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cd-db-')), 'x.sqlite');
    const db = openDatabase(file, { migrations: APP_MIGRATIONS });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrate(db, APP_MIGRATIONS)).toEqual([]);
    const next = LIST_MIGRATIONS.length + 1;
    const extra = {
      feature: 'lists',
      version: next,
      name: 'x',
      up: (d: typeof db) => d.exec('CREATE TABLE extra (a)'),
    };
    expect(migrate(db, [...APP_MIGRATIONS, extra])).toEqual([`lists/${next}`]);
    expect(() => migrate(db, APP_MIGRATIONS)).toThrow(MigrationError);
    const failing = {
      feature: 'lists',
      version: next + 1,
      name: 'boom',
      up: (d: typeof db) => (d.exec('CREATE TABLE half (a)'), d.exec('nonsense')),
    };
    expect(() => migrate(db, [...APP_MIGRATIONS, extra, failing])).toThrow();
    // The failed step left nothing behind.
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('call list store', () => {
  it('hides an import until it finishes and discards one a crash cut off', () => {
    const { store, list } = setup([['13800138000', '张三', '']]);
    const session = new ImportSession(store, {
      name: '半个',
      sourceFile: null,
      sourceSheet: null,
      headerRow: null,
      columns: COLUMNS,
    });
    session.append([{ sourceRow: 2, telephoneRaw: '13900139000', outid: null, variables: ['a', 'b'] }]);
    expect(store.listLists().map((l) => l.id)).toEqual([list.id]);
    expect(() => store.getRows(session.listId, 0, 10)).toThrow(/not_found/);
    // This process is alive and owns it: kept. Owned by a live other process: kept.
    expect(store.discardInterruptedImports()).toBe(0);
    const owner = spawnSync('true').pid as number;
    store.db.prepare('UPDATE call_lists SET import_owner_pid = ? WHERE id = ?').run(owner, session.listId);
    expect(store.discardInterruptedImports(() => true)).toBe(0);
    // Its process is gone (the crash): discarded.
    expect(store.discardInterruptedImports()).toBe(1);
    expect(
      store.db.prepare('SELECT count(*) AS n FROM call_rows WHERE list_id = ?').get(session.listId),
    ).toEqual({ n: 0 });
  });

  it('re-validates an edited cell and the duplicate flags of the old and the new number; undo and redo', () => {
    const { store, list } = setup([
      ['13800138000', '张三', ''],
      ['13800138000', '李四', ''],
      ['13900139000', '王五', ''],
    ]);
    const [a, b, c] = store.getRows(list.id, 0, 3);
    expect(snapshot(store, list.id).map((row) => row.problems)).toEqual([[], ['phone.duplicate'], []]);
    // Row a takes c's number: b is no longer a duplicate, c now is.
    const done = applyEdits(store, list.id, [
      { kind: 'set', rowId: a!.id, column: 'telephone', value: '139-0013-9000' },
    ]);
    expect(snapshot(store, list.id).map((row) => row.problems)).toEqual([[], [], ['phone.duplicate']]);
    expect(store.getRows(list.id, 2, 1)[0]?.problems[0]).toMatchObject({
      code: 'phone.duplicate',
      duplicateOf: a!.id,
    });
    const edited = snapshot(store, list.id);
    const undone = applyEdits(store, list.id, done.inverse);
    expect(snapshot(store, list.id).map((row) => [row.phone, row.problems])).toEqual([
      ['13800138000', []],
      ['13800138000', ['phone.duplicate']],
      ['13900139000', []],
    ]);
    applyEdits(store, list.id, undone.inverse);
    expect(snapshot(store, list.id)).toEqual(edited);
    // Variables: `^` and `|` cannot be sent; invalid and missing phones are flagged.
    applyEdits(store, list.id, [
      { kind: 'set', rowId: b!.id, column: 'var:备注', value: 'A^B' },
      { kind: 'set', rowId: c!.id, column: 'telephone', value: '1.38E+10' },
      { kind: 'set', rowId: b!.id, column: 'telephone', value: '' },
    ]);
    expect(snapshot(store, list.id).map((row) => row.problems)).toEqual([
      [],
      ['phone.missing', 'variable.unencodable'],
      ['phone.invalid'],
    ]);
    expect(store.getList(list.id).validCount).toBe(1);
    expect(store.queryRowIds(list.id, { problem: 'any' })).toEqual([b!.id, c!.id]);
    expect(store.queryRowIds(list.id, { problem: 'phone.invalid' })).toEqual([c!.id]);
  });

  it('inserts and deletes rows keeping positions contiguous; undo restores ids and outids', () => {
    const { store, list } = setup([
      ['13800000001', 'a', ''],
      ['13800000002', 'b', ''],
      ['13800000003', 'c', ''],
      ['13800000004', 'd', ''],
      ['13800000005', 'e', ''],
    ]);
    const before = snapshot(store, list.id);
    const ids = before.map((row) => row.id);
    const deleted = applyEdits(store, list.id, [{ kind: 'delete', rowIds: [ids[3]!, ids[1]!, ids[0]!] }]);
    expect(snapshot(store, list.id).map((row) => [row.position, row.vars[0]])).toEqual([
      [0, 'c'],
      [1, 'e'],
    ]);
    const inserted = applyEdits(store, list.id, [
      { kind: 'insert', at: 1, rows: [{ telephoneRaw: '13800000002', variables: ['new'] }] },
    ]);
    const added = store.getRows(list.id, 1, 1)[0]!;
    expect(added.variables).toEqual(['new', '']);
    // Generated outids are never reused, even for numbers deleted rows had.
    expect(before.map((row) => row.outid)).not.toContain(added.outid);
    applyEdits(store, list.id, inserted.inverse);
    applyEdits(store, list.id, deleted.inverse);
    expect(snapshot(store, list.id)).toEqual(before);
    // A batch with a bad edit changes nothing.
    const bad: CallRowEdit[] = [
      { kind: 'set', rowId: ids[0]!, column: 'var:姓名', value: 'changed' },
      { kind: 'set', rowId: 999_999, column: 'telephone', value: 'x' },
    ];
    expect(() => applyEdits(store, list.id, bad)).toThrow(/row_not_found/);
    expect(snapshot(store, list.id)).toEqual(before);
  });

  it('sorts names by pinyin in main (Intl.Collator zh-CN), empty cells first, ties in list order', () => {
    const { store, list } = setup([
      ['13800000001', '丁一', 'b'],
      ['13800000002', '张三', 'a'],
      ['13800000003', '阿四', 'a'],
      ['13800000004', '', 'a'],
      ['13800000005', '陈二', 'a'],
    ]);
    const ids = store.queryRowIds(list.id);
    const names = (order: number[]) => store.getRowsByIds(list.id, order).map((row) => row.variables[0]);
    expect(names(store.queryRowIds(list.id, { sortBy: 'var:姓名' }))).toEqual([
      '',
      '阿四',
      '陈二',
      '丁一',
      '张三',
    ]);
    expect(names(store.queryRowIds(list.id, { sortBy: 'var:姓名', descending: true }))).toEqual([
      '张三',
      '丁一',
      '陈二',
      '阿四',
      '',
    ]);
    // Equal keys keep the list's order, ascending or not.
    expect(store.queryRowIds(list.id, { sortBy: 'var:备注' })).toEqual([
      ids[1],
      ids[2],
      ids[3],
      ids[4],
      ids[0],
    ]);
    expect(store.queryRowIds(list.id, { sortBy: 'var:备注', descending: true })).toEqual([
      ids[0],
      ids[1],
      ids[2],
      ids[3],
      ids[4],
    ]);
  });

  it('keeps the stored sort keys in step with edits, inserts, deletes and the problem filter', () => {
    const { store, list } = setup([
      ['13800000001', '丁一', ''],
      ['13800000002', '张三', ''],
      ['13800000003', '阿四', ''],
    ]);
    const keyCount = () =>
      (store.db.prepare('SELECT count(*) AS n FROM call_row_keys').get() as { n: number }).n;
    const names = (order: number[]) => store.getRowsByIds(list.id, order).map((row) => row.variables[0]);
    const byName = () => names(store.queryRowIds(list.id, { sortBy: 'var:姓名' }));
    // The first sort writes nothing; the keys it wants are made afterwards, one column a pass.
    expect(byName()).toEqual(['阿四', '丁一', '张三']);
    expect(keyCount()).toBe(0);
    expect(store.sortKeys.hasWanted()).toBe(true);
    expect(store.sortKeys.buildWanted()).toBe(false);
    expect(keyCount()).toBe(3);
    const zhang = store.getRows(list.id, 0, 10).find((row) => row.variables[0] === '张三')!;
    applyEdits(store, list.id, [{ kind: 'set', rowId: zhang.id, column: 'var:姓名', value: '白五' }]);
    expect(byName()).toEqual(['阿四', '白五', '丁一']);
    expect(store.sortKeys.hasWanted()).toBe(false);
    applyEdits(store, list.id, [
      { kind: 'insert', at: 0, rows: [{ telephoneRaw: '123', variables: ['陈六', ''] }] },
    ]);
    // Positions moved: the keys are gone, the next sort sorts without them and wants them again.
    expect(keyCount()).toBe(0);
    expect(byName()).toEqual(['阿四', '白五', '陈六', '丁一']);
    store.sortKeys.buildWanted();
    expect(keyCount()).toBe(4);
    expect(byName()).toEqual(['阿四', '白五', '陈六', '丁一']);
    // Only the rows with a problem (the bad number), still by pinyin.
    expect(names(store.queryRowIds(list.id, { sortBy: 'var:姓名', problem: 'any' }))).toEqual(['陈六']);
    applyEdits(store, list.id, [{ kind: 'delete', rowIds: [zhang.id] }]);
    // A delete keeps the others' keys (their order is unchanged) and drops the deleted row's.
    expect(keyCount()).toBe(3);
    expect(byName()).toEqual(['阿四', '陈六', '丁一']);
    expect(store.sortKeys.hasWanted()).toBe(false);
    // Deleting the list takes its keys with it, and a key pass wanted for it makes none.
    store.queryRowIds(list.id, { sortBy: 'var:备注' });
    store.deleteList(list.id);
    expect(store.sortKeys.buildWanted()).toBe(false);
    expect(keyCount()).toBe(0);
  });

  it('answers the same order without stored keys as with them: pinyin, digits by value, ties, filter', () => {
    const pick = <T>(items: readonly T[], i: number): T => items[(i * 7919) % items.length]!;
    const NAMES = ['丁一', '阿四', '张三', '', 'bob', 'Alice', '王5号', '王10号', '曾', '重庆', '＃1', 'a-b'];
    const rows = Array.from({ length: 240 }, (_, i): [string, string, string] => [
      i % 9 === 0 ? '123' : `138${String(i).padStart(8, '0')}`,
      pick(NAMES, i),
      pick(['甲', '乙', '丙', '07', '7', 'x'], i + 3),
    ]);
    const { store, list } = setup(rows);
    const queries = [
      { sortBy: 'var:姓名' },
      { sortBy: 'var:姓名', descending: true },
      { sortBy: 'var:备注', problem: 'any' as const },
      { sortBy: 'var:备注', descending: true },
      { sortBy: 'outid' },
    ];
    const before = queries.map((query) => store.queryRowIds(list.id, query));
    while (store.sortKeys.buildWanted());
    expect(store.db.prepare('SELECT count(DISTINCT col) AS n FROM call_row_key_columns').get()).toEqual({
      n: 3,
    });
    const after = queries.map((query) => store.queryRowIds(list.id, query));
    expect(after).toEqual(before);
    // Every fifth row deleted: the keys left answer as a sort without keys does.
    const ids = store.queryRowIds(list.id);
    applyEdits(store, list.id, [{ kind: 'delete', rowIds: ids.filter((_, i) => i % 5 === 2) }]);
    const keyed = queries.map((query) => store.queryRowIds(list.id, query));
    expect(keyed[0]).toHaveLength(240 - 48);
    store.sortKeys.invalidate(list.id);
    expect(queries.map((query) => store.queryRowIds(list.id, query))).toEqual(keyed);
    expect(before[0]!.length).toBe(240);
    expect(new Set(before[2]).size).toBe(before[2]!.length);
    expect(before[2]!.length).toBe(rows.filter((row) => row[0] === '123').length);
  });

  it('sorts views, renames, duplicates and deletes lists', () => {
    const { store, list } = setup([
      ['13800000003', '丙', ''],
      ['13800000001', '甲', ''],
      ['13800000002', '乙', ''],
    ]);
    const ids = store.queryRowIds(list.id);
    expect(store.queryRowIds(list.id, { sortBy: 'telephone' })).toEqual([ids[1], ids[2], ids[0]]);
    expect(store.queryRowIds(list.id, { sortBy: 'telephone', descending: true })).toEqual([
      ids[0],
      ids[2],
      ids[1],
    ]);
    expect(store.getRowsByIds(list.id, [ids[2]!, ids[0]!]).map((row) => row.variables[0])).toEqual([
      '乙',
      '丙',
    ]);
    expect(() => store.queryRowIds(list.id, { sortBy: 'var:nope' })).toThrow(/unknown_column/);
    // Names sort by pinyin (丙 bing, 甲 jia, 乙 yi), not by code point (丙 乙 甲).
    expect(store.queryRowIds(list.id, { sortBy: 'var:姓名' })).toEqual([ids[0], ids[1], ids[2]]);
    expect(store.rename(list.id, ' 十一月 ').name).toBe('十一月');
    expect(() => store.rename(list.id, '  ')).toThrow(/bad_name/);
    const copy = store.duplicate(list.id, '副本');
    expect(copy.rowCount).toBe(3);
    expect(store.getRows(copy.id, 0, 3).map((row) => row.outid)).toEqual(
      store.getRows(list.id, 0, 3).map((row) => row.outid),
    );
    applyEdits(store, copy.id, [{ kind: 'insert', at: 3, rows: [{ telephoneRaw: '13800000009' }] }]);
    applyEdits(store, list.id, [{ kind: 'insert', at: 3, rows: [{ telephoneRaw: '13800000009' }] }]);
    expect(store.getRows(copy.id, 3, 1)[0]?.outid).not.toBe(store.getRows(list.id, 3, 1)[0]?.outid);
    store.deleteList(list.id);
    expect(store.listLists().map((l) => l.id)).toEqual([copy.id]);
    expect(() => store.getList(list.id)).toThrow(/not_found/);
  });

  it('exports in the file’s column order: CSV with BOM, quoting and kept digits, XLSX with text cells', async () => {
    const { store, list } = setup([
      ['010-12345678', '张三, 先生', '说"好"'],
      ['13800138000', '李四', '第一行\n第二行'],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'cd-export-'));
    await exportList(store, list.id, join(dir, 'out.csv'));
    const outids = store.getRows(list.id, 0, 2).map((row) => row.outid);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(
      // Digits-only telephones as ="…" (Excel, WPS and LibreOffice keep them as text); the outid
      // header the app adds is in the user's language.
      `\uFEFF姓名,手机号码,备注,数据ID\r\n"张三, 先生",010-12345678,"说""好""",${outids[0]}\r\n李四,"=""13800138000""","第一行\n第二行",${outids[1]}\r\n`,
    );
    await exportList(store, list.id, join(dir, 'out.xlsx'), { telephone: 'normalised' });
    const source = await openWorkbook(join(dir, 'out.xlsx'));
    const rows = [];
    for await (const batch of source.rows(source.sheets[0]!.name))
      rows.push(...batch.map((row) => row.cells));
    expect(rows).toEqual([
      ['姓名', '手机号码', '备注', '数据ID'],
      ['张三, 先生', '01012345678', '说"好"', outids[0]],
      ['李四', '13800138000', '第一行\n第二行', outids[1]],
    ]);
    await expect(exportList(store, list.id, join(dir, 'out.pdf'))).rejects.toThrow(/export_format/);
  });
});

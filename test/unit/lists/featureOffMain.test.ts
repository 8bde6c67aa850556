import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallList } from '../../../shared/callList';
import { AppFailure } from '../../../electron/services/contract/failure';
import { DbReader } from '../../../electron/services/db/worker/dbReader';
import { ListsFeature } from '../../../electron/services/lists/feature';
import { openListServices, type ListServices } from '../../../electron/services/lists/index';
import { importInto } from '../../support/seedList';
import { writeCsv } from '../../support/workbooks';

// The lists feature as the core builds it, with the database worker: the counts it answers and
// announces (counted over every row, on the worker), and a list's copy and deletion (written
// there), are what the store on this thread says, an edit made here counted at once.

let dataDir: string;
let reader: DbReader;
let services: ListServices;
let feature: ListsFeature;
let listId: number;
let announced: CallList[][];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cd-lists-offmain-'));
  const file = join(dataDir, '名单.csv');
  writeCsv(file, [
    ['客户姓名', '手机号码'],
    ['张三', '13900000001'],
    ['李四', '13900000002'],
    ['坏号', '12345'],
  ]);
  listId = await importInto(dataDir, file);
  reader = new DbReader(dataDir);
  services = openListServices(dataDir);
  announced = [];
  feature = new ListsFeature({
    dataDir,
    services,
    reader,
    cleanStaging: false,
    broadcast: (event, payload) => {
      if (event === 'lists:changed') announced.push(payload as CallList[]);
    },
  });
});

afterEach(async () => {
  await reader.close();
  services.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Waits until the feature has announced `count` changes. */
async function announcements(count: number): Promise<CallList[][]> {
  for (let i = 0; i < 200 && announced.length < count; i++) await new Promise((r) => setTimeout(r, 5));
  return announced;
}

describe('ListsFeature with the database worker', () => {
  it('answers the lists and one list with the counts the store counts here', async () => {
    const lists = await feature.all();
    expect(lists).toEqual(services.store.listLists());
    expect(lists[0]).toMatchObject({ id: listId, rowCount: 3, validCount: 2 });
    expect(await feature.get(listId)).toEqual(services.store.getList(listId));
    const problems = await feature.problems(listId);
    expect(problems.map((problem) => problem.code)).toEqual(['phone.invalid']);
    expect(problems).toEqual(services.store.listProblems(listId));
    // They were counted on the worker: with it closed, the feature cannot answer.
    await reader.close();
    await expect(Promise.resolve(feature.all())).rejects.toThrow(/worker closed/);
    await expect(Promise.resolve(feature.problems(listId))).rejects.toThrow(/worker closed/);
  });

  it('answers an edit with the counts after it, written here and counted on the worker', async () => {
    const bad = services.store.getRows(listId, 0, 10).find((row) => row.telephoneRaw === '12345')!;
    const applied = await feature.edit(listId, [
      { kind: 'set', rowId: bad.id, column: 'telephone', value: '13900000003' },
    ]);
    expect(applied.list).toMatchObject({ rowCount: 3, validCount: 3 });
    expect(applied.list).toEqual(services.store.getList(listId));
    expect(applied.inverse).toHaveLength(1);
    // The inverse puts the bad number back, and the counts follow.
    const undone = await feature.edit(listId, applied.inverse);
    expect(undone.list.validCount).toBe(2);
    // The worker gone after the write: the edit has landed, so it is answered, counted here.
    await reader.close();
    const again = await feature.edit(listId, undone.inverse);
    expect(again.list).toMatchObject({ rowCount: 3, validCount: 3 });
    expect(again.list).toEqual(services.store.getList(listId));
  });

  it('copies and deletes a list on the worker and announces each change with its counts', async () => {
    const copy = await feature.duplicate(listId, '名单 副本');
    expect(copy).toMatchObject({ name: '名单 副本', rowCount: 3, validCount: 2 });
    expect(services.store.getRows(copy.id, 0, 10).map((row) => row.telephoneRaw)).toEqual(
      services.store.getRows(listId, 0, 10).map((row) => row.telephoneRaw),
    );
    expect((await announcements(1))[0]!.map((list) => list.id).sort()).toEqual([listId, copy.id].sort());

    // Renamed here, its counts from the worker: nothing counted on this thread.
    const counted = vi.spyOn(services.store, 'getList');
    expect(await feature.rename(copy.id, '第二批')).toMatchObject({ name: '第二批', rowCount: 3 });
    expect(counted).not.toHaveBeenCalled();
    counted.mockRestore();
    await feature.delete(listId);
    const [, renamed, afterDelete] = await announcements(3);
    expect(renamed!.find((list) => list.id === copy.id)).toMatchObject({ name: '第二批', rowCount: 3 });
    // Announced in the order the changes were made: the last one is the state now.
    expect(afterDelete).toEqual(services.store.listLists());
    expect(afterDelete!.map((list) => list.id)).toEqual([copy.id]);
    expect(() => services.store.getList(listId)).toThrow(AppFailure);
  });

  it('sends a bad name or a missing list back as the list error it is', async () => {
    await expect(feature.duplicate(listId, '   ')).rejects.toMatchObject({ code: 'lists.bad_name' });
    await expect(feature.delete(999_999)).rejects.toMatchObject({ code: 'lists.not_found' });
    await expect(Promise.resolve(feature.get(999_999))).rejects.toMatchObject({ code: 'lists.not_found' });
    expect(services.store.listLists()).toHaveLength(1);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure, describeError } from '../../../electron/services/contract/failure';
import { DbReader } from '../../../electron/services/db/worker/dbReader';
import { failureData, rebuildFailure } from '../../../electron/services/db/worker/failures';
import { inspectFile } from '../../../electron/services/importer/inspect';
import { importFile } from '../../../electron/services/lists/importFile';
import { applyEdits, openListServices } from '../../../electron/services/lists/index';
import { ResultsReader } from '../../../electron/services/results/resultsQuery';
import { LIST_ERRORS, listFailure } from '../../../electron/services/lists/errors';
import { createJournalOutidResolver } from '../../../electron/services/uploads/index';
import { UploadFailure, uploadFailure } from '../../../electron/services/uploads/errors';
import { UploadJournal } from '../../../electron/services/uploads/journal';
import { resolveVariables } from '../../../electron/services/uploads/selection';
import { UPLOAD_ERRORS } from '../../../shared/codes/uploads';
import { format } from '../../../shared/locale';
import type { OutcomeCodes } from '../../../shared/outcomeGroups';
import { importInto } from '../../support/seedList';
import { writeCsv } from '../../support/workbooks';
import { setupResults } from '../results/support';

// The database's read worker as main uses it: the same answers as the store on main, errors
// come back as the list errors they are, and a worker that dies fails what it held and is
// started again for the next read.

let dataDir: string;
let reader: DbReader;
let listId: number;

const NAMES = ['王五', '阿四', '丁一', '张三', '李四', '赵六', '钱七', '孙八'];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cd-dbreader-'));
  const file = join(dataDir, '读者.csv');
  const rows = [['客户姓名', '手机号码']];
  NAMES.forEach((name, i) => rows.push([name, `1390000000${i}`]));
  rows.push(['坏号', '12345']);
  writeCsv(file, rows);
  listId = await importInto(dataDir, file);
  reader = new DbReader(dataDir);
});

afterEach(async () => {
  await reader.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The store's own answer on this thread, for comparison. */
function onMain(query: Parameters<DbReader['queryRowIds']>[1]): number[] {
  const services = openListServices(dataDir);
  try {
    return services.store.queryRowIds(listId, query);
  } finally {
    services.close();
  }
}

/** The running worker, reached as the test's one way to kill it from outside. */
async function workerOf(target: DbReader): Promise<Worker> {
  const started = (target as unknown as { worker: Promise<Worker> | null }).worker;
  if (!started) throw new Error('no worker running');
  return started;
}

describe('DbReader', () => {
  it('answers what the store answers on main: list order, a pinyin sort, a problem filter', async () => {
    const column = 'var:客户姓名';
    for (const query of [
      {},
      { sortBy: column },
      { sortBy: column, descending: true },
      { problem: 'any' as const },
    ]) {
      const expected = onMain(query);
      expect(expected.length).toBeGreaterThan(0);
      expect(await reader.queryRowIds(listId, query)).toEqual(expected);
    }
    // The sort really is by pinyin: 阿四 (a) first, 赵六 (zhao) last, not by code point.
    const listOrder = onMain({});
    const sorted = await reader.queryRowIds(listId, { sortBy: column });
    expect(sorted[0]).toBe(listOrder[NAMES.indexOf('阿四')]);
    expect(sorted.at(-1)).toBe(listOrder[NAMES.indexOf('赵六')]);
  });

  it('makes a sorted column’s keys after answering the sort, and sorts from them the same', async () => {
    const column = 'var:客户姓名';
    const services = openListServices(dataDir);
    const keyed = () =>
      services.db.prepare('SELECT count(*) AS n FROM call_row_keys WHERE list_id = ?').get(listId) as {
        n: number;
      };
    try {
      expect(keyed().n).toBe(0);
      const first = await reader.queryRowIds(listId, { sortBy: column });
      for (let i = 0; i < 100 && keyed().n === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(keyed().n).toBe(NAMES.length + 1);
      expect(await reader.queryRowIds(listId, { sortBy: column })).toEqual(first);
      expect(await reader.queryRowIds(listId, { sortBy: column, descending: true })).toEqual(
        onMain({ sortBy: column, descending: true }),
      );
    } finally {
      services.close();
    }
  });

  it('reads the grid’s page of rows by id as main does, an edit on main seen at once', async () => {
    const sorted = await reader.queryRowIds(listId, { sortBy: 'var:客户姓名' });
    const page = sorted.slice(1, 5);
    const services = openListServices(dataDir);
    try {
      const rows = await reader.rowsByIds(listId, page);
      expect(rows.map((r) => r.id)).toEqual(page);
      expect(rows).toEqual(services.store.getRowsByIds(listId, page));
      // Main's connection writes (a grid edit); the worker's next read has it.
      const [first] = rows;
      applyEdits(services.store, listId, [
        { kind: 'set', rowId: first!.id, column: 'var:客户姓名', value: '钱多多' },
      ]);
      const [edited] = await reader.rowsByIds(listId, [first!.id]);
      expect(edited!.variables).toContain('钱多多');
      expect(edited).toEqual(services.store.getRowsByIds(listId, [first!.id])[0]);
    } finally {
      services.close();
    }
  });

  it('sends a list error back as that error, with its code', async () => {
    const error = await reader.queryRowIds(listId + 1000, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('lists.not_found');
    // The worker is still there for the next read.
    expect(await reader.queryRowIds(listId, {})).toEqual(onMain({}));
  });

  it('sends an upload error back as that error: its code, detail and text in both languages', async () => {
    // The worker selects the rows; meanwhile main writes an unfinished upload of the same list
    // into the same task; the worker's journal then refuses to write a second one.
    const services = openListServices(dataDir);
    try {
      const list = services.store.getList(listId);
      const args = {
        accountId: 'sandbox',
        taskId: 'task-1',
        listId,
        variables: resolveVariables(list),
        sendNumbersOnTask: false,
        provider: 'sobot' as const,
      };
      const header = {
        accountId: args.accountId,
        taskId: args.taskId,
        listId,
        listName: list.name,
        via: 'data' as const,
        batchRows: 100,
        variables: args.variables.columns,
        owner: { pid: process.pid, token: 'test' },
      };
      const uploads = reader.uploads();
      const prepared = await uploads.prepare(args);
      expect(prepared.counts.send).toBe(NAMES.length);
      const first = new UploadJournal(services.db).create({
        ...header,
        excluded: prepared.counts.excluded,
        rows: [],
        repeated: [],
      });

      const error = await prepared.create(header).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UploadFailure);
      expect(error).toMatchObject({
        code: 'uploads.unfinished',
        detail: String(first),
        params: { id: first },
        text: {
          'zh-CN': format(UPLOAD_ERRORS['uploads.unfinished']['zh-CN'], { id: first }),
          en: format(UPLOAD_ERRORS['uploads.unfinished'].en, { id: first }),
        },
      });
      // What the contract shows: the localised message, no worker or stack in it.
      for (const locale of ['zh-CN', 'en'] as const) {
        const shown = describeError(error, locale);
        expect(shown).toEqual({
          code: 'uploads.unfinished',
          message: format(UPLOAD_ERRORS['uploads.unfinished'][locale], { id: first }),
          detail: String(first),
        });
      }
      expect(services.db.prepare('SELECT count(*) FROM uploads').pluck().get()).toBe(1);
      // The worker is still there for the next read.
      expect(await reader.queryRowIds(listId, {})).toEqual(onMain({}));
    } finally {
      services.close();
    }
  });

  it('fails the reads a dying worker held, and starts a new one for the next read', async () => {
    await reader.queryRowIds(listId, {});
    const first = await workerOf(reader);
    // Killed before it can read the request: the read fails, it does not hang.
    const dying = first.terminate();
    const pending = reader.queryRowIds(listId, { sortBy: 'var:客户姓名' });
    await expect(pending).rejects.toThrow(/database worker exited/);
    await dying;
    const again = await reader.queryRowIds(listId, {});
    expect(again).toEqual(onMain({}));
    expect(await workerOf(reader)).not.toBe(first);
  });
});

describe('a failure across the worker boundary', () => {
  // As postMessage carries it: a structured clone of the data, nothing of the error object.
  const across = (error: unknown) => rebuildFailure(structuredClone(failureData(error)));

  it('rebuilds list and upload failures as the feature throws them, params and all', () => {
    const upload = uploadFailure('uploads.bad_variables', '姓名', { reason: '“姓名” ×2' });
    const back = across(upload);
    expect(back).toBeInstanceOf(UploadFailure);
    expect(back).toMatchObject({ code: upload.code, detail: upload.detail, text: upload.text });
    expect((back as AppFailure).text.en).toContain('“姓名” ×2');
    expect(across(uploadFailure('uploads.nothing_to_send'))).toMatchObject({
      code: 'uploads.nothing_to_send',
      detail: undefined,
      params: undefined,
    });
    const list = across(listFailure('lists.not_found', '7'));
    expect(list).toBeInstanceOf(AppFailure);
    expect(list).toMatchObject({
      code: 'lists.not_found',
      detail: '7',
      text: LIST_ERRORS['lists.not_found'],
    });
  });

  it('sends anything else as unexpected: its message for the log, never its stack', () => {
    const error = new Error('disk I/O error');
    const data = failureData(error);
    expect(data).toEqual({ code: 'unexpected', detail: 'Error: disk I/O error' });
    expect(JSON.stringify(data)).not.toContain(error.stack!.split('\n')[1]!.trim());
    const back = across(error);
    expect(back).not.toBeInstanceOf(AppFailure);
    expect(describeError(back, 'en').code).toBe('app.unexpected');
    // An AppFailure of a code main does not rebuild is not passed off as one it knows.
    expect(across(new AppFailure('tasks.not_found', { 'zh-CN': '无', en: 'none' }))).not.toBeInstanceOf(
      AppFailure,
    );
  });
});

describe('DbReader over synced results', () => {
  it('answers the Results page, counts and dashboard as the feature does on main, and sees a later sync', async () => {
    const s = await setupResults({ sandbox: { seed: 7, autoRun: false } });
    const results = new DbReader(s.dataDir);
    try {
      const taskId = s.sandbox!.control.seedTask({ name: '读者', rows: 60, completed: 40 });
      await s.results.sync(taskId);
      const accountId = s.results.accountId;
      const source = { kind: 'task' as const, taskId };
      const page = s.results.query(source, {}, 0, 25);
      expect(page.total).toBe(40);
      expect(await results.resultsPage(accountId, source, {}, 0, 25)).toEqual(page);
      const outcome = s.results.counts(source, {}).byOutcome[0]!.outcome;
      for (const filter of [{}, { outcomes: [outcome] }]) {
        expect(await results.resultsCounts(accountId, source, filter)).toEqual(
          s.results.counts(source, filter),
        );
        expect(await results.resultsPage(accountId, source, filter, 10, 10)).toEqual(
          s.results.query(source, filter, 10, 10),
        );
      }
      // A provider's code groups travel with the read: counted and filtered on the worker as on main.
      const failed = page.calls.find((c) => c.outcome !== 'connected' && c.outcomeCode !== '')!;
      expect(failed).toBeDefined();
      const spec: OutcomeCodes = {
        name: { 'zh-CN': '代码', en: 'Code' },
        groups: [
          { id: 'ok', label: { 'zh-CN': '成功', en: 'OK' }, outcomes: ['connected'] },
          {
            id: 'one',
            label: { 'zh-CN': '一', en: 'One' },
            codes: [{ code: failed.outcomeCode, label: { 'zh-CN': '一', en: 'One' } }],
          },
          { id: 'rest', label: { 'zh-CN': '其他', en: 'Rest' } },
        ],
      };
      const grouped = new ResultsReader(s.services.db, () => spec);
      const counted = await results.resultsCounts(accountId, source, {}, spec);
      expect(counted.byGroup?.length).toBeGreaterThan(0);
      expect(counted).toEqual(grouped.counts(accountId, source, {}));
      const one = { outcomeGroups: ['one'] };
      expect(await results.resultsPage(accountId, source, one, 0, 100, spec)).toEqual(
        grouped.page(accountId, source, one, 0, 100),
      );
      expect((await results.resultsPage(accountId, source, one, 0, 100, spec)).total).toBeLessThan(40);
      // Without groups the same read is not grouped (the worker keeps no groups between reads).
      expect((await results.resultsCounts(accountId, source, {})).byGroup).toBeUndefined();

      const { syncedAt: _syncedAt, ...board } = s.results.dashboard(taskId);
      expect(await results.dashboard(accountId, taskId)).toEqual(board);

      // What main writes after the worker's first read is what the worker reads next (WAL).
      const later = s.sandbox!.control.seedTask({ name: '读者二', rows: 5, completed: 5 });
      const laterSource = { kind: 'task' as const, taskId: later };
      expect((await results.resultsPage(accountId, laterSource, {}, 0, 100)).total).toBe(0);
      await s.results.sync(later);
      expect(await results.resultsPage(accountId, laterSource, {}, 0, 100)).toEqual(
        s.results.query(laterSource, {}, 0, 100),
      );
      expect(s.results.query(laterSource, {}, 0, 100).total).toBe(5);
    } finally {
      await results.close();
      await s.close();
    }
  });
});

describe('an import written on the database worker', () => {
  /** The file imported with the wizard's defaults, its rows written where `sink` says. */
  async function imported(file: string, worker: boolean, signal?: AbortSignal) {
    const services = openListServices(dataDir);
    try {
      const inspection = await inspectFile(file, { memory: services.memory });
      const result = await importFile(
        file,
        { sheet: inspection.sheet, headerRow: inspection.headerRow, mapping: inspection.suggestedMapping },
        {
          store: services.store,
          memory: services.memory,
          ...(worker ? { sink: reader.importSink() } : {}),
          ...(signal ? { signal } : {}),
        },
      );
      const stored = services.store.getRows(result.list.id, 0, 10_000);
      // Row ids differ between two lists: a duplicate names the row it repeats by its place.
      const first = stored[0]!.id;
      const rows = stored.map(({ telephone, telephoneRaw, variables, sourceRow, problems }) => ({
        telephone,
        telephoneRaw,
        variables,
        sourceRow,
        problems: problems.map((p) =>
          'duplicateOf' in p && typeof p.duplicateOf === 'number'
            ? { ...p, duplicateOf: p.duplicateOf - first }
            : p,
        ),
      }));
      return { result, rows, lists: services.store.listLists().length };
    } finally {
      services.close();
    }
  }

  it('makes the same list as an import on this thread: rows, duplicates, problems by cell', async () => {
    const file = join(dataDir, '工作线程.csv');
    const rows = [['客户姓名', '手机号码', '备注']];
    for (let i = 0; i < 5_000; i++)
      rows.push([`客户${i}号`, `139${String(i % 4_000).padStart(8, '0')}`, '不要再打了']);
    rows.push(['坏号', '12345', '']);
    writeCsv(file, rows);
    const here = await imported(file, false);
    await expect(workerOf(reader)).rejects.toThrow(/no worker/);
    const there = await imported(file, true);
    // The rows went through the worker (it was started for them).
    await expect(workerOf(reader)).resolves.toBeDefined();
    expect(there.result.list.rowCount).toBe(5_001);
    expect(there.rows).toEqual(here.rows);
    expect(there.result.problems).toEqual(here.result.problems);
    expect(there.result.problems.some((p) => p.cell.startsWith('B'))).toBe(true);
    expect(there.result.valid).toBe(here.result.valid);
    expect(there.lists).toBe(here.lists + 1);
  });

  it('leaves no list behind when cancelled, and the worker answers the next read', async () => {
    const file = join(dataDir, '取消.csv');
    const rows = [['客户姓名', '手机号码']];
    for (let i = 0; i < 20_000; i++) rows.push([`客户${i}`, `137${String(i).padStart(8, '0')}`]);
    writeCsv(file, rows);
    const before = (await imported(join(dataDir, '读者.csv'), true)).lists;
    const controller = new AbortController();
    const services = openListServices(dataDir);
    const inspection = await inspectFile(file, { memory: services.memory });
    const running = importFile(
      file,
      { sheet: inspection.sheet, headerRow: inspection.headerRow, mapping: inspection.suggestedMapping },
      {
        store: services.store,
        sink: reader.importSink(),
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.rowsDone > 0) controller.abort();
        },
      },
    );
    await expect(running).rejects.toMatchObject({ code: 'import.cancelled' });
    expect(services.store.listLists()).toHaveLength(before);
    const hidden = services.db
      .prepare("SELECT COUNT(*) FROM call_lists WHERE state = 'importing'")
      .pluck()
      .get();
    expect(hidden).toBe(0);
    services.close();
    expect(await reader.queryRowIds(listId, {})).toEqual(onMain({}));
  });
});

describe('a sync stored on the database worker', () => {
  it('stores what a sync on this thread stores, and counts a re-sync’s overlap as unchanged', async () => {
    const synced = async (onWorker: boolean) => {
      let worker: DbReader | null = null;
      let dir = '';
      const s = await setupResults({
        sandbox: { seed: 11, autoRun: false },
        depsFor: (services) => ({
          resolver: createJournalOutidResolver(services.db),
          ...(onWorker ? { syncWriter: () => (worker ??= new DbReader(dir)).syncWriter() } : {}),
        }),
      });
      dir = s.dataDir;
      try {
        const taskId = s.sandbox!.control.seedTask({ name: '同步', rows: 300, completed: 240 });
        const first = await s.results.sync(taskId);
        const again = await s.results.sync(taskId);
        const page = s.results.query({ kind: 'task', taskId }, {}, 0, 500);
        return { first, again, page, started: worker !== null };
      } finally {
        await (worker as DbReader | null)?.close();
        await s.close();
      }
    };
    const here = await synced(false);
    const there = await synced(true);
    expect(there.started).toBe(true);
    expect(here.first.added).toBe(240);
    expect({ ...there.first, from: 0, to: 0 }).toEqual({ ...here.first, from: 0, to: 0 });
    // The re-sync reads the overlap again: nothing new, nothing changed, as on this thread.
    expect(there.again).toMatchObject({ added: 0, updated: 0, unchanged: here.again.unchanged });
    expect(there.again.unchanged).toBeGreaterThan(0);
    expect(there.page.total).toBe(240);
    expect(there.page.calls.map((c) => [c.id, c.outcome, c.telephone, c.talkMs])).toEqual(
      here.page.calls.map((c) => [c.id, c.outcome, c.telephone, c.talkMs]),
    );
  });
});

/**
 * Uploads against the real sandbox over loopback with a real SQLite journal: both ways, the
 * plan's exclusions, the end figures and the per-row journal.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { UPLOAD_ROW_REASONS } from '../../../shared/codes/uploads';
import { writeUploadWorkbook } from '../../../electron/services/sobot/provider/workbook';
import { makeList, mobiles } from '../../support/uploads';
import { mixedRows, uploadFixture } from './setup';

let fixture: Awaited<ReturnType<typeof uploadFixture>>;
afterEach(async () => fixture?.close());

describe('upload plan', () => {
  it('counts excluded rows per problem and never journals them', async () => {
    fixture = await uploadFixture();
    const { uploads, services, taskId } = fixture;
    const listId = makeList(services, mixedRows());
    const plan = await uploads.plan({ listId, taskId });
    expect(plan.consideredRows).toBe(25);
    expect(plan.excluded).toEqual({
      rows: 4,
      byProblem: { 'phone.invalid': 1, 'phone.missing': 1, 'phone.duplicate': 1, 'variable.unencodable': 1 },
    });
    expect(plan.toSend).toBe(21);
    expect(plan.mayBeFiltered).toBe(1);
    expect(plan.requests).toBe(1);
    expect(plan.unfinishedUploadId).toBeNull();

    // Dropping the variable that holds the '^' un-blocks that row.
    const dropped = await uploads.plan({ listId, taskId, variables: { 姓名: null } });
    expect(dropped.toSend).toBe(22);
    expect(dropped.variables).toEqual([
      { list: '姓名', template: null },
      { list: '公司', template: '公司' },
    ]);
    await expect(uploads.plan({ listId, taskId, variables: { 不存在: 'x' } })).rejects.toThrow(/variable/);
    await expect(uploads.plan({ listId, taskId, variables: { 姓名: '公司' } })).rejects.toThrow(/variable/);
  });

  it('answers other work while it plans a large list (it yields between chunks)', async () => {
    fixture = await uploadFixture();
    const { uploads, services, taskId } = fixture;
    const listId = makeList(services, mobiles(30_000));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const plan = await uploads.plan({ listId, taskId });
    clearInterval(timer);
    expect(plan.toSend).toBe(30_000);
    expect(ticks).toBeGreaterThan(1);
  });

  it('takes only the explicit rows, still without invalid ones', async () => {
    fixture = await uploadFixture();
    const { uploads, services, taskId } = fixture;
    const listId = makeList(services, mixedRows());
    const ids = services.store.queryRowIds(listId);
    const plan = await uploads.plan({ listId, taskId, rowIds: [ids[0]!, ids[1]!, ids[20]!, 999_999] });
    expect(plan).toMatchObject({ consideredRows: 3, missingRowIds: 1, toSend: 2, excluded: { rows: 1 } });
  });
});

describe('upload via add_task_data', () => {
  it('sends every valid row once, maps variables, and reports the filtered 400 number', async () => {
    fixture = await uploadFixture();
    const { uploads, services, taskId, sandbox } = fixture;
    const listId = makeList(services, mixedRows());
    const progress: number[] = [];
    const handle = await uploads.start(
      { listId, taskId, variables: { 姓名: '客户姓名', 公司: null } },
      { onProgress: (p) => progress.push(p.done) },
    );
    const summary = await handle.done;
    expect(summary.state).toBe('done');
    expect(summary.outcome).toEqual({ sent: 21, accepted: 20, repeated: 0, filtered: 1, failed: 0 });
    expect(summary.excluded.rows).toBe(4);
    expect(progress.at(-1)).toBe(21);

    const held = sandbox.control.taskOutids(taskId);
    const rows = services.store.getRows(listId, 0, 25);
    expect(held).toEqual(rows.slice(0, 20).map((r) => r.outid));
    const first = await fixture.client.queryTaskData({ taskid: taskId, outid: rows[0]!.outid });
    expect(first).not.toBeNull();
    const filtered = uploads.rows(handle.uploadId, { states: ['filtered'] });
    expect(filtered.map((r) => r.telephone)).toEqual(['4008001234']);
    expect(filtered[0]!.code).toBe('provider.filtered');

    // Uploading the same list again sends nothing: every row is already on the task.
    const again = await uploads.plan({ listId, taskId });
    expect(again.alreadyOnTask).toBe(20);
    expect(again.toSend).toBe(1); // the filtered row is not on the task, so it may be tried again
  });

  it('keeps the batches to the configured size and counts them', async () => {
    fixture = await uploadFixture({ batchRows: 100 });
    const { uploads, services, taskId, sandbox } = fixture;
    const listId = makeList(services, mobiles(1_050));
    sandbox.control.resetStats();
    const summary = await (await uploads.start({ listId, taskId })).done;
    expect(summary.batchesDone).toBe(11);
    expect(sandbox.control.stats().requests['add_task_data']).toBe(11);
    expect(summary.outcome.accepted).toBe(1_050);
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(1_050);
  });
});

describe('upload via add_task_file_data', () => {
  it('writes the workbook layout the provider reads', async () => {
    const file = await writeUploadWorkbook(
      [
        { telephone: '01012345678', outid: 'a-1', variables: { 姓名: '张三', 公司: '甲' } },
        { telephone: '13900000001', outid: 'a-2', variables: {} },
      ],
      ['姓名', '公司'],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '手机号码', 'outid', '姓名', '公司']);
    expect(sheet.getRow(2).values).toEqual([undefined, '01012345678', 'a-1', '张三', '甲']);
    expect(sheet.getRow(3).getCell(1).value).toBe('13900000001');
  });

  it('uploads one workbook and maps error_data rows back to list rows', async () => {
    fixture = await uploadFixture();
    const { uploads, services, taskId, sandbox } = fixture;
    const listId = makeList(services, mixedRows());
    sandbox.control.resetStats();
    const handle = await uploads.start({ listId, taskId, via: 'file' });
    const summary = await handle.done;
    expect(sandbox.control.stats().requests['add_task_file_data']).toBe(1);
    expect(summary.state).toBe('done');
    expect(summary.outcome).toEqual({ sent: 21, accepted: 20, repeated: 0, filtered: 0, failed: 1 });
    const rejected = uploads.rows(handle.uploadId, { states: ['rejected'] });
    const rows = services.store.getRows(listId, 0, 25);
    // The 400 number was the 21st data row (worksheet row 22) — mapped back to its list row.
    expect(rejected.map((r) => r.rowId)).toEqual([rows[24]!.id]);
    expect(rejected[0]!.code).toBe('provider.file_row');
    // The refused-rows table says why in both languages (the journal's reason is technical).
    expect(UPLOAD_ROW_REASONS[rejected[0]!.code!]).toMatchObject({
      'zh-CN': expect.stringContaining('拒收'),
    });
    expect(sandbox.control.taskOutids(taskId)).toEqual(rows.slice(0, 20).map((r) => r.outid));
  });

  it('refuses a file of more than 100,000 rows before sending anything', async () => {
    fixture = await uploadFixture();
    const { uploads, services, taskId } = fixture;
    const listId = makeList(services, mobiles(100_001));
    const plan = await uploads.plan({ listId, taskId, via: 'file' });
    expect(plan.fileAllowed).toBe(false);
    await expect(uploads.start({ listId, taskId, via: 'file' })).rejects.toMatchObject({
      code: 'uploads.file_too_many_rows',
    });
    expect(uploads.forList(listId)).toEqual([]);
  }, 60_000);
});

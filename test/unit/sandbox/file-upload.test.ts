import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, openApi, type Api, type Json } from './helpers';

let api: Api;
beforeAll(async () => {
  api = await openApi();
});
afterAll(() => api.close());

async function workbook(header: readonly string[], rows: readonly (readonly unknown[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(
  taskid: string | null,
  file: Buffer | null,
  filename = 'list.xlsx',
  auth = AUTH,
): Promise<Json> {
  const form = new FormData();
  form.set('appid', auth.appid);
  form.set('signature', auth.signature);
  if (taskid) form.set('taskid', taskid);
  if (file) form.set('data_file', new Blob([file]), filename);
  const response = await fetch(`${api.sb.url}add_task_file_data`, { method: 'POST', body: form });
  return (await response.json()) as Json;
}

describe('add_task_file_data', () => {
  it('imports a workbook and reports counts, failed row numbers and repeats', async () => {
    const taskid = await api.createTask();
    const file = await workbook(
      ['手机号码', 'outid', '姓名', '金额'],
      [
        ['13912345678', 'o1', '张三', '100'],
        [13912345679, 'o2', '李四', 200], // numbers typed as numbers
        ['not-a-phone', 'o3', '王五', '300'],
        ['13912345680', '', '赵六', '400'], // empty outid
        ['13912345681', 'o1', '重复', '500'], // repeated outid
        [],
        ['13912345682', 'o6', '', ''],
      ],
    );
    const reply = await upload(taskid, file);
    expect(reply).toEqual({
      counts: 6,
      defeat_counts: 2,
      repeat_counts: 1,
      success_counts: 3,
      ret_msg: '本次导入数据6条,成功3条,过滤免打扰客户数据0条,失败2条',
      filter_count: 0,
      ret_code: '000000',
      error_data: [4, 5],
    });
    expect((await api.info(taskid)).call_total_data).toBe(3);
    const row = await api.get('query_task_data', { taskid, outid: 'o2' });
    expect(row.data.detail.tel).toBe('13912345679');
  });

  it('accepts the English headers and passes other columns as variables', async () => {
    const taskid = await api.createTask({ templateid: '43016bcbf54740b78672788ba2aab59a', robot_num: '1' });
    const file = await workbook(['telephone', '编号', '姓名'], [['13912345678', 'x1', '陈女士']]);
    expect((await upload(taskid, file)).success_counts).toBe(1);
    api.sb.control.advance(10 * 60_000);
    const result = await api.get('query_task_data', { taskid, outid: 'x1' });
    expect(result.data.msg[0].msg).toContain('请问是陈女士本人吗');
  });

  it('answers 320031 without a file and for an empty file', async () => {
    const taskid = await api.createTask();
    expect((await upload(taskid, null)).ret_code).toBe('320031');
    expect((await upload(taskid, Buffer.alloc(0))).ret_code).toBe('320031');
  });

  it('answers 320028 for something that is not a workbook', async () => {
    const taskid = await api.createTask();
    expect((await upload(taskid, Buffer.from('手机号码,outid\n13912345678,a\n'), 'list.csv')).ret_code).toBe(
      '320028',
    );
    const fakeZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect((await upload(taskid, fakeZip)).ret_code).toBe('320028');
  });

  it('answers 320030 when the phone or outid column is missing', async () => {
    const taskid = await api.createTask();
    expect((await upload(taskid, await workbook(['姓名', 'outid'], [['张三', 'a']]))).ret_code).toBe(
      '320030',
    );
    expect(
      (await upload(taskid, await workbook(['手机号码', '姓名'], [['13912345678', '张三']]))).ret_code,
    ).toBe('320030');
    expect((await upload(taskid, await workbook(['手机号码', 'outid'], []))).ret_code).toBe('320030');
  });

  it('answers 320029 for a file over 5 MB', async () => {
    const taskid = await api.createTask();
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1);
    big.writeUInt32LE(0x04034b50, 0);
    expect((await upload(taskid, big)).ret_code).toBe('320029');
  });

  it('answers 320029 for more than 100,000 rows', async () => {
    const taskid = await api.createTask();
    const rows = Array.from({ length: 100_001 }, (_, i) => [`139${String(i).padStart(8, '0')}`, `o${i}`]);
    const file = await workbook(['手机号码', 'outid'], rows);
    expect(file.length).toBeLessThan(5 * 1024 * 1024);
    expect((await upload(taskid, file)).ret_code).toBe('320029');
    expect((await api.info(taskid)).call_total_data).toBe(0);
  }, 60_000);

  it('checks credentials first and the task before the file', async () => {
    expect((await upload('whatever', null, 'x.xlsx', { appid: 'x', signature: 'y' })).ret_code).toBe(
      '320001',
    );
    expect((await upload(null, null)).ret_code).toBe('320021');
    expect((await upload('unknown', null)).ret_code).toBe('320022');
  });
});

/** Wire format, checked on a recording fake fetch: method, content type, exact encoding. */
import { describe, expect, it } from 'vitest';
import { APPID, BASE, clientFor, ok, SIG } from './fakeFetch';

describe('GET endpoints', () => {
  it('put credentials first and percent-encode Chinese, commas, | and ^', async () => {
    const { client, calls } = clientFor(() => ok());
    await client.editorTask({
      taskid: 'T1',
      task_name: '回访 任务',
      telephone: ['0211', '0212'],
      call_time_slot: '8:00-12:00,13:00-19:00',
    });
    const c = calls[0];
    expect(c?.method).toBe('GET');
    expect(c?.bodyText).toBeUndefined();
    const raw = c?.url.href ?? '';
    expect(raw.startsWith(`${BASE}editor_task?appid=${APPID}&signature=${encodeURIComponent(SIG)}&`)).toBe(
      true,
    );
    expect(raw).toContain('task_name=%E5%9B%9E%E8%AE%BF%20%E4%BB%BB%E5%8A%A1');
    expect(raw).toContain('telephone=0211%2C0212');
    expect(raw).toContain('call_time_slot=08%3A00-12%3A00%2C13%3A00-19%3A00');
    expect(c?.params).toEqual({
      appid: APPID,
      signature: SIG,
      taskid: 'T1',
      task_name: '回访 任务',
      telephone: '0211,0212',
      call_time_slot: '08:00-12:00,13:00-19:00',
    });
  });

  it('tolerate a base URL without the trailing slash', async () => {
    const { client, calls } = clientFor(() => ok({ robot_num: 1 }), { baseUrl: BASE.slice(0, -1) });
    await client.queryRobotNum();
    expect(calls[0]?.url.pathname).toBe('/api/icall/5/task/query_robot_num');
  });

  it('encode the reserved characters of the signature and appid', async () => {
    const { client, calls } = clientFor(() => ok({ robot_num: 1 }));
    await client.queryRobotNum();
    expect(calls[0]?.url.search).toContain('signature=S3cr3t-Sig%2B%2F%3D%26%C3%BC');
  });

  it('query_time_task_data sends page_size and page_num as digits', async () => {
    const { client, calls } = clientFor(() => ok({ data: [], page_count: 0, total_count: 0 }));
    await client.queryTimeTaskDataPage({
      taskid: 'T',
      begin_time: '1575189630001',
      end_time: 1579086041000,
      page_num: 3,
    });
    expect(calls[0]?.params).toMatchObject({ page_size: '15', page_num: '3', begin_time: '1575189630001' });
  });

  it('refuse 10-digit timestamps and page_size over 15 before sending', async () => {
    const { client, calls } = clientFor(() => ok());
    await expect(
      client.callsCount({ taskid: 'a', begin_time: 1577436030, end_time: 1579086041000 }),
    ).rejects.toMatchObject({
      code: 'sobot.invalid_param',
      field: 'begin_time',
    });
    await expect(
      client.queryTimeTaskDataPage({
        taskid: 'a',
        begin_time: 1577436030000,
        end_time: 1579086041000,
        page_size: 16,
        page_num: 1,
      }),
    ).rejects.toMatchObject({ field: 'page_size' });
    expect(() => client.queryTimeTaskData({ taskid: 'a', begin_time: 1, end_time: 1579086041000 })).toThrow(
      /begin_time/,
    );
    expect(calls).toHaveLength(0);
  });
});

describe('form POST endpoints', () => {
  it('add_task: form-encoded, call_time_slot padded, defaults line_type 1 and task_status 0', async () => {
    const { client, calls } = clientFor((r) =>
      r.endpoint === 'query_task' ? ok({ data: [] }) : ok({ data: { taskid: 'NEW' } }),
    );
    await client.addTask({
      templateid: 'tpl',
      task_name: '创建任务 A&B',
      telephone: '02180344315',
      robot_num: 1,
      time_type: 2,
      call_time_slot: '8:00-19:00',
      push_url: 'https://example.test/push?a=1&b=2',
      push_type: 2,
    });
    const c = calls.find((x) => x.endpoint === 'add_task');
    expect(c?.method).toBe('POST');
    expect(c?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(c?.url.search).toBe('');
    expect(c?.bodyText).toBe(
      `appid=${APPID}&signature=S3cr3t-Sig%2B%2F%3D%26%C3%BC&templateid=tpl` +
        '&task_name=%E5%88%9B%E5%BB%BA%E4%BB%BB%E5%8A%A1+A%26B&line_type=1&telephone=02180344315&robot_num=1' +
        '&time_type=2&call_time_slot=08%3A00-19%3A00&task_status=0' +
        '&push_url=https%3A%2F%2Fexample.test%2Fpush%3Fa%3D1%26b%3D2&push_type=2',
    );
  });

  it('add_task_data: `data` is the JSON string of the rows, exactly', async () => {
    const { client, calls } = clientFor(() => ok());
    await client.addTaskData({
      taskid: 'T',
      data: [
        { telephone: '15988888888', outid: 'o1', variable: { 会议地点: '银海大厦', 参会人性别: '先生' } },
        { telephone: ' 13800000000 ', outid: 'o2' },
      ],
    });
    const c = calls[0];
    expect(c?.method).toBe('POST');
    expect(c?.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(c?.form?.get('taskid')).toBe('T');
    expect(c?.form?.get('data')).toBe(
      '[{"telephone":"15988888888","outid":"o1","variable":"会议地点^银海大厦|参会人性别^先生"},{"telephone":"13800000000","outid":"o2"}]',
    );
    expect(c?.bodyText).toContain('data=%5B%7B%22telephone%22%3A%2215988888888%22');
    expect(c?.bodyText).toContain('%5E%E9%93%B6%E6%B5%B7%E5%A4%A7%E5%8E%A6%7C'); // ^银海大厦|
  });

  it('delete_task_data: outids comma-joined in a form body', async () => {
    const { client, calls } = clientFor(() => ok({ del_counts: 2 }));
    await client.deleteTaskData({ taskid: 'T', outid: ['a', 'b'] });
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.bodyText).toBe(
      `appid=${APPID}&signature=S3cr3t-Sig%2B%2F%3D%26%C3%BC&taskid=T&outid=a%2Cb`,
    );
  });

  it("bodyFormat 'json' sends JSON with data as an array", async () => {
    const { client, calls } = clientFor(() => ok(), { bodyFormat: 'json' });
    await client.addTaskData({ taskid: 'T', data: [{ telephone: '159', outid: 'o1' }] });
    expect(calls[0]?.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(JSON.parse(calls[0]?.bodyText ?? '')).toEqual({
      appid: APPID,
      signature: SIG,
      taskid: 'T',
      data: [{ telephone: '159', outid: 'o1' }],
    });
  });
});

describe('multipart upload', () => {
  it('add_task_file_data: appid, signature, taskid fields and the data_file part', async () => {
    const { client, calls } = clientFor(() => ok({ counts: 1, success_counts: 1, error_data: [] }));
    const bytes = new TextEncoder().encode('PK\u0003\u0004 fake xlsx');
    await client.addTaskFileData({ taskid: 'T', data_file: bytes, filename: '名单.xlsx' });
    const c = calls[0];
    expect(c?.method).toBe('POST');
    // fetch sets multipart/form-data with its boundary itself.
    expect(c?.headers.get('content-type')).toBeNull();
    const form = c?.multipart as FormData;
    expect(form.get('appid')).toBe(APPID);
    expect(form.get('signature')).toBe(SIG);
    expect(form.get('taskid')).toBe('T');
    const file = form.get('data_file') as File;
    expect(file.name).toBe('名单.xlsx');
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it('serialises as real multipart/form-data', async () => {
    const { client, calls } = clientFor(() => ok());
    await client.addTaskFileData({ taskid: 'T', data_file: new Blob(['abc']), filename: 'a.xlsx' });
    const req = new Request('http://x/', { method: 'POST', body: calls[0]?.multipart });
    expect(req.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const text = await req.text();
    expect(text).toContain('name="data_file"; filename="a.xlsx"');
    expect(text).toContain('name="taskid"\r\n\r\nT\r\n');
  });
});

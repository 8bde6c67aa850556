/**
 * Every request and answer example of the vendor document (test/fixtures/sobot, copied
 * verbatim) read through the client, asserting the normalised values.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePushPayload, parseTolerantJson } from '../../../electron/services/sobot';
import { clientFor, fixture, fixtureServer } from './fakeFetch';

const T = 'tid-1';

describe('document answer examples', () => {
  const { client } = clientFor(fixtureServer());

  it('2.1 check_login_name', async () => {
    expect(await client.checkLoginName({ email: 'XXXX@sobot.com' })).toEqual({
      check_result: 1,
      ret_msg: '校验成功',
      reason: null,
    });
  });

  it('2.2 query_template: record split on commas, empty → []', async () => {
    const templates = await client.queryTemplate();
    expect(templates).toHaveLength(4);
    expect(templates[0]).toEqual({
      templateid: '6a9b98410bd44470ae4660275c14792f',
      template_name: '内容输出测试',
      content: '你好,请问您要卖车吗?',
      record: [
        'http://sobot-test.oss-cn-beijing.aliyuncs.com/call/ai/TTS/4401f750a3eef4c41805df1341218166.mp3',
      ],
    });
    expect(templates[2]).toMatchObject({
      templateid: '6a6d592bf37e4898bcfafd1cb4384f29',
      record: [],
      content: '',
    });
    expect(templates[3]?.record).toEqual([
      'http://sobot.oss-cn-beijing.aliyuncs.com/icall/voice/7201f49f125d47e79d5bdd1421b14c25/f1bafa17e5e1492ba1de859a8abba66e.wav',
      'http://sobot.oss-cn-beijing.aliyuncs.com/icall/voice/7201f49f125d47e79d5bdd1421b14c25/0d6e655090ad4f8993eebb6b1ab79dd5.wav',
    ]);
  });

  it('2.3 query_robot_num', async () => {
    expect(await client.queryRobotNum()).toEqual({ robot_num: 4 });
  });

  it('2.4 query_number: telephone keeps its leading zero, count is a number', async () => {
    expect(await client.queryNumber()).toEqual({
      total_count: 2,
      data: [{ telephone: '02180344315', count: 2 }],
    });
  });

  it('2.5 add_task', async () => {
    const { client: c } = clientFor((req) =>
      req.endpoint === 'query_task'
        ? { body: { ret_code: '000000', data: [] } }
        : { body: fixture('add_task.response.json') },
    );
    const r = await c.addTask({
      templateid: 'tpl',
      task_name: '创建任务',
      telephone: '02180344315',
      robot_num: 1,
      time_type: 2,
      call_time_slot: '8:00-19:00',
    });
    expect(r).toEqual({ taskid: 'XXXXXX', reconciled: false });
  });

  it('2.7 add_task_data', async () => {
    const r = await client.addTaskData({ taskid: T, data: [{ telephone: '15988888888', outid: 'x1' }] });
    expect(r).toEqual({ accepted: ['x1'], rejected: [], uncertain: [], notSent: [] });
  });

  it('2.8 add_task_file_data', async () => {
    const r = await client.addTaskFileData({
      taskid: T,
      data_file: new Uint8Array([1, 2, 3]),
      filename: 'a.xlsx',
    });
    expect(r).toEqual({
      counts: 2,
      defeat_counts: 1,
      repeat_counts: 0,
      success_counts: 1,
      filter_count: 0,
      error_data: [3],
      ret_msg: '本次导入数据2条,成功1条,过滤免打扰客户数据0条,失败1条',
    });
  });

  it('2.9 query_task_data: masked tel, string date_time and sender_type', async () => {
    const r = await client.queryTaskData({ taskid: T, outid: 'o' });
    expect(r?.detail).toEqual({
      callid: 'soboticallebb1c75dc9794510aa0c1ed76fb0c576',
      answer_time: 1570607985848,
      start_time: 1570607970268,
      caller: '02180344315',
      voice_url:
        'http://sobot-test.oss-cn-beijing.com/call/ai/d8c3a878727c4beda55bae9ec183297f/20191009/20191009155930_soboticallebb1c75dc9794510aa0c5ed76fb0c576.wav',
      end_time: 1570608025308,
      fee_duration: 39460,
      tel: '182****6077',
      user_msg_count: 1,
      call_duration: 55040,
      intention_name: [],
      status: 2,
      del_flag: null,
      outid: null,
    });
    expect(r?.msg).toEqual([
      {
        callid: 'soboticallebb1c75dc9794510aa0c1ed76fb0c576',
        msg: '您好,我是XXX的体验专员,今天给您来电是想了解一下,您第一次在我们平台下单的体验怎么样?',
        date_time: 1570607971174,
        sender_type: 1,
        remark: null,
      },
      {
        callid: 'soboticallebb1c75dc9794510aa0c5ed76fb0c576',
        msg: '挺好的',
        date_time: 1570608002233,
        sender_type: 0,
        remark: null,
      },
    ]);
  });

  it('2.9 query_task_data: data null (no such row) → null', async () => {
    const { client: c } = clientFor(() => ({
      body: { ret_code: '000000', ret_msg: '暂无数据', data: null },
    }));
    expect(await c.queryTaskData({ taskid: T, outid: 'nope' })).toBeNull();
  });

  it('2.10 query_task', async () => {
    expect(await client.queryTask()).toEqual([
      { task_name: '任务1', task_status: 0, taskid: '100018163bcf0dc314eadaf7e13280548658c' },
      { task_name: '任务2', task_status: 1, taskid: '10001de2077f6e3724924a978afdf86070ad6' },
      { task_name: '任务2', task_status: 5, taskid: '1000182e3744c81954b6d9306cb0343527aab' },
    ]);
  });

  it.each([
    ['editorTask', '编辑任务成功'],
    ['pauseTask', '暂停成功'],
    ['resumeTask', '继续任务成功'],
    ['endTask', '完结成功'],
    ['deleteTask', '删除成功'],
  ] as const)('2.11–2.16 %s', async (method, msg) => {
    expect(await client[method]({ taskid: T })).toEqual({ ret_msg: msg });
  });

  it('2.15 query_task_info: null start/end stay null', async () => {
    const r = await client.queryTaskInfo({ taskid: ['a', 'b'] });
    expect(r).toHaveLength(2);
    expect(r[0]).toEqual({
      call_times: 115,
      call_intent_times: 1,
      task_name: '1212-01',
      call_total_data: 508,
      task_status: 5,
      time_type: 2,
      call_time_slot: '09:00-20:00',
      end_time: null,
      robot_num: 4,
      telephone: '02180344315',
      start_time: null,
      call_connected_times: 5,
      taskid: '1000110d35472707c4067808f68271e07e787',
    });
    expect(r[1]?.task_status).toBe(2);
  });

  it('2.17 delete_task_data', async () => {
    expect(await client.deleteTaskData({ taskid: T, outid: 'a,b' })).toEqual({ del_counts: 2 });
  });

  it('2.18 calls_count', async () => {
    expect(
      await client.callsCount({ taskid: 'a', begin_time: 1577436030000, end_time: 1579086041000 }),
    ).toEqual([
      { task_name: '20.01.15测试', count: 25, taskid: '100017add6b22e5884678a6c1c861f73beae8' },
      { task_name: '测试任务', count: 1, taskid: '100010484d4fb8d734888b0ec89f0978d5e20' },
    ]);
  });

  it('2.19 query_time_task_data: strings become numbers, callid trimmed, del_flag kept', async () => {
    const page = await client.queryTimeTaskDataPage({
      taskid: 'a',
      begin_time: 1575189630001,
      end_time: 1579086041000,
      page_size: 2,
      page_num: 1,
    });
    expect(page.page_count).toBe(13);
    expect(page.total_count).toBe(25);
    expect(page.data).toHaveLength(2);
    const [first, second] = page.data;
    expect(first?.detail).toMatchObject({
      answer_time: 0,
      del_flag: -1,
      end_time: 1579084974374,
      fee_duration: 0,
      user_msg_count: 0,
      call_duration: 1930,
      start_time: 1579084972444,
      caller: '02180344315',
      tel: '18201666077',
      intention_name: [],
      status: 3,
    });
    expect(second?.detail.del_flag).toBe(1);
    expect(second?.msg[1]).toEqual({
      callid: 'soboticall51d0048b18394c4d9bcaa5981bcb08f3',
      msg: '挺好的',
      date_time: 1579084975134,
      sender_type: 0,
      remark: null,
    });
  });
});

describe('document push example (2.6, not valid JSON)', () => {
  const text = fixture('push.example.txt');

  it('is indeed rejected by JSON.parse', () => {
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('parses with every digit string intact', () => {
    const { detail, msg } = parsePushPayload(text);
    expect(detail).toEqual({
      callid: 'soboticallbcf37279feb441ee99f33a9814d26b00',
      answer_time: 1576551759848,
      voice_url:
        'http://sobot-test.oss-cn-beijing.com/call/ai/123456/20191217/20191217110230_soboticallbcf37279feb441ee99f33a9814d26b00.wav',
      end_time: 1576551789308,
      fee_duration: 29460,
      user_msg_count: 1,
      call_duration: 39440,
      start_time: 1576551749868,
      caller: '02180344315',
      outid: '1234554321123666',
      tel: '18207736077',
      intention_name: ['有意向购买', '满意'],
      status: 2,
      del_flag: null,
    });
    expect(msg).toHaveLength(3);
    expect(msg[0]).toMatchObject({ sender_type: 1, date_time: 1576551750959, remark: null });
    expect(msg[1]).toEqual({
      callid: 'soboticallbcf37279feb441ee99f33a9814d26b00',
      msg: '挺好的',
      date_time: 1576551784241,
      sender_type: 0,
      remark: '匹配到:【开场白#肯定】',
    });
  });

  it('keeps ret_code 000000 as the exact string', () => {
    const root = parseTolerantJson(text) as { result: { ret_code: { raw: string } } };
    expect(root.result.ret_code.raw).toBe('000000');
  });

  it.each([
    '',
    '   ',
    '<html><body>502 Bad Gateway</body></html>',
    '{"result":{"data":',
    '{"foo":1}',
    '[1,2]',
    'null',
  ])('rejects garbage %j as net.bad_response', (garbage) => {
    expect(() => parsePushPayload(garbage)).toThrow(
      expect.objectContaining({ code: 'net.bad_response', endpoint: 'push' }),
    );
  });
});

describe('document request examples', () => {
  // The GET examples name the parameters; the client must send the same names (plus nothing
  // the document does not know).
  const urlCases = [
    [
      'check_login_name',
      (c: ReturnType<typeof clientFor>['client']) => c.checkLoginName({ email: 'XXXX@sobot.com' }),
    ],
    ['query_template', (c: ReturnType<typeof clientFor>['client']) => c.queryTemplate()],
    ['query_robot_num', (c: ReturnType<typeof clientFor>['client']) => c.queryRobotNum()],
    ['query_number', (c: ReturnType<typeof clientFor>['client']) => c.queryNumber()],
    [
      'query_task_data',
      (c: ReturnType<typeof clientFor>['client']) => c.queryTaskData({ outid: 'XXXXXX', taskid: 'XXXXXX' }),
    ],
    ['query_task', (c: ReturnType<typeof clientFor>['client']) => c.queryTask()],
    ['pause_task', (c: ReturnType<typeof clientFor>['client']) => c.pauseTask({ taskid: 'XXXXXX' })],
    ['resume_task', (c: ReturnType<typeof clientFor>['client']) => c.resumeTask({ taskid: 'XXXXXX' })],
    ['end_task', (c: ReturnType<typeof clientFor>['client']) => c.endTask({ taskid: 'XXXXXX' })],
    ['delete_task', (c: ReturnType<typeof clientFor>['client']) => c.deleteTask({ taskid: 'XXXXXX' })],
    [
      'calls_count',
      (c: ReturnType<typeof clientFor>['client']) =>
        c.callsCount({
          taskid: '100017add6b22e5884678a6c1c861f73beae8,100010484d4fb8d734888b0ec89f0978d5e20',
          begin_time: 1577436030000,
          end_time: 1579086041000,
        }),
    ],
    [
      'query_time_task_data',
      (c: ReturnType<typeof clientFor>['client']) =>
        c.queryTimeTaskDataPage({
          taskid: '100017add6b22e5884678a6c1c861f73beae8',
          begin_time: 1575189630001,
          end_time: 1579086041000,
          page_size: 2,
          page_num: 1,
        }),
    ],
  ] as const;

  it.each(urlCases)('%s sends the parameters of the document example', async (endpoint, run) => {
    const docUrl = new URL(
      fixture(`${endpoint}.url.txt`).trim().replace(/ /g, ''),
      'https://icall.sobot.com',
    );
    const docParams = Object.fromEntries(docUrl.searchParams);
    const { client, calls } = clientFor(fixtureServer());
    await run(client);
    const sent = calls[0];
    expect(sent?.method).toBe('GET');
    expect(sent?.endpoint).toBe(endpoint);
    expect(Object.keys(sent?.params ?? {}).sort()).toEqual(Object.keys(docParams).sort());
    // Where the document shows concrete values (not XXXX placeholders), they go out unchanged.
    for (const [k, v] of Object.entries(docParams))
      if (!/^X+(@sobot\.com)?$/.test(v)) expect(sent?.params[k]).toBe(v);
  });

  it.each([
    ['add_task', 'add_task.request.txt'],
    ['add_task_data', 'add_task_data.request.txt'],
    ['delete_task_data', 'delete_task_data.request.txt'],
    ['editor_task', 'editor_task.request.txt'],
  ])('%s sends the fields of the document example', async (endpoint, file) => {
    // The examples are commented JSON-ish listings: read their field names.
    const topLevel = fixture(file).replace(/\[[\s\S]*?\]/g, '[]');
    const docFields = [...topLevel.matchAll(/^\s*"(\w+)"\s*:/gm)].map((m) => m[1] as string);
    const { client, calls } = clientFor((req) =>
      req.endpoint === 'query_task'
        ? { body: { ret_code: '000000', data: [] } }
        : { body: fixture(`${endpoint}.response.json`) },
    );
    const call: Record<string, () => Promise<unknown>> = {
      add_task: () =>
        client.addTask({
          templateid: 'tpl',
          task_name: 'n',
          line_type: 1,
          telephone: '02180344315',
          robot_num: 1,
          time_type: 1,
          start_time: 1577436030000,
          end_time: 1579086041000,
          call_time_slot: '09:00-20:00',
          push_url: 'https://example.test/push',
          push_type: 2,
        }),
      add_task_data: () =>
        client.addTaskData({
          taskid: 't',
          data: [{ telephone: '15988888888', outid: 'o', variable: '会议地点^银海大厦|参会人性别^先生' }],
        }),
      delete_task_data: () => client.deleteTaskData({ taskid: 't', outid: ['a', 'b'] }),
      editor_task: () =>
        client.editorTask({
          taskid: 't',
          task_name: 'n',
          telephone: '02180344315',
          robot_num: 2,
          time_type: 1,
          start_time: 1577436030000,
          end_time: 1579086041000,
          call_time_slot: '9:00-20:00',
        }),
    };
    await call[endpoint]?.();
    const sent = calls.find((c) => c.endpoint === endpoint);
    expect(Object.keys(sent?.params ?? {}).sort()).toEqual([...new Set(docFields)].sort());
  });

  it('add_task_data example rows and variables go out as the JSON string `data`', async () => {
    const { client, calls } = clientFor(fixtureServer());
    await client.addTaskData({
      taskid: 'xxxx',
      data: [{ telephone: '15988888888', outid: 'xxxxxxxx', variable: '会议地点^银海大厦|参会人性别^先生' }],
    });
    expect(JSON.parse(calls[0]?.params['data'] ?? '')).toEqual([
      { telephone: '15988888888', outid: 'xxxxxxxx', variable: '会议地点^银海大厦|参会人性别^先生' },
    ]);
  });
});

describe('fixtures are verbatim copies of the vendor document', () => {
  // The spec lives beside the repository in this workspace; elsewhere this check is skipped.
  const specPath = fileURLToPath(new URL('../../../../shared/spec/sobot-icall-v1.txt', import.meta.url));
  const files = readdirSync(fileURLToPath(new URL('../../fixtures/sobot/', import.meta.url)));

  it.skipIf(!existsSync(specPath)).each(files)('%s appears byte-for-byte in the document', (file) => {
    const spec = readFileSync(specPath, 'utf8');
    const text = fixture(file);
    // .url.txt / .request.txt files end with one added newline.
    expect(
      spec.includes(file.endsWith('.json') || file.startsWith('push') ? text : text.replace(/\n$/, '')),
    ).toBe(true);
  });
});

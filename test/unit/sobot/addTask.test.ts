/** add_task is never sent twice; a lost answer is reconciled through query_task. */
import { describe, expect, it } from 'vitest';
import { SobotAddTaskUncertainError, toAppError } from '../../../electron/services/sobot';
import { clientFor, code, netError, ok, type Recorded, type Reply } from './fakeFetch';

const PARAMS = {
  templateid: 'tpl',
  task_name: '回访',
  telephone: '0211',
  robot_num: 1,
  time_type: 2,
  call_time_slot: '9:00-18:00',
};

/** A fake server: query_task answers `lists` in turn, add_task runs `onAdd`. */
function server(
  lists: Array<Array<{ taskid: string; task_name: string; task_status?: number }>>,
  onAdd: (r: Recorded) => Reply | Promise<Reply>,
) {
  let q = 0;
  return (r: Recorded): Reply | Promise<Reply> => {
    if (r.endpoint === 'query_task') {
      const list = lists[Math.min(q++, lists.length - 1)] ?? [];
      return ok({ data: list.map((t) => ({ task_status: 0, ...t })) });
    }
    return onAdd(r);
  };
}

const count = (calls: Recorded[], endpoint: string) => calls.filter((c) => c.endpoint === endpoint).length;

describe('addTask', () => {
  it('plain success: one add_task after a query_task snapshot', async () => {
    const { client, calls } = clientFor(server([[]], () => ok({ data: { taskid: ' T1 ' } })));
    await expect(client.addTask(PARAMS)).resolves.toEqual({ taskid: 'T1', reconciled: false });
    expect(calls.map((c) => c.endpoint)).toEqual(['query_task', 'add_task']);
  });

  it('timeout after send: finds exactly one new task with that name', async () => {
    const { client, calls } = clientFor(
      server(
        [
          [
            { taskid: 'OLD', task_name: '回访' },
            { taskid: 'X', task_name: '别的' },
          ],
          [
            { taskid: 'OLD', task_name: '回访' },
            { taskid: 'X', task_name: '别的' },
            { taskid: 'NEW', task_name: '回访' },
          ],
        ],
        () => new Promise<Reply>(() => undefined),
      ),
      { timeoutMs: 20 },
    );
    await expect(client.addTask(PARAMS)).resolves.toEqual({ taskid: 'NEW', reconciled: true });
    expect(count(calls, 'add_task')).toBe(1);
  });

  it.each([
    [
      'reset',
      (): Reply => {
        throw netError('ECONNRESET');
      },
    ],
    ['503 page', (): Reply => ({ status: 503, body: '<html/>' })],
    ['329999', (): Reply => code('329999')],
    ['truncated', (): Reply => ({ body: '{"ret_code":"000000","data":{"taskid":"NE' })],
  ])('%s: reconciles instead of re-sending', async (_l, failure) => {
    const { client, calls } = clientFor(server([[], [{ taskid: 'NEW', task_name: '回访' }]], failure));
    await expect(client.addTask(PARAMS)).resolves.toEqual({ taskid: 'NEW', reconciled: true });
    expect(count(calls, 'add_task')).toBe(1);
  });

  it('no new task found → sobot.add_task_uncertain, never a second add_task', async () => {
    const { client, calls } = clientFor(
      server([[{ taskid: 'OLD', task_name: '回访' }]], () => ({ status: 502, body: 'x' })),
    );
    const err = await client.addTask(PARAMS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SobotAddTaskUncertainError);
    expect(err).toMatchObject({ code: 'sobot.add_task_uncertain', candidates: [], task_name: '回访' });
    expect(toAppError(err, 'en')).toMatchObject({ code: 'sobot.add_task_uncertain', detail: '回访' });
    expect(count(calls, 'add_task')).toBe(1);
  });

  it('two new tasks with the name → uncertain, both listed', async () => {
    const { client } = clientFor(
      server(
        [
          [],
          [
            { taskid: 'A', task_name: '回访' },
            { taskid: 'B', task_name: '回访' },
          ],
        ],
        () => {
          throw netError('ECONNRESET');
        },
      ),
    );
    await expect(client.addTask(PARAMS)).rejects.toMatchObject({
      code: 'sobot.add_task_uncertain',
      candidates: ['A', 'B'],
    });
  });

  it('snapshot failed → an ambiguous failure is uncertain (cannot tell old from new)', async () => {
    const { client, calls } = clientFor((r) =>
      r.endpoint === 'query_task'
        ? { status: 404, body: 'no' }
        : (() => {
            throw netError('ECONNRESET');
          })(),
    );
    await expect(client.addTask(PARAMS)).rejects.toMatchObject({ code: 'sobot.add_task_uncertain' });
    expect(count(calls, 'add_task')).toBe(1);
  });

  it('reconciliation query failing → uncertain', async () => {
    let q = 0;
    const { client } = clientFor((r) => {
      if (r.endpoint === 'query_task') return q++ === 0 ? ok({ data: [] }) : { status: 404, body: 'x' };
      throw netError('ECONNRESET');
    });
    await expect(client.addTask(PARAMS)).rejects.toMatchObject({ code: 'sobot.add_task_uncertain' });
  });

  it('definite server errors are passed through without reconciling', async () => {
    const { client, calls } = clientFor(server([[]], () => code('320019')));
    await expect(client.addTask(PARAMS)).rejects.toMatchObject({ code: '320019', endpoint: 'add_task' });
    expect(calls.map((c) => c.endpoint)).toEqual(['query_task', 'add_task']);
  });

  it('connection refused (nothing sent) is retried like any request', async () => {
    let n = 0;
    const { client, calls } = clientFor(
      server([[]], () => {
        if (++n === 1) throw netError('ECONNREFUSED');
        return ok({ data: { taskid: 'T' } });
      }),
    );
    await expect(client.addTask(PARAMS)).resolves.toEqual({ taskid: 'T', reconciled: false });
    expect(count(calls, 'add_task')).toBe(2);
  });

  it('abort during add_task surfaces net.aborted', async () => {
    const { client } = clientFor(server([[]], () => new Promise<Reply>(() => undefined)));
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 10);
    await expect(client.addTask(PARAMS, { signal: ctrl.signal })).rejects.toMatchObject({
      code: 'net.aborted',
    });
  });
});

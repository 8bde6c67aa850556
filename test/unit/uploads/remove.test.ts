/** Removing uploaded rows from a task: 100 outids per delete_task_data, journaled per batch. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeList, mobiles } from '../../support/uploads';
import { uploadFixture } from './setup';

let fixture: Awaited<ReturnType<typeof uploadFixture>>;
afterEach(async () => fixture?.close());

describe('remove uploaded rows', () => {
  it('deletes only rows the journal shows on the task, in batches of 100', async () => {
    fixture = await uploadFixture();
    const { uploads, services, taskId, sandbox } = fixture;
    const listId = makeList(services, mobiles(260));
    const ids = services.store.queryRowIds(listId);
    const handle = await uploads.start({ listId, taskId, rowIds: ids.slice(0, 250) });
    await handle.done;

    sandbox.control.resetStats();
    const result = await uploads.removeRows({ listId, taskId, rowIds: ids.slice(100, 260) });
    expect(result).toEqual({ requested: 160, removed: 150, notOnTask: 10, providerDeleted: 150 });
    expect(sandbox.control.stats().requests['delete_task_data']).toBe(2);
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(100);

    const summary = uploads.status(handle.uploadId);
    expect(summary.rows).toMatchObject({ accepted: 100, removed: 150 });
    // Removed rows still count as accepted at upload time.
    expect(summary.outcome.accepted).toBe(250);

    // Removing again finds nothing on the task and sends nothing.
    sandbox.control.resetStats();
    const again = await uploads.removeRows({ listId, taskId, rowIds: ids.slice(100, 250) });
    expect(again).toMatchObject({ removed: 0, notOnTask: 150 });
    expect(sandbox.control.stats().requests['delete_task_data']).toBeUndefined();

    // Removed rows are no longer on the task: a new upload sends them again.
    expect((await uploads.plan({ listId, taskId })).toSend).toBe(160);
    const back = await (await uploads.start({ listId, taskId, rowIds: ids.slice(100, 150) })).done;
    expect(back.outcome.accepted).toBe(50);
    expect(sandbox.control.taskOutids(taskId)).toHaveLength(150);
  });

  it('lists uploads per list and per task', async () => {
    fixture = await uploadFixture();
    const { uploads, services, taskId } = fixture;
    const a = makeList(services, mobiles(10), 'A');
    const b = makeList(services, mobiles(10, 100), 'B');
    await (
      await uploads.start({ listId: a, taskId })
    ).done;
    await (
      await uploads.start({ listId: b, taskId, via: 'file' })
    ).done;
    expect(uploads.forList(a).map((u) => u.listName)).toEqual(['A']);
    expect(uploads.forTask(taskId).map((u) => [u.listName, u.via, u.state])).toEqual([
      ['B', 'file', 'done'],
      ['A', 'data', 'done'],
    ]);
    expect(uploads.running()).toEqual([]);
  });
});

/**
 * Through the core, the journal is created on the database worker: once the worker commits it,
 * the upload is `running`, owned by this service, and its runner does not exist until main has
 * the worker's answer. A status, list or task read arriving in that moment must not take it for
 * an upload whose process died (`uploads.interrupted`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSession } from '../../../electron/services/accounts/service';
import type { Core } from '../../../electron/services/core/createCore';
import type { ListServices } from '../../../electron/services/lists/index';
import type { Result } from '../../../shared/result';
import type { UploadHandle } from '../../../electron/services/uploads';
import type { UploadSummary } from '../../../shared/uploads';
import { openHarnessCore, TEST_SENDER } from '../../support/harnessCore';
import { makeList, mobiles } from '../../support/uploads';

const SENDER = TEST_SENDER;

let closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers = [];
});

const openCore = (): Core => openHarnessCore(7, closers);

/** Blocks this thread for `ms` (the worker goes on). */
function block(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Right after the keychain answers, start sends the journal's creation to the worker. This
 * thread then waits (the worker's answer cannot arrive meanwhile) until the journal holds the
 * list's upload, and calls `then` with its id: what a window's call arriving then would see.
 * Answers the runners the service had at that moment (none: the moment was caught).
 */
function whenJournaled(core: Core, listId: number, then: (id: number) => void): { running?: number[] } {
  const caught: { running?: number[] } = {};
  const { accounts } = core;
  const sessionFor = accounts.sessionFor.bind(accounts);
  accounts.sessionFor = async (id?: string): Promise<AccountSession> => {
    const session = await sessionFor(id);
    accounts.sessionFor = sessionFor;
    setTimeout(() => {
      const find = core.db.prepare('SELECT id FROM uploads WHERE list_id = ?').pluck();
      let uploadId: number | undefined;
      for (let waited = 0; uploadId === undefined && waited < 20_000; waited += 2) {
        block(2);
        uploadId = find.get(listId) as number | undefined;
      }
      if (uploadId === undefined) return;
      caught.running = core.uploads.running();
      then(uploadId);
    }, 0);
    return session;
  };
  return caught;
}

describe('an upload read while it starts', () => {
  it('is running, not interrupted, between the journal commit and its runner', async () => {
    const core = openCore();
    const call = (channel: string, input?: unknown) => core.dispatch(channel, input, SENDER);
    const control = await core.sandbox.control();
    const taskId = await control.seedTask({ name: '启动中', rows: 0, completed: 0 });
    const listId = makeList({ store: core.lists.store } as ListServices, mobiles(3_000));

    const seen: { status?: UploadSummary; forList?: UploadSummary[]; forTask?: UploadSummary[] } = {};
    const caught = whenJournaled(core, listId, (id) => {
      seen.forList = core.uploads.forList(listId);
      seen.forTask = core.uploads.forTask(taskId);
      seen.status = core.uploads.status(id);
    });

    const started = (await call('uploads:start', { listId, taskId })) as Result<UploadSummary>;
    expect(started).toMatchObject({ ok: true, value: { listId, taskId, state: 'running' } });
    const id = started.ok ? started.value.id : -1;
    expect(caught.running).toEqual([]);
    expect(seen.status).toMatchObject({ id, state: 'running', error: null });
    expect(seen.forList).toMatchObject([{ id, state: 'running', error: null }]);
    expect(seen.forTask).toMatchObject([{ id, state: 'running', error: null }]);

    // And the run goes on to the end.
    expect(core.uploads.running()).toEqual([id]);
    // (resume answers the running upload's own handle)
    const handle = await core.uploads.resume(id);
    expect((await handle.done).state).toBe('done');
  });

  it('resumed in that moment: the resume answers the same handle as the start, one runner', async () => {
    const core = openCore();
    const control = await core.sandbox.control();
    const taskId = await control.seedTask({ name: '启动中续传', rows: 0, completed: 0 });
    const listId = makeList({ store: core.lists.store } as ListServices, mobiles(3_000));
    let resumed: Promise<UploadHandle> | undefined;
    const caught = whenJournaled(core, listId, (id) => {
      resumed = core.uploads.resume(id);
    });
    const handle = await core.uploads.start({ listId, taskId });
    expect(caught.running).toEqual([]);
    expect(resumed).toBeDefined();
    expect(await resumed).toBe(handle);
    expect(core.uploads.running()).toEqual([handle.uploadId]);
    const done = await handle.done;
    expect(done).toMatchObject({ state: 'done', outcome: { accepted: 3_000 }, rows: { uncertain: 0 } });
    expect(await control.taskOutids(taskId)).toHaveLength(3_000);
  });
});

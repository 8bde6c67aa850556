/**
 * close() while a start or a resume is on its way to its runner (here: the keychain still
 * answering; in the core also the database worker's selection and journal creation). close()
 * waits for it, and the runner it makes is stopped at once: when close() resolves nothing runs,
 * nothing was sent, and the upload is left paused (resumable), not half-made.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSession } from '../../../electron/services/accounts/service';
import type { UploadHandle } from '../../../electron/services/uploads';
import { accountsOver } from '../../support/providers';
import { makeList, mobiles } from '../../support/uploads';
import { uploadFixture } from './setup';

let fixture: Awaited<ReturnType<typeof uploadFixture>>;
afterEach(async () => fixture?.close());

/** A sessionFor that answers only once `open()` is called. */
function gatedSessions(real: () => (id?: string) => Promise<AccountSession>) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    sessionFor: async (id?: string) => {
      await gate;
      return real()(id);
    },
  };
}

/**
 * Closes the service while a start or resume waits for its session, lets the session through
 * 30 ms into the close, and answers how many requests had been sent when close resolved (with
 * nothing left running).
 */
async function closeWhileWaiting(
  { uploads, proxy }: Pick<typeof fixture, 'uploads' | 'proxy'>,
  open: () => void,
): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  const closed = uploads.close();
  setTimeout(open, 30);
  await closed;
  expect(uploads.running()).toEqual([]);
  return proxy.received.size;
}

describe('close() with a start or a resume on its way', () => {
  it('waits for a start: nothing is sent after close resolves, the upload is left paused', async () => {
    let realSessionFor: ((id?: string) => Promise<AccountSession>) | null = null;
    const gated = gatedSessions(() => realSessionFor!);
    fixture = await uploadFixture({ batchRows: 100, sessionFor: (id) => gated.sessionFor(id) });
    const { uploads, services, taskId, proxy } = fixture;
    realSessionFor = accountsOver(fixture.client).sessionFor;
    const listId = makeList(services, mobiles(500));

    const started = uploads.start({ listId, taskId });
    const sentAtClose = await closeWhileWaiting(fixture, gated.open);

    const handle: UploadHandle = await started;
    const summary = await handle.done;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.received.size).toBe(sentAtClose);
    expect(sentAtClose).toBe(0);
    expect(summary).toMatchObject({ state: 'paused', rows: { pending: 500, sending: 0 } });
  });

  it('waits for a resume: nothing is sent after close resolves', async () => {
    let realSessionFor: ((id?: string) => Promise<AccountSession>) | null = null;
    let gated = { open: (): void => undefined, sessionFor: (id?: string) => realSessionFor!(id) };
    fixture = await uploadFixture({ batchRows: 100, sessionFor: (id) => gated.sessionFor(id) });
    const { uploads, services, taskId, proxy } = fixture;
    realSessionFor = accountsOver(fixture.client).sessionFor;
    const listId = makeList(services, mobiles(500));
    const first = await uploads.start(
      { listId, taskId },
      { onProgress: (p) => (p.batchesDone === 1 ? first.pause() : undefined) },
    );
    const paused = await first.done;
    expect(paused.state).toBe('paused');
    const sentBefore = proxy.received.size;

    gated = gatedSessions(() => realSessionFor!);
    const resumed = uploads.resume(first.uploadId);
    const sentAtClose = await closeWhileWaiting(fixture, gated.open);

    const summary = await (await resumed).done;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.received.size).toBe(sentAtClose);
    expect(sentAtClose).toBe(sentBefore);
    expect(summary).toMatchObject({ state: 'paused', rows: { sending: 0 } });
  });
});

/**
 * Cancelling an upload whose runner is gone (a crash or quit left it `running`, or it was
 * already shown interrupted): rows left `sending` may have reached the task, and nothing will
 * ever look them up, so they are settled as a run does when it cannot look rows up — `uncertain`
 * (counted as on the task by the number checks, listed for the operator) — not left `sending`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createUploadService } from '../../../electron/services/uploads';
import { accountsOver } from '../../support/providers';
import { makeList, mobiles } from '../../support/uploads';
import { uploadFixture } from './setup';

let fixture: Awaited<ReturnType<typeof uploadFixture>>;
afterEach(async () => fixture?.close());

/** An upload paused after 2 batches, then left as a crash mid-batch leaves it: running, a dead owner, 100 rows sending. */
async function crashedUpload() {
  fixture = await uploadFixture({ batchRows: 100 });
  const { uploads, services, taskId } = fixture;
  const listId = makeList(services, mobiles(500));
  const handle = await uploads.start(
    { listId, taskId },
    { onProgress: (p) => (p.batchesDone === 2 ? handle.pause() : undefined) },
  );
  await handle.done;
  services.db
    .prepare(
      "UPDATE uploads SET state = 'running', owner_pid = 999999999, owner_token = 'dead', heartbeat_at = ? WHERE id = ?",
    )
    .run(Date.now(), handle.uploadId);
  services.db
    .prepare(
      "UPDATE upload_rows SET state = 'sending' WHERE upload_id = ? AND seq IN (SELECT seq FROM upload_rows WHERE upload_id = ? AND state = 'pending' ORDER BY seq LIMIT 100)",
    )
    .run(handle.uploadId, handle.uploadId);
  // A new process (another service on the same journal) sees it.
  const restarted = createUploadService({
    db: services.db,
    lists: services.store,
    ...accountsOver(fixture.client),
  });
  return { id: handle.uploadId, restarted, listId };
}

describe('cancel of an upload whose runner is gone', () => {
  it('settles its sending rows as uncertain, as a run that cannot look them up does', async () => {
    const { id, restarted } = await crashedUpload();
    const cancelled = restarted.cancel(id);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.rows).toMatchObject({ sending: 0, uncertain: 100 });
    expect(restarted.rows(id, { states: ['uncertain'] })).toHaveLength(100);
    // The operator can close them; a cancelled upload is not sent again.
    await expect(restarted.resendUncertain(id)).rejects.toMatchObject({ code: 'uploads.not_resumable' });
    expect(restarted.status(id).rows).toMatchObject({ uncertain: 100, pending: 100 });
    expect(restarted.skipUncertain(id).rows).toMatchObject({ uncertain: 0, sending: 0 });
    await restarted.close();
  });

  it('the same once it was shown interrupted (failed), through the read answer', async () => {
    const { id, restarted, listId } = await crashedUpload();
    expect(restarted.forList(listId)[0]).toMatchObject({ id, state: 'failed' });
    const cancelled = await restarted.read.cancel(id);
    expect(cancelled).toMatchObject({ state: 'cancelled', rows: { sending: 0, uncertain: 100 } });
    await restarted.close();
  });
});

/** `campaign-desk upload`: plan on stderr, the outcome on stdout, and a second run resumes. */
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/commands/index';
import { runUpload } from '../../../electron/cli/commands/upload';
import { makeList, mobiles } from '../../support/uploads';
import { mixedRows, uploadFixture } from './setup';
import { capturedCliContext } from '../../support/cliContext';

const context = capturedCliContext;

let fixture: Awaited<ReturnType<typeof uploadFixture>>;
afterEach(async () => fixture?.close());

describe('campaign-desk upload', () => {
  it('is registered', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('upload');
  });

  it('uploads, reporting exclusions and the outcome', async () => {
    fixture = await uploadFixture();
    const listId = makeList(fixture.services, mixedRows());
    const { ctx, out } = context(false);
    expect(await runUpload(fixture.uploads, [String(listId), '--task', fixture.taskId], ctx)).toBe(0);
    expect(out.stderr).toContain('21 rows to upload, 4 excluded');
    expect(out.stderr).toContain('Invalid telephone number: 1');
    expect(out.stdout).toContain('Sent 21, accepted 20, repeated 0, filtered 1, failed 0');
  });

  it('pauses on Ctrl-C and resumes when run again, with --json', async () => {
    fixture = await uploadFixture({ batchRows: 100, latencyMs: 5 });
    const listId = makeList(fixture.services, mobiles(1_000));
    let interrupt = (): void => undefined;
    const first = context(true, new Promise((resolve) => (interrupt = resolve)));
    const args = [String(listId), '--task', fixture.taskId, '--via', 'data'];
    const running = runUpload(fixture.uploads, args, first.ctx);
    await new Promise((resolve) => setTimeout(resolve, 30));
    interrupt();
    expect(await running).toBe(130);
    const paused = JSON.parse(first.out.stdout) as { upload: { state: string; rows: { pending: number } } };
    expect(paused.upload.state).toBe('paused');
    expect(paused.upload.rows.pending).toBeGreaterThan(0);

    const second = context(true);
    expect(await runUpload(fixture.uploads, args, second.ctx)).toBe(0);
    const done = JSON.parse(second.out.stdout) as {
      plan: { unfinishedUploadId: number };
      upload: { outcome: object };
    };
    expect(done.plan.unfinishedUploadId).not.toBeNull();
    expect(done.upload.outcome).toMatchObject({ accepted: 1_000, repeated: 0 });
    expect(fixture.sandbox.control.taskOutids(fixture.taskId)).toHaveLength(1_000);
  });

  it('explains its usage', async () => {
    fixture = await uploadFixture();
    const { ctx } = context(false);
    await expect(runUpload(fixture.uploads, ['x'], ctx)).rejects.toMatchObject({
      name: 'UsageError',
      params: { option: 'LIST_ID', value: 'x' },
    });
    await expect(runUpload(fixture.uploads, ['3'], ctx)).rejects.toMatchObject({
      params: { name: '--task' },
    });
  });
});

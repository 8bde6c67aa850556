/**
 * SIGKILL in the middle of an upload, then the same upload run again by a new process: the task
 * ends with exactly the list's valid outids, each received once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openListServices } from '../../../electron/services/lists';
import { SOBOT_CAPABILITIES } from '../../../electron/services/sobot/provider/info';
import { startSandbox } from '../../../electron/services/sandbox/index';
import { startCountingProxy } from '../../support/countingProxy';
import { createTask, makeList, mobiles, sandboxClient, type TestRow } from '../../support/uploads';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Runs the child; with `killAfter`, SIGKILLs it once it reported that many answered batches. */
async function runChild(
  args: string[],
  killAfter?: number,
): Promise<{ signal: string | null; lines: string[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/support/uploadChild.ts'), ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<string | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  const lines: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    lines.push(line);
    const [word, value] = line.split(' ');
    if (killAfter !== undefined && word === 'batch' && Number(value) >= killAfter) {
      // A moment later the next batch is journaled `sending` and waits for the provider's answer.
      await new Promise((wait) => setTimeout(wait, 12));
      child.kill('SIGKILL');
      break;
    }
  }
  return { signal: await exited, lines };
}

describe('upload crash safety', () => {
  it('resumes after SIGKILL without sending an outid twice or skipping one', async () => {
    // Some latency, so the kill usually lands while a batch is on the wire.
    const sandbox = await startSandbox({ autoRun: false, latencyMs: 40 });
    const proxy = await startCountingProxy(sandbox.url);
    try {
      const taskId = await createTask(sandboxClient(sandbox.url));
      const dir = mkdtempSync(join(tmpdir(), 'cd-upload-crash-'));
      const rows: TestRow[] = mobiles(2_400);
      for (let i = 0; i < rows.length; i += 50) rows[i] = { telephone: 'not a phone' };
      const services = openListServices(join(dir, 'data'));
      const listId = makeList(services, rows);
      const valid = services.store
        .getRows(listId, 0, rows.length)
        .filter((r) => r.problems.length === 0)
        .map((r) => r.outid);
      services.close();
      expect(valid).toHaveLength(2_352);

      const args = [join(dir, 'data'), proxy.url, String(listId), taskId, '2000'];
      const first = await runChild(args, 3);
      expect(first.signal).toBe('SIGKILL');
      const before = sandbox.control.taskOutids(taskId).length;
      const journal = openListServices(join(dir, 'data'));
      const sending = journal.db
        .prepare<[], { n: number }>("SELECT count(*) AS n FROM upload_rows WHERE state = 'sending'")
        .get()!.n;
      journal.close();
      console.info(`killed with ${before} of ${valid.length} rows on the task, ${sending} rows in flight`);
      // The kill lands between batches or with up to the provider's batches in flight (Sobot: 2)
      // on the wire, never half-journaled.
      expect(SOBOT_CAPABILITIES.rows.inFlight).toBe(2);
      expect([0, 100, 200]).toContain(sending);
      expect(before).toBeGreaterThanOrEqual(300);
      // The kill landed mid-upload: how many batches were answered while it travelled depends on
      // the machine's load (a busy CI runner answered 8 batches), so only "not finished" is asserted;
      // the point of the test is the second run below.
      expect(before + sending).toBeLessThan(valid.length);

      const second = await runChild(args);
      expect(second.signal).toBeNull();
      expect(second.lines.at(-1)).toMatch(/^done done /);

      // Every valid outid once (two batches in flight may reach the task in either order).
      expect(sandbox.control.taskOutids(taskId).sort()).toEqual([...valid].sort());
      expect([...proxy.received.keys()].sort()).toEqual([...valid].sort());
      expect([...proxy.received.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  }, 60_000);
});

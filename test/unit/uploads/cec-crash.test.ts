/**
 * SIGKILL in the middle of an upload to a Huawei CEC campaign, then the same upload run again
 * by a new process. CEC cannot be asked whether a row arrived, so the batch cut off by the kill
 * stays uncertain (for the operator) and is never resent on its own: no row reaches the
 * campaign twice (a resent row would come back as a duplicate, 0200018), none is skipped.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createHuaweiCecClient } from '../../../electron/services/huawei';
import { openListServices } from '../../../electron/services/lists';
import {
  CEC_FLOWS,
  CEC_SANDBOX_AK,
  CEC_SANDBOX_SK,
  startSandbox,
} from '../../../electron/services/sandbox/index';
import { makeList, mobiles } from '../../support/uploads';

const ROOT = resolve(import.meta.dirname, '../../..');

async function runChild(
  args: string[],
  killAfter?: number,
): Promise<{ signal: string | null; lines: string[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/support/cecUploadChild.ts'), ...args],
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
      // The next request goes ≥ 1 s after this answer and takes 400 ms: kill while it is out.
      await new Promise((wait) => setTimeout(wait, 1_150));
      child.kill('SIGKILL');
      break;
    }
  }
  return { signal: await exited, lines };
}

describe('CEC upload crash safety', () => {
  it('resumes after SIGKILL without sending a row twice: the cut-off batch waits for the operator', async () => {
    const sandbox = await startSandbox({ autoRun: false, latencyMs: 400 });
    try {
      const client = createHuaweiCecClient({
        baseUrl: sandbox.cec.baseUrl,
        ak: CEC_SANDBOX_AK,
        sk: CEC_SANDBOX_SK,
        vdnId: 1,
      });
      const now = Date.now();
      const { campaignId } = await client.createCampaign({
        name: `崩溃 ${now}`,
        beginTime: now,
        endTime: now + 86_400_000,
        slots: [{ begin: '00:00', end: '23:59' }],
        callerNo: '02180344315',
        flowAccessCode: CEC_FLOWS[0]!.accessCode,
      });
      await client.pauseCampaign(campaignId);
      const dir = mkdtempSync(join(tmpdir(), 'cd-cec-crash-'));
      const services = openListServices(join(dir, 'data'));
      const listId = makeList(services, mobiles(120, 100));
      services.close();

      const args = [join(dir, 'data'), sandbox.cec.baseUrl, String(listId), campaignId];
      const first = await runChild(args, 2);
      expect(first.signal).toBe('SIGKILL');
      const second = await runChild(args);
      expect(second.signal).toBeNull();
      const last = second.lines.at(-1)!;
      expect(last).toMatch(/^done done /);
      const rows = JSON.parse(last.split(' ').slice(2).join(' ')) as Record<string, number>;
      // One request was cut off: its 20 rows are uncertain, the rest accepted, none resent.
      expect(rows).toMatchObject({ uncertain: 20, accepted: 100, repeated: 0, rejected: 0, pending: 0 });
      const numbers = sandbox.control.cec.campaignNumbers(campaignId).map((n) => n.sessionId);
      expect(new Set(numbers).size).toBe(numbers.length);
      // The cut-off request reached the platform (it was on the wire) or not: never twice.
      expect([100, 120]).toContain(numbers.length);
      await client.close();
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});

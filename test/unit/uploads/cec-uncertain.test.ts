/**
 * Lost answers on Huawei CEC, which has no call that looks a row up by sessionId: the rows of a
 * request whose answer was lost stay `uncertain` — never resent on their own — and are listed;
 * the operator resends them (they go out once more) or skips them (closed unsent).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSession } from '../../../electron/services/accounts/service';
import { createHuaweiCecClient } from '../../../electron/services/huawei';
import { cecFactory, cecProvider } from '../../../electron/services/huawei/provider/index';
import { openListServices, type ListServices } from '../../../electron/services/lists';
import {
  CEC_CALLER_NUMBERS,
  CEC_FLOWS,
  CEC_SANDBOX_AK,
  CEC_SANDBOX_SK,
  startSandbox,
  type SandboxHandle,
} from '../../../electron/services/sandbox/index';
import { createUploadService, type UploadService } from '../../../electron/services/uploads';
import { runUpload } from '../../../electron/cli/commands/upload';
import { capturedCliContext } from '../../support/cliContext';
import { makeList, mobiles } from '../../support/uploads';

let sandbox: SandboxHandle | null = null;
let services: ListServices | null = null;
let uploads: UploadService | null = null;
afterEach(async () => {
  await uploads?.close();
  await sandbox?.close();
  services?.close();
  sandbox = null;
  services = null;
  uploads = null;
});

async function cecFixture(fault: 'reset' | 'truncated') {
  sandbox = await startSandbox({ autoRun: false });
  services = openListServices(mkdtempSync(join(tmpdir(), 'cd-cec-uncertain-')));
  const client = createHuaweiCecClient({
    baseUrl: sandbox.cec.baseUrl,
    ak: CEC_SANDBOX_AK,
    sk: CEC_SANDBOX_SK,
    vdnId: 1,
    retry: false,
  });
  const provider = cecProvider(client, { callerNumbers: [...CEC_CALLER_NUMBERS], flows: [] });
  const now = Date.now();
  const { id: taskId } = await provider.createTask(
    {
      templateId: CEC_FLOWS[0]!.accessCode,
      name: `不明 ${fault} ${now}`,
      callerNumbers: [CEC_CALLER_NUMBERS[0]!],
      robots: 1,
      callingHours: ['00:00-24:00'],
      validity: { kind: 'range', start: now, end: now + 86_400_000 },
      numberHiding: 'none',
      exportAllowed: true,
    },
    ['00:00-24:00'],
  );
  // Paused: nothing is dialled while the test looks at the campaign's numbers.
  await provider.changeTask(taskId, 'pause');
  // Clear of the demo blocklist (13900000000).
  const listId = makeList(services, mobiles(45, 100));
  const session: AccountSession = { accountId: 'cec', provider, factory: cecFactory, trustedHosts: [] };
  uploads = createUploadService({
    db: services.db,
    lists: services.store,
    activeId: () => 'cec',
    sessionFor: () => Promise.resolve(session),
    factoryFor: () => cecFactory,
  });
  sandbox.control.cec.setFault('addNumbers', fault);
  return { taskId, listId, uploads, cec: sandbox.control.cec };
}

async function cecUpload(fault: 'reset' | 'truncated') {
  const fixture = await cecFixture(fault);
  const summary = await (
    await fixture.uploads.start({ listId: fixture.listId, taskId: fixture.taskId })
  ).done;
  return { ...fixture, summary };
}

describe('uncertain rows on a provider that cannot look rows up', () => {
  it('are listed after the run and, resent by the operator, reach the campaign exactly once', async () => {
    const { taskId, summary, uploads, cec } = await cecUpload('reset');
    // The first request (20 rows) lost its answer; the other 25 rows went on.
    expect(summary.state).toBe('done');
    expect(summary.rows).toMatchObject({ uncertain: 20, accepted: 25, pending: 0 });
    const uncertain = uploads.rows(summary.id, { states: ['uncertain'] });
    expect(uncertain).toHaveLength(20);
    expect(cec.campaignNumbers(taskId)).toHaveLength(25);

    const resent = await (await uploads.resendUncertain(summary.id)).done;
    expect(resent.state).toBe('done');
    expect(resent.rows).toMatchObject({ uncertain: 0, accepted: 45 });
    const sessions = cec.campaignNumbers(taskId).map((n) => n.sessionId);
    expect(new Set(sessions).size).toBe(45);
    expect(sessions).toHaveLength(45);
    expect(() => uploads.skipUncertain(summary.id)).toThrow(/no rows whose outcome is unknown/);
  }, 30_000);

  it('are closed unsent when the operator skips them, and a new upload does not send them either', async () => {
    const { taskId, listId, summary, uploads, cec } = await cecUpload('truncated');
    expect(summary.rows.uncertain).toBe(20);
    // Truncated: the platform applied the request before the answer was cut.
    expect(cec.campaignNumbers(taskId)).toHaveLength(45);
    const skipped = uploads.skipUncertain(summary.id);
    expect(skipped.rows).toMatchObject({ uncertain: 0, rejected: 20, accepted: 25 });
    const rows = uploads.rows(summary.id, { states: ['rejected'] });
    expect(rows.every((r) => r.code === 'uploads.uncertain_skipped')).toBe(true);
    // They may be on the task: a new upload counts them as numbers already there.
    const plan = await uploads.plan({ listId, taskId });
    expect(plan.toSend).toBe(0);
    expect(plan.numberOnTask.rows).toBe(20);
    // The plan carries CEC's own row limits (sessionId, called, callData) to name them.
    expect(plan.rowLimits).toEqual({
      maxKeyLength: 32,
      phoneCharacters: '0-9*#',
      maxPhoneLength: 24,
      maxVariablesBytes: 1024,
    });
    await expect(uploads.resendUncertain(summary.id)).rejects.toThrow(/no rows whose outcome is unknown/);
  }, 30_000);

  it('are listed by campaign-desk upload, which exits 1 until the operator resends or skips them', async () => {
    const { taskId, listId, uploads, cec } = await cecFixture('reset');
    const args = [String(listId), '--task', taskId];
    const first = capturedCliContext(false);
    expect(await runUpload(uploads, args, first.ctx)).toBe(1);
    expect(first.out.stdout).toContain('20 rows got no answer after sending');
    expect(first.out.stdout).toContain('--resend-uncertain');
    expect(first.out.stdout).toMatch(/\n {2}\S+-1 13900000100\n/);
    const both = capturedCliContext(false);
    await expect(
      runUpload(uploads, [...args, '--resend-uncertain', '--skip-uncertain'], both.ctx),
    ).rejects.toThrow();
    const resent = capturedCliContext(true);
    expect(await runUpload(uploads, [...args, '--resend-uncertain'], resent.ctx)).toBe(0);
    expect(JSON.parse(resent.out.stdout)).toMatchObject({ upload: { rows: { accepted: 45, uncertain: 0 } } });
    expect(cec.campaignNumbers(taskId)).toHaveLength(45);
    const none = capturedCliContext(false);
    expect(await runUpload(uploads, [...args, '--skip-uncertain'], none.ctx)).toBe(1);
    expect(none.out.stdout).toContain('No upload of this list into this task has rows');
  }, 30_000);
});

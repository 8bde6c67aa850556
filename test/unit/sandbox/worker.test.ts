/**
 * The embedded sandbox on its own thread (sandbox/worker/): the app's and the harness's core
 * start it there, so its request handling and state saves never hold up the contract. The host
 * holds the same handle either way; these check what crossing the thread must keep.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createLazySandbox, type SandboxProvider } from '../../../electron/services/accounts/sandboxProvider';
import type { Logger } from '../../../electron/services/log';
import {
  SANDBOX_APPID,
  SANDBOX_SIGNATURE,
  SANDBOX_STATE_FILE_NAME,
  type SandboxOptions,
} from '../../../electron/services/sandbox/index';
import { createSobotClient } from '../../../electron/services/sobot/index';

const providers: SandboxProvider[] = [];
afterEach(async () => {
  for (const provider of providers.splice(0)) await provider.close();
});

function lines(): { log: Logger; seen: string[]; threads: unknown[] } {
  const seen: string[] = [];
  const threads: unknown[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    seen.push(`${level} ${message}`);
    if (message === 'sandbox listening') threads.push(fields?.thread);
  };
  return {
    log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    seen,
    threads,
  };
}

function inWorker(options: SandboxOptions): SandboxProvider {
  const provider = createLazySandbox(options, true);
  providers.push(provider);
  return provider;
}

describe('the sandbox on its own thread', () => {
  it('serves the API, answers its controls, forwards its log, and saves its state on close', async () => {
    expect(isMainThread).toBe(true);
    const stateFile = join(mkdtempSync(join(tmpdir(), 'cd-sandbox-worker-')), SANDBOX_STATE_FILE_NAME);
    const { log, seen, threads } = lines();
    const first = inWorker({ stateFile, autoRun: false, seed: 3, log });
    const url = await first.url();
    expect(seen).toContain('info sandbox listening');
    // Not this thread (0 is the main thread's id).
    expect(threads).toHaveLength(1);
    expect(threads[0]).toEqual(expect.any(Number));
    expect(threads[0]).not.toBe(0);
    const control = await first.control();
    const taskid = await control.seedTask({ name: '线程', rows: 12, completed: 0 });
    const client = createSobotClient({ baseUrl: url, appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE });
    const [info] = await client.queryTaskInfo({ taskid });
    expect(info?.task_name).toBe('线程');
    expect(await control.taskOutids(taskid)).toHaveLength(12);
    expect((await control.stats()).tasks).toBe(1);
    // An error thrown there arrives here as data: its kind and message, not a generic failure.
    await expect(control.cec.setQcStatus('no-such-call', 77)).rejects.toMatchObject({
      name: 'RangeError',
      message: 'not a QC status: 77',
    });

    await first.close();
    expect(existsSync(stateFile)).toBe(true);
    expect(seen).toContain('info sandbox closed');
    const second = inWorker({ stateFile, autoRun: false, seed: 3 });
    expect(await second.url()).not.toBe(url);
    expect(await (await second.control()).taskOutids(taskid)).toHaveLength(12);
  });

  it('refuses its controls once closed', async () => {
    const provider = inWorker({ autoRun: false });
    const control = await provider.control();
    await provider.close();
    await expect(control.now()).rejects.toThrow('sandbox closed');
  });

  it('runs in-process when its clock is pinned (a function cannot cross to the thread)', async () => {
    const pinned = Date.UTC(2026, 10, 2, 9, 0, 0);
    const { log, threads } = lines();
    const provider = inWorker({ autoRun: false, now: () => pinned, log });
    expect(await (await provider.control()).now()).toBe(pinned);
    expect(threads).toEqual([0]);
  });
});

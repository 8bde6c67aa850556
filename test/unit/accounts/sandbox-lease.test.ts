/**
 * One sandbox per data folder: a provider (the app) and CLI commands on the same data folder
 * share the sandbox the first one started, so neither erases the other's tasks when it saves.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLazySandbox, type SandboxProvider } from '../../../electron/services/accounts/sandboxProvider';
import { leasePath } from '../../../electron/services/accounts/sandboxLease';
import {
  SANDBOX_APPID,
  SANDBOX_SIGNATURE,
  SANDBOX_STATE_FILE_NAME,
} from '../../../electron/services/sandbox/index';
import { createSobotClient } from '../../../electron/services/sobot/index';

const ROOT = join(import.meta.dirname, '../../..');
const providers: SandboxProvider[] = [];
afterEach(async () => {
  for (const provider of providers.splice(0)) await provider.close();
});

function provider(stateFile: string): SandboxProvider {
  const created = createLazySandbox({ stateFile, autoRun: false });
  providers.push(created);
  return created;
}

function stateFileIn(): string {
  return join(mkdtempSync(join(tmpdir(), 'cd-lease-')), SANDBOX_STATE_FILE_NAME);
}

describe('the sandbox lease', () => {
  it('lets a second provider use the running sandbox, and hands over when the first closes', async () => {
    const stateFile = stateFileIn();
    const first = provider(stateFile);
    const url = await first.url();
    expect(JSON.parse(readFileSync(leasePath(stateFile), 'utf8'))).toEqual({ pid: process.pid, url });
    const taskid = await (await first.control()).seedTask({ name: '共享', rows: 10, completed: 0 });

    const second = provider(stateFile);
    expect(await second.url()).toBe(url);
    await expect(second.control()).rejects.toMatchObject({ code: 'sandbox.start_failed' });
    await second.close(); // does not stop the first's sandbox
    expect((await fetch(`${url}query_robot_num`)).ok).toBe(true);

    await first.close();
    expect(existsSync(leasePath(stateFile))).toBe(false);
    const third = provider(stateFile);
    expect(await third.url()).not.toBe(url);
    expect(await (await third.control()).taskOutids(taskid)).toHaveLength(10);
  });

  it('ignores a lease whose process is gone or whose sandbox does not answer', async () => {
    const stateFile = stateFileIn();
    writeFileSync(leasePath(stateFile), JSON.stringify({ pid: 2 ** 22 + 777, url: 'http://127.0.0.1:9/x/' }));
    const a = provider(stateFile);
    const url = await a.url();
    expect(url).not.toContain(':9/');
    expect(JSON.parse(readFileSync(leasePath(stateFile), 'utf8'))).toMatchObject({ url });
    await a.close();

    writeFileSync(leasePath(stateFile), JSON.stringify({ pid: process.pid, url: 'http://127.0.0.1:9/x/' }));
    const b = provider(stateFile);
    expect(await b.url()).not.toContain(':9/');
  });

  it('a CLI command in another process works on the sandbox the app runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-lease-cli-'));
    const app = provider(join(dataDir, SANDBOX_STATE_FILE_NAME));
    const url = await app.url();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'electron/cli/main.ts'),
        '--data-dir',
        dataDir,
        '--json',
        'tasks',
        'create',
        '--template',
        '6a9b98410bd44470ae4660275c14792f',
        '--name',
        '命令行任务',
        '--caller',
        '02180344315',
        '--robots',
        '1',
        '--hours',
        '00:00-24:00',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code, stderr).toBe(0);
    const { id } = JSON.parse(stdout) as { id: string };

    // The task is on the app's sandbox, not on one the command started and stopped.
    const client = createSobotClient({ baseUrl: url, appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE });
    const [info] = await client.queryTaskInfo({ taskid: id });
    expect(info).toMatchObject({ taskid: id });
    expect(JSON.parse(readFileSync(leasePath(join(dataDir, SANDBOX_STATE_FILE_NAME)), 'utf8'))).toEqual({
      pid: process.pid,
      url,
    });
  }, 60_000);
});

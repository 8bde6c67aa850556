import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTasks } from '../../../electron/cli/commands/tasks';
import { runCli } from '../../../electron/cli/main';
import { rows, tasksOverSandbox } from './setup';
import { capturedCliContext } from '../../support/cliContext';

const context = capturedCliContext;

async function cli(argv: string[]) {
  const { ctx, out } = context(false);
  const { stdin, stdout, stderr } = ctx;
  const code = await runCli(argv, { stdin, stdout, stderr }, { LANG: 'en_US.UTF-8' });
  return { code, ...out };
}

let env: Awaited<ReturnType<typeof tasksOverSandbox>>;
beforeEach(async () => {
  env = await tasksOverSandbox();
});
afterEach(() => env.close());

const create = [
  'create',
  '--template',
  '1bf61b127bbd4921b482eb35fde5d215',
  '--name',
  'CLI 任务',
  '--caller',
  '02180344315,01087654321',
  '--robots',
  '2',
  '--hours',
  '9:00-12:00,14:00-18:00',
];

describe('campaign-desk tasks', () => {
  it('creates, lists, pauses, resumes, ends and deletes', async () => {
    const made = context(true);
    expect(await runTasks(env.tasks, create, made.ctx)).toBe(0);
    const task = JSON.parse(made.out.stdout) as { id: string; callingHours: string[] };
    expect(task.callingHours).toEqual(['09:00-12:00', '14:00-18:00']);
    await env.client.addTaskData({ taskid: task.id, data: rows(50) });

    const listed = context(false);
    expect(await runTasks(env.tasks, [], listed.ctx)).toBe(0);
    expect(listed.out.stdout).toMatch(
      new RegExp(`^${task.id}\\t\\S.*\\tCLI 任务\\tdialled 0/50, connected 0, interested 0\\n$`),
    );

    for (const [verb, status] of [
      ['pause', 'Paused'],
      ['resume', ''],
      ['end', 'Finished'],
      ['delete', 'Deleted'],
    ] as const) {
      const run = context(false);
      expect(await runTasks(env.tasks, [verb, task.id], run.ctx), verb).toBe(0);
      expect(run.out.stdout).toContain(`Task ${task.id}: ${status}`);
    }
    const json = context(true);
    await runTasks(env.tasks, ['list'], json.ctx);
    expect(JSON.parse(json.out.stdout)).toMatchObject({ accountId: 'sandbox', tasks: [] });
  });

  it('says what is wrong with a task before sending it', async () => {
    const bad = context(false);
    const args = create.map((a) => (a === '9:00-12:00,14:00-18:00' ? '09:00-12:00,11:00-13:00' : a));
    await expect(runTasks(env.tasks, args, bad.ctx)).rejects.toMatchObject({ code: 'tasks.hours_overlap' });
    // A value the draft cannot take is a wrong command line (runCli answers exit 2 for it).
    const robots = create.map((a, i) => (create[i - 1] === '--robots' ? 'x' : a));
    await expect(runTasks(env.tasks, robots, context(true).ctx)).rejects.toMatchObject({
      name: 'UsageError',
      params: { option: '--robots' },
    });
  });

  it('exits 2 for a wrong command line, and lists what a task can be made of', async () => {
    await expect(runTasks(env.tasks, ['pause'], context(false).ctx)).rejects.toMatchObject({
      name: 'UsageError',
      kind: 'missingArgument',
    });
    await expect(runTasks(env.tasks, ['frobnicate'], context(false).ctx)).rejects.toMatchObject({
      name: 'UsageError',
    });
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-tasks-'));
    const missing = await cli(['--data-dir', dir, 'tasks', 'create', '--name', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--template is missing');
    const options = context(false);
    expect(await runTasks(env.tasks, ['options'], options.ctx)).toBe(0);
    expect(options.out.stdout).toContain('Templates:');
    expect(options.out.stdout).toContain('02180344315');
    expect(options.out.stdout).toMatch(/Robots available: \d+/);
  });

  it('runs from the command line on the built-in sandbox account and remembers the task in tasks.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cli-tasks-'));
    const made = await cli(['--data-dir', dir, '--json', 'tasks', ...create]);
    expect(made.code).toBe(0);
    const { id } = JSON.parse(made.stdout) as { id: string };
    expect(JSON.parse(readFileSync(join(dir, 'tasks.json'), 'utf8'))).toMatchObject({
      sandbox: [{ id, name: 'CLI 任务' }],
    });
    const failed = await cli(['--data-dir', dir, 'tasks', 'pause', 'no-such-task']);
    expect(failed).toMatchObject({ code: 1 });
    expect(failed.stderr).toContain('[tasks.not_found]');
  });
});

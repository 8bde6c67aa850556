import { taskStatusLabel } from '../../../shared/codes/domain';
import { format, type Locale, type Localized } from '../../../shared/locale';
import { taskDraftSchema } from '../../../shared/schemas/tasks';
import type { Task, TaskDraft } from '../../../shared/tasks';
import { describeError } from '../../services/contract/failure';
import { createNodeAccounts } from '../../services/core/hostServices';
import { describeProviderError } from '../../services/providers/registry';
import { createNodeTaskService } from '../../services/tasks/create';
import type { TaskService } from '../../services/tasks/service';
import { optionValue } from '../args';
import type { CliCommand, CliContext } from '../command';
import { emit, emitError } from '../output';

const USAGE =
  'tasks [list] | tasks create --template ID --name NAME --caller NUMBERS --robots N --hours 09:00-12:00,14:00-18:00 ' +
  '[--push-url URL] [--push-type 1|2] [--number-hide 0|1|2] [--no-export] | tasks pause|resume|end|delete TASK_ID';

const TEXT = {
  usage: { 'zh-CN': `用法：${USAGE}`, en: `Usage: ${USAGE}` },
  none: { 'zh-CN': '当前账号没有任务', en: 'The active account has no tasks' },
  invalid: { 'zh-CN': '任务参数不正确：{fields}', en: 'Invalid task options: {fields}' },
  created: { 'zh-CN': '已创建任务 {id}（{name}）', en: 'Created task {id} ({name})' },
  changed: { 'zh-CN': '任务 {id}：{status}', en: 'Task {id}: {status}' },
} satisfies Record<string, Localized>;

const say = (locale: Locale, key: keyof typeof TEXT, params?: Record<string, string | number>): string =>
  format(TEXT[key][locale], params);

function line(task: Task, locale: Locale): string {
  const { total, dialled, connected, intent } = task.counts;
  return [
    task.id,
    taskStatusLabel(task.status, task.statusCode)[locale],
    task.name,
    `${dialled}/${total}`,
    `connected ${connected}`,
    `intent ${intent}`,
  ].join('\t');
}

const commaList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** The draft `tasks create` describes (permanent validity; other fields from options). */
function draftFrom(args: readonly string[]): unknown {
  const pushUrl = optionValue(args, '--push-url');
  const robots = optionValue(args, '--robots');
  return {
    templateId: optionValue(args, '--template') ?? '',
    name: optionValue(args, '--name') ?? '',
    callerNumbers: commaList(optionValue(args, '--caller')),
    robots: robots === undefined ? 0 : Number(robots),
    callingHours: commaList(optionValue(args, '--hours')),
    validity: { kind: 'permanent' },
    ...(pushUrl
      ? { resultPush: { url: pushUrl, when: optionValue(args, '--push-when') ?? 'every_call' } }
      : {}),
    numberHiding: optionValue(args, '--number-hiding') ?? 'none',
    exportAllowed: !args.includes('--no-export'),
  };
}

/**
 * `campaign-desk tasks …` over a task service (exported for tests).
 * @returns the exit code
 */
export async function runTasks(
  tasks: TaskService,
  args: readonly string[],
  ctx: CliContext,
): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case undefined:
    case 'list': {
      const list = await tasks.list();
      const human = list.tasks.map((task) => line(task, ctx.locale)).join('\n');
      emit(ctx, list, human || say(ctx.locale, 'none'));
      return 0;
    }
    case 'create': {
      const parsed = taskDraftSchema.safeParse(draftFrom(rest));
      if (!parsed.success) {
        const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
        return emitError(ctx, { code: 'cli.invalid_task', message: say(ctx.locale, 'invalid', { fields }) });
      }
      const task = await tasks.create(parsed.data as TaskDraft);
      emit(ctx, task, say(ctx.locale, 'created', { id: task.id, name: task.name }));
      return 0;
    }
    case 'pause':
    case 'resume':
    case 'end':
    case 'delete': {
      const id = rest[0];
      if (!id || id.startsWith('-')) break;
      const run = { pause: tasks.pause, resume: tasks.resume, end: tasks.end, delete: tasks.remove }[verb];
      const change = await run.call(tasks, id);
      emit(
        ctx,
        change,
        say(ctx.locale, 'changed', { id, status: taskStatusLabel(change.status)[ctx.locale] }),
      );
      return 0;
    }
  }
  ctx.stderr.write(`${say(ctx.locale, 'usage')}\n`);
  return 2;
}

/** `campaign-desk tasks …`: the active account's tasks, as on the Tasks screen. */
export const tasksCommand: CliCommand = {
  name: 'tasks',
  usage: 'tasks [list] | create … | pause|resume|end|delete TASK_ID',
  summary: {
    'zh-CN': '列出、创建、暂停、继续、完结或删除当前账号的外呼任务',
    en: 'list, create, pause, resume, end or delete the active account’s tasks',
  },
  async run(args, ctx) {
    const { accounts, sandbox } = createNodeAccounts(ctx.dataDir);
    const { tasks } = createNodeTaskService(ctx.dataDir, accounts);
    try {
      return await runTasks(tasks, args, ctx);
    } catch (error) {
      return emitError(ctx, describeError(error, ctx.locale, [describeProviderError]));
    } finally {
      await sandbox.close();
    }
  },
};

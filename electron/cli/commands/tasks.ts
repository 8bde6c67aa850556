import { taskStatusLabel } from '../../../shared/codes/domain';
import { format, type Locale, type Localized } from '../../../shared/locale';
import { taskDraftSchema } from '../../../shared/schemas/tasks';
import type { Task, TaskDraft, TaskOptions } from '../../../shared/tasks';
import type { TaskService } from '../../services/tasks/service';
import { parseCommandArgs, stringOption, UsageError, type CommandArgs } from '../args';
import type { CliCommand, CliContext } from '../command';
import { reportFailure } from '../failure';
import { emit } from '../output';

const TEXT = {
  none: { 'zh-CN': '当前账号没有任务', en: 'The active account has no tasks' },
  created: { 'zh-CN': '已创建任务 {id}（{name}）', en: 'Created task {id} ({name})' },
  changed: { 'zh-CN': '任务 {id}：{status}', en: 'Task {id}: {status}' },
  templates: { 'zh-CN': '模板', en: 'Templates' },
  callers: { 'zh-CN': '外显号码（并发）', en: 'Caller numbers (concurrency)' },
  robots: { 'zh-CN': '可用机器人：{n}', en: 'Robots available: {n}' },
  counts: {
    'zh-CN': '已拨 {dialled}/{total}，接通 {connected}，意向 {intent}',
    en: 'dialled {dialled}/{total}, connected {connected}, interested {intent}',
  },
} satisfies Record<string, Localized>;

const say = (locale: Locale, key: keyof typeof TEXT, params?: Record<string, string | number>): string =>
  format(TEXT[key][locale], params);

function line(task: Task, locale: Locale): string {
  return [
    task.id,
    taskStatusLabel(task.status, task.statusCode)[locale],
    task.name,
    say(locale, 'counts', { ...task.counts }),
  ].join('\t');
}

function optionsText(options: TaskOptions, locale: Locale): string {
  return [
    `${say(locale, 'templates')}:`,
    ...options.templates.map((t) => `  ${t.id}\t${t.name}`),
    `${say(locale, 'callers')}:`,
    ...options.callerLines.map((c) => `  ${c.number}\t${c.concurrency}`),
    say(locale, 'robots', { n: options.maxRobots }),
  ].join('\n');
}

const commaList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

const CREATE_OPTIONS = {
  template: { type: 'string' },
  name: { type: 'string' },
  caller: { type: 'string' },
  robots: { type: 'string' },
  hours: { type: 'string' },
  'push-url': { type: 'string' },
  'push-when': { type: 'string' },
  'number-hiding': { type: 'string' },
  'no-export': { type: 'boolean' },
  from: { type: 'string' },
  until: { type: 'string' },
} as const;

/**
 * `YYYY-MM-DD[ HH:mm[:ss]]` on this machine's clock as epoch ms; a bare day is its start, or
 * for `--until` its last second. @throws UsageError
 */
function instantOf(text: string, option: 'from' | 'until'): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  const parts = m?.slice(1).map((p) => (p === undefined ? undefined : Number(p)));
  if (!m || !parts) throw new UsageError('badValue', { option: `--${option}`, value: text });
  const [y, mo, d, h, mi, sec] = parts as [number, number, number, number?, number?, number?];
  const bare = h === undefined;
  const at = new Date(
    y,
    mo - 1,
    d,
    bare ? (option === 'until' ? 23 : 0) : h,
    bare ? (option === 'until' ? 59 : 0) : mi!,
    bare ? (option === 'until' ? 59 : 0) : (sec ?? 0),
  );
  if (Number.isNaN(at.getTime()) || at.getDate() !== d)
    throw new UsageError('badValue', { option: `--${option}`, value: text });
  return at.getTime();
}

/** Permanent without `--from`/`--until`; a range with both (a provider may require one). */
function validityFrom(args: CommandArgs): TaskDraft['validity'] {
  const from = stringOption(args, 'from');
  const until = stringOption(args, 'until');
  if (from === undefined && until === undefined) return { kind: 'permanent' };
  if (until === undefined) throw new UsageError('missingArgument', { name: '--until' });
  return {
    kind: 'range',
    start: from === undefined ? Date.now() : instantOf(from, 'from'),
    end: instantOf(until, 'until'),
  };
}

/** The draft `tasks create` describes (permanent unless `--from`/`--until` say otherwise). */
function draftFrom(args: CommandArgs): TaskDraft {
  for (const required of ['template', 'name', 'caller', 'hours'])
    if (!stringOption(args, required)) throw new UsageError('missingArgument', { name: `--${required}` });
  const pushUrl = stringOption(args, 'push-url');
  const robots = stringOption(args, 'robots');
  const draft = {
    templateId: stringOption(args, 'template') ?? '',
    name: stringOption(args, 'name') ?? '',
    callerNumbers: commaList(stringOption(args, 'caller')),
    robots: robots === undefined ? 1 : Number(robots),
    callingHours: commaList(stringOption(args, 'hours')),
    validity: validityFrom(args),
    ...(pushUrl
      ? { resultPush: { url: pushUrl, when: stringOption(args, 'push-when') ?? 'every_call' } }
      : {}),
    numberHiding: stringOption(args, 'number-hiding') ?? 'none',
    exportAllowed: args.values['no-export'] !== true,
  };
  const parsed = taskDraftSchema.safeParse(draft);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    const option =
      {
        robots: '--robots',
        resultPush: '--push-when',
        numberHiding: '--number-hiding',
        callerNumbers: '--caller',
      }[String(field)] ?? `--${String(field)}`;
    throw new UsageError('badValue', {
      option,
      value: JSON.stringify(draft[field as keyof typeof draft] ?? ''),
    });
  }
  return parsed.data as TaskDraft;
}

/**
 * `campaign-desk tasks …` over a task service (exported for tests).
 * @returns the exit code
 */
export async function runTasks(
  service: TaskService | (() => TaskService),
  args: readonly string[],
  ctx: CliContext,
): Promise<number> {
  // The service is made only once the command line parses: a wrong one opens nothing.
  const tasks = (): TaskService => (typeof service === 'function' ? service() : service);
  const [verb, ...rest] = args;
  switch (verb) {
    case undefined:
    case 'list': {
      parseCommandArgs(rest, {});
      const list = await tasks().list();
      emit(ctx, list, list.tasks.map((task) => line(task, ctx.locale)).join('\n') || say(ctx.locale, 'none'));
      return 0;
    }
    case 'options': {
      parseCommandArgs(rest, {});
      const options = await tasks().options();
      emit(ctx, options, optionsText(options, ctx.locale));
      return 0;
    }
    case 'create': {
      const draft = draftFrom(parseCommandArgs(rest, CREATE_OPTIONS));
      const task = await tasks().create(draft);
      emit(ctx, task, say(ctx.locale, 'created', { id: task.id, name: task.name }));
      return 0;
    }
    case 'pause':
    case 'resume':
    case 'end':
    case 'delete': {
      const [id] = parseCommandArgs(rest, {}, ['TASK_ID']).positionals;
      const service = tasks();
      const run = { pause: service.pause, resume: service.resume, end: service.end, delete: service.remove }[
        verb
      ];
      const change = await run.call(service, id!);
      emit(
        ctx,
        change,
        say(ctx.locale, 'changed', { id: id!, status: taskStatusLabel(change.status)[ctx.locale] }),
      );
      return 0;
    }
    default:
      throw new UsageError('badValue', { option: 'tasks', value: verb });
  }
}

/** `campaign-desk tasks …`: the active account's tasks, as on the Tasks screen. */
export const tasksCommand: CliCommand = {
  name: 'tasks',
  usage: 'tasks [list] | options | create … | pause|resume|end|delete TASK_ID',
  summary: {
    'zh-CN': '列出、创建、暂停、继续、完结或删除当前账号的外呼任务',
    en: 'list, create, pause, resume, end or delete the active account’s tasks',
  },
  help: [
    {
      'zh-CN': 'list                     任务及进度',
      en: 'list                     the tasks with their progress',
    },
    {
      'zh-CN': 'options                  可用的模板、外显号码和机器人',
      en: 'options                  the templates, caller numbers and robots to choose from',
    },
    {
      'zh-CN':
        'create --template ID --name 名称 --caller 号码,… --hours 09:00-12:00,14:00-18:00 [--robots N]',
      en: 'create --template ID --name NAME --caller NUMBER,… --hours 09:00-12:00,14:00-18:00 [--robots N]',
    },
    {
      'zh-CN':
        '       [--push-url URL] [--push-when every_call|transfer] [--number-hiding none|last4|middle4] [--no-export]',
      en: '       [--push-url URL] [--push-when every_call|transfer] [--number-hiding none|last4|middle4] [--no-export]',
    },
    {
      'zh-CN': '       [--from 日期[ 时:分]] --until 日期[ 时:分]   有效期（华为 CEC 必填；本机时间）',
      en: '       [--from DAY[ HH:mm]] --until DAY[ HH:mm]   validity (required on Huawei CEC; this machine’s clock)',
    },
    { 'zh-CN': 'pause|resume|end|delete 任务ID', en: 'pause|resume|end|delete TASK_ID' },
  ],
  async run(args, ctx) {
    try {
      return await runTasks(() => ctx.core().tasks, args, ctx);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return reportFailure(ctx, error);
    }
  },
};

import { checkCallingHours } from '../../../shared/callingHours';
import { TASK_ACTION_WORDS, TASK_ERRORS, type TaskErrorCode } from '../../../shared/codes/tasks';
import { taskStatusLabel } from '../../../shared/codes/sobot';
import { format, LOCALES, type Localized } from '../../../shared/locale';
import { isActionAllowed, type TaskAction } from '../../../shared/taskLifecycle';
import {
  describeTaskIssue,
  validateTaskDraft,
  validateTaskEdit,
  type TaskIssue,
  type TaskLimits,
} from '../../../shared/taskRules';
import type {
  Task,
  TaskDraft,
  TaskEdit,
  TaskList,
  TaskOptions,
  TaskStats,
  TaskStatusChange,
} from '../../../shared/tasks';
import type { AccountService } from '../accounts/service';
import { AppFailure } from '../contract/failure';
import type { MediaProxy } from '../media/proxy';
import type { SobotClient, TaskInfo } from '../sobot/index';
import { computeStats } from './stats';
import type { KnownTask, KnownTaskStore } from './knownTasks';
import { toAddTaskParams, toEditorParams, toTask, toTemplate } from './mapping';

export interface TaskServiceDeps {
  accounts: Pick<AccountService, 'clientFor' | 'activeId'>;
  known: KnownTaskStore;
  media: MediaProxy;
  /** The clock (tests pin it to the sandbox's). */
  now?: () => number;
  /** Told after a task of `accountId` was created, changed or deleted. */
  onChange?: (accountId: string) => void;
}

const DELETED = -1;

function localized(
  code: TaskErrorCode,
  params: (locale: (typeof LOCALES)[number]) => Record<string, string>,
) {
  const text = {} as Localized;
  for (const locale of LOCALES) text[locale] = format(TASK_ERRORS[code][locale], params(locale));
  return text;
}

/** A refusal for the first thing wrong with a draft or an edit (detail: the field). */
function issueFailure(issue: TaskIssue): AppFailure {
  const text = {} as Localized;
  for (const locale of LOCALES) text[locale] = describeTaskIssue(issue, locale);
  return new AppFailure(issue.code, text, issue.field);
}

function taskFailure(code: TaskErrorCode, detail?: string): AppFailure {
  return new AppFailure(code, TASK_ERRORS[code], detail);
}

/**
 * Outbound tasks of the active account over the iCall client: list with progress, chart data,
 * create, edit, pause / resume / end / delete within the life cycle, and template audio through
 * the media proxy. Every call takes a fresh client from `clientFor()`, so credentials are read
 * from the keychain at call time and never kept here.
 */
export class TaskService {
  private readonly now: () => number;

  constructor(private readonly deps: TaskServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Unfinished tasks (query_task) ∪ tasks created here, with their counts (query_task_info). */
  async list(): Promise<TaskList> {
    const { accountId, client } = await this.session();
    const known = this.deps.known.list(accountId);
    const unfinished = await client.queryTask();
    const ids = [...new Set([...known.map((k) => k.taskid), ...unfinished.map((t) => t.taskid)])];
    const infos = ids.length > 0 ? await client.queryTaskInfo({ taskid: ids }) : [];
    const byId = new Map(infos.map((info) => [info.taskid, info]));
    // Deleted elsewhere, or unknown to the provider (the embedded sandbox forgets on restart).
    const gone = known.filter((k) => (byId.get(k.taskid)?.task_status ?? DELETED) === DELETED);
    this.deps.known.forget(
      accountId,
      gone.map((k) => k.taskid),
    );
    const knownById = new Map(known.map((k) => [k.taskid, k]));
    const tasks: Task[] = [];
    for (const id of ids) {
      const info = byId.get(id) ?? this.fromSummary(unfinished.find((t) => t.taskid === id));
      if (info && info.task_status !== DELETED) tasks.push(toTask(info, knownById.get(id)));
    }
    return { accountId, tasks, fetchedAt: this.now() };
  }

  /** Completed calls per local hour today and per local day this week (calls_count). */
  async stats(ids: readonly string[]): Promise<TaskStats[]> {
    const { client } = await this.session();
    return computeStats(client, [...new Set(ids)], this.now());
  }

  /** Templates, caller numbers with their concurrency, and robots, for the wizard. */
  async options(): Promise<TaskOptions> {
    const { client } = await this.session();
    const [templates, numbers, robots] = await Promise.all([
      client.queryTemplate(),
      client.queryNumber(),
      client.queryRobotNum(),
    ]);
    return {
      templates: templates.map(toTemplate),
      callerLines: numbers.data.map((n) => ({ number: n.telephone, concurrency: n.count })),
      totalConcurrency: numbers.total_count,
      maxRobots: robots.robot_num,
    };
  }

  /** Checks the draft against the account's numbers and robots, then add_task. */
  async create(draft: TaskDraft): Promise<Task> {
    const { accountId, client } = await this.session();
    const limits = await this.limits(client, true);
    const issue = validateTaskDraft(draft, limits)[0];
    if (issue) throw issueFailure(issue);
    const hours = this.normalizedHours(draft.callingHours);
    const { taskid } = await client.addTask(toAddTaskParams(draft, hours));
    const known: KnownTask = { taskid, task_name: draft.name.trim(), created: this.now() };
    this.deps.known.remember(accountId, known);
    this.deps.onChange?.(accountId);
    const info = await this.findTask(client, taskid);
    return info ? toTask(info, known) : this.taskFromDraft(taskid, draft, hours, known);
  }

  /** Changes the editable fields (editor_task); only the fields given are sent. */
  async edit(edit: TaskEdit): Promise<Task> {
    const { accountId, client } = await this.session();
    const current = await this.requireTask(client, edit.id);
    this.requireAllowed(current.task_status, 'edit');
    const limits = await this.limits(client, edit.callerNumbers !== undefined || edit.robots !== undefined);
    const issue = validateTaskEdit(edit, limits)[0];
    if (issue) throw issueFailure(issue);
    const hours = edit.callingHours === undefined ? undefined : this.normalizedHours(edit.callingHours);
    await client.editorTask(toEditorParams(edit, hours));
    const known = this.deps.known.list(accountId).find((k) => k.taskid === edit.id);
    if (known && edit.name !== undefined)
      this.deps.known.remember(accountId, { ...known, task_name: edit.name.trim() });
    this.deps.onChange?.(accountId);
    const info = (await this.findTask(client, edit.id)) ?? current;
    return toTask(info, known);
  }

  pause(id: string): Promise<TaskStatusChange> {
    return this.act(id, 'pause', (client) => client.pauseTask({ taskid: id }));
  }

  resume(id: string): Promise<TaskStatusChange> {
    return this.act(id, 'resume', (client) => client.resumeTask({ taskid: id }));
  }

  end(id: string): Promise<TaskStatusChange> {
    return this.act(id, 'end', (client) => client.endTask({ taskid: id }));
  }

  /** Deletes the task and forgets it. */
  remove(id: string): Promise<TaskStatusChange> {
    return this.act(id, 'delete', (client) => client.deleteTask({ taskid: id }));
  }

  /** The local URL of a template's `index`-th first-node recording (fetched and cached by main). */
  async templateAudio(templateid: string, index: number): Promise<{ url: string }> {
    const { client } = await this.session();
    const template = (await client.queryTemplate()).find((t) => t.templateid === templateid);
    const remote = template?.record[index];
    if (remote === undefined) throw taskFailure('tasks.audio_not_found');
    return { url: await this.deps.media.localUrl(remote) };
  }

  private async act(
    id: string,
    action: TaskAction,
    send: (client: SobotClient) => Promise<unknown>,
  ): Promise<TaskStatusChange> {
    const { accountId, client } = await this.session();
    const current = await this.requireTask(client, id);
    this.requireAllowed(current.task_status, action);
    await send(client);
    this.deps.onChange?.(accountId);
    if (action === 'delete') {
      this.deps.known.forget(accountId, [id]);
      return { id, status: DELETED };
    }
    const after = await this.findTask(client, id);
    return { id, status: after?.task_status ?? current.task_status };
  }

  private async session(): Promise<{ accountId: string; client: SobotClient }> {
    const accountId = this.deps.accounts.activeId();
    return { accountId, client: await this.deps.accounts.clientFor(accountId) };
  }

  private async findTask(client: SobotClient, id: string): Promise<TaskInfo | undefined> {
    return (await client.queryTaskInfo({ taskid: [id] })).find((info) => info.taskid === id);
  }

  private async requireTask(client: SobotClient, id: string): Promise<TaskInfo> {
    const info = await this.findTask(client, id);
    if (!info || info.task_status === DELETED) throw taskFailure('tasks.not_found', id);
    return info;
  }

  private requireAllowed(status: number, action: TaskAction): void {
    if (isActionAllowed(status, action)) return;
    const label = taskStatusLabel(status);
    const text = localized('tasks.action_not_allowed', (locale) => ({
      status: label[locale],
      action: TASK_ACTION_WORDS[action][locale],
    }));
    throw new AppFailure('tasks.action_not_allowed', text, `status ${status}`);
  }

  private async limits(client: SobotClient, needAccount: boolean): Promise<TaskLimits> {
    if (!needAccount) return { now: this.now() };
    const [numbers, robots] = await Promise.all([client.queryNumber(), client.queryRobotNum()]);
    return {
      callerNumbers: numbers.data.map((n) => n.telephone),
      maxRobots: robots.robot_num,
      now: this.now(),
    };
  }

  private normalizedHours(ranges: readonly string[]): string[] {
    const checked = checkCallingHours(ranges);
    // validateTask* ran first, so this only guards against a rule drifting apart.
    if (!checked.ok) throw taskFailure(checked.problems[0]!.code);
    return checked.normalized;
  }

  /** An unfinished task query_task_info did not describe: its summary with zero counts. */
  private fromSummary(summary: { taskid: string; task_name: string; task_status: number } | undefined) {
    if (!summary) return undefined;
    return {
      ...summary,
      telephone: '',
      robot_num: 0,
      call_time_slot: '',
      time_type: 2,
      start_time: null,
      end_time: null,
      call_total_data: 0,
      call_times: 0,
      call_connected_times: 0,
      call_intent_times: 0,
    } satisfies TaskInfo;
  }

  private taskFromDraft(id: string, draft: TaskDraft, hours: string[], known: KnownTask): Task {
    return {
      id,
      name: known.task_name,
      status: 0,
      callerNumbers: draft.callerNumbers,
      robots: draft.robots,
      callingHours: hours,
      validity: draft.validity,
      counts: { total: 0, dialled: 0, connected: 0, intent: 0 },
      createdHere: true,
      createdAt: known.created,
    };
  }
}

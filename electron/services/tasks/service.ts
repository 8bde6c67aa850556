import { checkCallingHours } from '../../../shared/callingHours';
import { taskStatusLabel } from '../../../shared/codes/domain';
import { TASK_ACTION_WORDS, TASK_ERRORS, type TaskErrorCode } from '../../../shared/codes/tasks';
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
import type { Provider, ProviderTask, TimeBucket } from '../providers/types';
import { computeStats } from './stats';
import type { KnownTask, KnownTaskStore } from './knownTasks';

export interface TaskServiceDeps {
  accounts: Pick<AccountService, 'sessionFor' | 'activeId'>;
  known: KnownTaskStore;
  media: MediaProxy;
  /** The clock (tests pin it to the sandbox's). */
  now?: () => number;
  /** Told after a task of `accountId` was created, changed or deleted. */
  onChange?: (accountId: string) => void;
  /**
   * Stored calls of the account's tasks per time bucket (the results store), charted for a
   * provider that does not count calls over time (CEC). Without it such a chart stays empty.
   */
  syncedCalls?: (
    accountId: string,
    ids: readonly string[],
    buckets: readonly TimeBucket[],
  ) => Map<string, number>[];
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

/** A provider's task with what this app remembers of it. */
function toTask(task: ProviderTask, known: KnownTask | undefined): Task {
  return { ...task, createdHere: known !== undefined, createdAt: known?.createdAt ?? null };
}

/**
 * Outbound tasks of the active account, whichever provider runs them: list with progress,
 * chart data, create, edit, and the life-cycle actions the provider allows for each status
 * (its capabilities), and template audio through the media proxy. Every call takes a fresh
 * provider session, so credentials are read from the keychain at call time and never kept here.
 */
export class TaskService {
  private readonly now: () => number;

  constructor(private readonly deps: TaskServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The provider's unfinished tasks ∪ tasks created here, with their counts. */
  async list(): Promise<TaskList> {
    const { accountId, provider } = await this.session();
    const known = this.deps.known.list(accountId);
    const tasks = await provider.listTasks(known.map((k) => k.id));
    // Deleted elsewhere, or unknown to the provider (the embedded sandbox forgets on reset).
    this.deps.known.forget(
      accountId,
      tasks.filter((t) => t.status === 'deleted').map((t) => t.id),
    );
    const knownById = new Map(known.map((k) => [k.id, k]));
    return {
      accountId,
      tasks: tasks.filter((t) => t.status !== 'deleted').map((t) => toTask(t, knownById.get(t.id))),
      fetchedAt: this.now(),
    };
  }

  /** Completed calls per local hour today and per local day this week. */
  async stats(ids: readonly string[]): Promise<TaskStats[]> {
    const { accountId, provider } = await this.session();
    const synced = this.deps.syncedCalls;
    return computeStats(
      provider,
      [...new Set(ids)],
      this.now(),
      synced ? (taskIds, buckets) => synced(accountId, taskIds, buckets) : undefined,
    );
  }

  /** Templates, caller numbers with their concurrency, and robots, for the wizard. */
  async options(): Promise<TaskOptions> {
    const { provider } = await this.session();
    return provider.taskOptions();
  }

  /** Checks the draft against the account's numbers, robots and the provider's limits, then creates it. */
  async create(draft: TaskDraft): Promise<Task> {
    const { accountId, provider } = await this.session();
    const limits = await this.limits(provider, true);
    const issue = validateTaskDraft(draft, limits)[0];
    if (issue) throw issueFailure(issue);
    const hours = this.normalizedHours(draft.callingHours);
    const { id } = await provider.createTask(draft, hours);
    const known: KnownTask = { id, name: draft.name.trim(), createdAt: this.now() };
    this.deps.known.remember(accountId, known);
    this.deps.onChange?.(accountId);
    const task = await provider.getTask(id);
    return task ? toTask(task, known) : this.taskFromDraft(id, draft, hours, known);
  }

  /** Changes the editable fields; only the fields given are sent. */
  async edit(edit: TaskEdit): Promise<Task> {
    const { accountId, provider } = await this.session();
    const current = await this.requireTask(provider, edit.id);
    this.requireAllowed(provider, current, 'edit');
    const editable = new Set<string>(provider.capabilities.editableFields);
    const field = (['name', 'callerNumbers', 'robots', 'callingHours', 'validity'] as const).find(
      (f) => edit[f] !== undefined && !editable.has(f),
    );
    if (field) throw taskFailure('tasks.field_not_editable', field);
    const limits = await this.limits(provider, edit.callerNumbers !== undefined || edit.robots !== undefined);
    const issue = validateTaskEdit(edit, limits)[0];
    if (issue) throw issueFailure(issue);
    const hours = edit.callingHours === undefined ? undefined : this.normalizedHours(edit.callingHours);
    await provider.editTask(edit, hours);
    const known = this.deps.known.list(accountId).find((k) => k.id === edit.id);
    if (known && edit.name !== undefined)
      this.deps.known.remember(accountId, { ...known, name: edit.name.trim() });
    this.deps.onChange?.(accountId);
    return toTask((await provider.getTask(edit.id)) ?? current, known);
  }

  pause(id: string): Promise<TaskStatusChange> {
    return this.act(id, 'pause');
  }

  resume(id: string): Promise<TaskStatusChange> {
    return this.act(id, 'resume');
  }

  end(id: string): Promise<TaskStatusChange> {
    return this.act(id, 'end');
  }

  /** Deletes the task and forgets it. */
  remove(id: string): Promise<TaskStatusChange> {
    return this.act(id, 'delete');
  }

  /** The local URL of a template's `index`-th recording (fetched and cached by main). */
  async templateAudio(templateId: string, index: number): Promise<{ url: string }> {
    const { provider, trustedHosts } = await this.deps.accounts.sessionFor(this.deps.accounts.activeId());
    const ref = await provider.templateAudio(templateId, index);
    if (ref?.kind !== 'url') throw taskFailure('tasks.audio_not_found');
    return { url: await this.deps.media.localUrl(ref.url, { trustedHosts }) };
  }

  private async act(id: string, action: Exclude<TaskAction, 'edit'>): Promise<TaskStatusChange> {
    const { accountId, provider } = await this.session();
    const current = await this.requireTask(provider, id);
    this.requireAllowed(provider, current, action);
    await provider.changeTask(id, action);
    this.deps.onChange?.(accountId);
    if (action === 'delete') {
      this.deps.known.forget(accountId, [id]);
      return { id, status: 'deleted' };
    }
    const after = await provider.getTask(id);
    return { id, status: after?.status ?? current.status };
  }

  private async session(): Promise<{ accountId: string; provider: Provider }> {
    return this.deps.accounts.sessionFor(this.deps.accounts.activeId());
  }

  private async requireTask(provider: Provider, id: string): Promise<ProviderTask> {
    const task = await provider.getTask(id);
    if (!task || task.status === 'deleted') throw taskFailure('tasks.not_found', id);
    return task;
  }

  private requireAllowed(provider: Provider, task: ProviderTask, action: TaskAction): void {
    if (isActionAllowed(provider.capabilities, task.status, action)) return;
    const label = taskStatusLabel(task.status, task.statusCode);
    const text = {} as Localized;
    for (const locale of LOCALES)
      text[locale] = format(TASK_ERRORS['tasks.action_not_allowed'][locale], {
        status: label[locale],
        action: TASK_ACTION_WORDS[action][locale],
      });
    throw new AppFailure('tasks.action_not_allowed', text, `status ${task.statusCode}`);
  }

  private async limits(provider: Provider, needAccount: boolean): Promise<TaskLimits> {
    const base: TaskLimits = {
      now: this.now(),
      maxCallingHourRanges: provider.capabilities.maxCallingHourRanges,
      robots: provider.capabilities.robots,
      permanentValidity: provider.capabilities.permanentValidity,
      maxCallerNumbers: provider.capabilities.maxCallerNumbers,
      maxNameLength: provider.capabilities.maxTaskName,
    };
    if (!needAccount) return base;
    const options = await provider.taskOptions();
    return {
      ...base,
      // A provider that lists no caller numbers (CEC without any configured) leaves them unchecked.
      ...(options.callerLines.length > 0
        ? { callerNumbers: options.callerLines.map((line) => line.number) }
        : {}),
      maxRobots: options.maxRobots,
    };
  }

  private normalizedHours(ranges: readonly string[]): string[] {
    const checked = checkCallingHours(ranges);
    // validateTask* ran first, so this only guards against a rule drifting apart.
    if (!checked.ok) throw taskFailure(checked.problems[0]!.code);
    return checked.normalized;
  }

  private taskFromDraft(id: string, draft: TaskDraft, hours: string[], known: KnownTask): Task {
    return {
      id,
      name: known.name,
      status: 'not_started',
      statusCode: '',
      callerNumbers: draft.callerNumbers,
      robots: draft.robots,
      callingHours: hours,
      validity: draft.validity,
      counts: { total: 0, dialled: 0, connected: 0, intent: 0 },
      createdHere: true,
      createdAt: known.createdAt,
    };
  }
}

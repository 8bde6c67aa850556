/**
 * Outbound tasks in the operator's words, whichever provider runs them. A provider's own fields
 * and codes stay in its folder under electron/services/; its adapter maps them here.
 */

/**
 * Where a task is in its life, in the operator's words. Every provider maps its own codes onto
 * these (keeping the raw code in `Task.statusCode` for display and export); `unknown` is a code
 * the provider sent that its table does not know.
 */
export const TASK_STATUSES = [
  'not_started',
  'running',
  'outside_hours',
  'queued',
  'paused',
  'finished',
  'deleted',
  'unknown',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What an operator can do to a task; which statuses allow which is the provider's life cycle. */
export const TASK_ACTIONS = ['pause', 'resume', 'end', 'delete', 'edit'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** When a task may dial: always, or only between two instants (epoch ms, UTC). */
export type TaskValidity = { kind: 'permanent' } | { kind: 'range'; start: number; end: number };

/** How far a task has got. */
export interface TaskCounts {
  /** Rows in the task. */
  total: number;
  /** Rows dialled so far. */
  dialled: number;
  connected: number;
  /** Calls the robot marked as interested. */
  intent: number;
}

/** One outbound task of the active account. */
export interface Task {
  id: string;
  name: string;
  status: TaskStatus;
  /** The provider's own status code, as it sent it (shown for `unknown`, exported). */
  statusCode: string;
  /** Caller numbers shown to the called person (外显号码). */
  callerNumbers: string[];
  robots: number;
  /** Calling hours, normalised `HH:mm-HH:mm` ranges in local time. */
  callingHours: string[];
  validity: TaskValidity;
  counts: TaskCounts;
  /** Whether this app created it (it then stays listed after it finishes). */
  createdHere: boolean;
  /** When this app created it (epoch ms); null for tasks created elsewhere. */
  createdAt: number | null;
}

/** What `tasks:list` answers: every task of `accountId`. */
export interface TaskList {
  accountId: string;
  tasks: Task[];
  /** When the list was read (epoch ms). */
  fetchedAt: number;
}

/** Completed calls in one time bucket; `count` is null for a bucket still in the future. */
export interface CallBucket {
  /** Start of the bucket (epoch ms, local hour or local midnight). */
  start: number;
  /** End of the bucket (exclusive, epoch ms). */
  end: number;
  count: number | null;
}

/** Completed calls over time, for the task's chart. */
export interface TaskStats {
  taskId: string;
  /** The 24 local hours of today. */
  today: CallBucket[];
  /** The 7 local days of this week, Monday first. */
  week: CallBucket[];
  /**
   * Where the counts come from: the provider's own count of completed calls (`provider`), or the
   * calls synced into this app, by their start time (`synced`: a provider without
   * `capabilities.callsOverTime`, such as Huawei CEC); `none` when neither can count.
   */
  source: 'provider' | 'synced' | 'none';
}

/** A call script usable for new tasks. */
export interface TaskTemplate {
  id: string;
  name: string;
  /** The first node's script (may be empty). */
  script: string;
  /** How many first-node recordings it has (play each through `templates:audio`). */
  audioCount: number;
}

/** A caller number configured on the account and the calls it carries at once. */
export interface CallerLine {
  number: string;
  concurrency: number;
}

/** What the create-task wizard offers. */
export interface TaskOptions {
  templates: TaskTemplate[];
  callerLines: CallerLine[];
  /** Sum of the lines' concurrency, as the provider reports it. */
  totalConcurrency: number;
  /** Robots available: the upper bound of a task's robot count. */
  maxRobots: number;
}

/** When the provider pushes a call's result to `resultPush.url`: after a transfer to an agent, or after every call. */
export type ResultPushWhen = 'transfer' | 'every_call';

/** How the called number is hidden in results. */
export type NumberHiding = 'none' | 'last4' | 'middle4';

/** What the wizard sends to create a task. */
export interface TaskDraft {
  templateId: string;
  name: string;
  callerNumbers: string[];
  robots: number;
  /** `HH:mm-HH:mm` ranges (one-digit hours accepted; `24:00` allowed as an end). */
  callingHours: string[];
  validity: TaskValidity;
  resultPush?: { url: string; when: ResultPushWhen };
  numberHiding: NumberHiding;
  exportAllowed: boolean;
}

/** The editable fields of a task; absent ones are left as they are. */
export interface TaskEdit {
  id: string;
  name?: string;
  callerNumbers?: string[];
  robots?: number;
  callingHours?: string[];
  validity?: TaskValidity;
}

/** The answer of pause / resume / end / delete: the task's status after the action. */
export interface TaskStatusChange {
  id: string;
  status: TaskStatus;
}

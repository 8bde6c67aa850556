import type { Task, TaskList, TaskOptions, TaskStats, TaskStatusChange } from '../tasks';
import {
  taskDraftSchema,
  taskEditSchema,
  taskIdSchema,
  taskStatsSchema,
  templateAudioSchema,
} from '../schemas/tasks';
import { noInput, shape } from './shape';

/** Every call works on the active account's tasks. */
export const taskCalls = {
  /**
   * Every task of the active account: the unfinished ones the provider lists plus the ones this
   * app created (kept after they finish), each with its total, dialled, connected and intent counts.
   */
  'tasks:list': { input: noInput, output: shape<TaskList>() },
  /** Completed calls per hour today and per day this week (local time), for each task asked. */
  'tasks:stats': { input: taskStatsSchema, output: shape<TaskStats[]>() },
  /** What the create-task wizard offers: templates, caller numbers with concurrency, robots. */
  'tasks:options': { input: noInput, output: shape<TaskOptions>() },
  /** Creates a task after checking it against the account's numbers and robots; answers it. */
  'tasks:create': { input: taskDraftSchema, output: shape<Task>() },
  /** Changes a task's editable fields (name, caller numbers, robots, calling hours, validity). */
  'tasks:edit': { input: taskEditSchema, output: shape<Task>() },
  /** Pauses a running, outside-hours or queued task. */
  'tasks:pause': { input: taskIdSchema, output: shape<TaskStatusChange>() },
  /** Resumes a paused task. */
  'tasks:resume': { input: taskIdSchema, output: shape<TaskStatusChange>() },
  /** Ends a task that has started and is not finished; its undialled rows stay undialled. */
  'tasks:end': { input: taskIdSchema, output: shape<TaskStatusChange>() },
  /** Deletes a task (the app then forgets it). */
  'tasks:delete': { input: taskIdSchema, output: shape<TaskStatusChange>() },
  /**
   * A template's first-node recording, fetched by main and served from the app's own origin
   * (the renderer never loads remote audio): answers the local URL to play.
   */
  'templates:audio': { input: templateAudioSchema, output: shape<{ url: string }>() },
} as const;

export const taskEvents = {
  /** A task of `accountId` was created, changed or deleted from this app (any window, the CLI not included). */
  'tasks:changed': shape<{ accountId: string }>(),
} as const;

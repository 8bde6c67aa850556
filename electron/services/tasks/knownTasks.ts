import { z } from 'zod';
import type { SettingsFile } from '../settings/settingsFile';

/** The settings file (electron-store `name`, `tasks.json` beside `accounts.json`). */
export const TASKS_FILE_NAME = 'tasks';

/**
 * A task this app created. The provider's `query_task` lists only unfinished tasks, so without
 * this record a task would vanish from the screen the moment it finished.
 */
export interface KnownTask {
  id: string;
  name: string;
  /** When it was created (epoch ms). */
  createdAt: number;
}

/** Per account, the newest tasks kept; older ones are forgotten. */
export const MAX_KNOWN_TASKS = 500;

const knownTaskSchema = z.union([
  z.object({ id: z.string().min(1), name: z.string(), createdAt: z.number() }),
  // As version 0.1 wrote it, in iCall's words.
  z
    .object({ taskid: z.string().min(1), task_name: z.string(), created: z.number() })
    .transform((old): KnownTask => ({ id: old.taskid, name: old.task_name, createdAt: old.created })),
]);

/** The tasks each account created from this app, keyed by account id in `tasks.json`. */
export class KnownTaskStore {
  constructor(private readonly file: SettingsFile) {}

  /** Newest first; a damaged entry is skipped, not fatal. */
  list(accountId: string): KnownTask[] {
    const raw = this.file.read(accountId);
    if (!Array.isArray(raw)) return [];
    return raw
      .flatMap((entry) => {
        const parsed = knownTaskSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  remember(accountId: string, task: KnownTask): void {
    const rest = this.list(accountId).filter((t) => t.id !== task.id);
    this.file.write(accountId, [task, ...rest].slice(0, MAX_KNOWN_TASKS));
  }

  /** Forgets tasks (deleted, or unknown to the provider); writes only when something changes. */
  forget(accountId: string, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const drop = new Set(ids);
    const before = this.list(accountId);
    const after = before.filter((t) => !drop.has(t.id));
    if (after.length !== before.length) this.file.write(accountId, after);
  }
}

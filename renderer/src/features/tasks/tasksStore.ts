import { create } from 'zustand';
import type { AppError, Result } from '../../../../shared/result';
import type { Task, TaskDraft, TaskEdit, TaskOptions, TaskStats, TaskStatus } from '../../../../shared/tasks';

/** The actions with a button in each row. */
export type RowAction = 'pause' | 'resume' | 'end' | 'delete';

/** The status shown at once while main works; main's answer then replaces it. */
const OPTIMISTIC: Record<RowAction, TaskStatus> = {
  pause: 'paused',
  resume: 'running',
  end: 'finished',
  delete: 'deleted',
};

interface TasksState {
  /** The account the list belongs to; a list of another account is discarded. */
  accountId: string | null;
  tasks: Task[];
  loaded: boolean;
  error: AppError | null;
  /** Actions in flight, per task id: the refresh keeps their optimistic status. */
  pending: Record<string, RowAction>;
  stats: Record<string, TaskStats>;
  selectedId: string | null;
  options: TaskOptions | null;
  optionsError: AppError | null;
  load(): Promise<void>;
  loadStats(id: string): Promise<void>;
  loadOptions(): Promise<void>;
  /** Runs a row action; true when the provider did it. */
  act(id: string, action: RowAction): Promise<boolean>;
  create(draft: TaskDraft): Promise<Result<Task>>;
  edit(edit: TaskEdit): Promise<Result<Task>>;
  select(id: string | null): void;
  /** Forgets everything of the previous account. */
  reset(): void;
  dismissError(): void;
}

let loadSeq = 0;

/** What the store holds before the first load, and again after an account switch. */
const emptyState = () => ({
  accountId: null,
  tasks: [] as Task[],
  loaded: false,
  error: null,
  pending: {} as Record<string, RowAction>,
  stats: {} as Record<string, TaskStats>,
  selectedId: null,
  options: null,
  optionsError: null,
});

const call = { pause: 'pause', resume: 'resume', end: 'end', delete: 'delete' } as const;

export const useTasksStore = create<TasksState>()((set, get) => {
  const replaceTask = (task: Task): void => {
    const tasks = get().tasks;
    set({
      tasks: tasks.some((t) => t.id === task.id)
        ? tasks.map((t) => (t.id === task.id ? task : t))
        : [task, ...tasks],
    });
  };
  const setStatus = (id: string, status: TaskStatus): void =>
    set({ tasks: get().tasks.map((t) => (t.id === id ? { ...t, status } : t)) });
  const withoutPending = (id: string): Record<string, RowAction> => {
    const { [id]: _done, ...rest } = get().pending;
    return rest;
  };

  return {
    ...emptyState(),

    async load() {
      const seq = ++loadSeq;
      const result = await window.api.tasks.list();
      if (seq !== loadSeq) return; // a newer load is on its way
      if (!result.ok) {
        set({ loaded: true, error: result.error });
        return;
      }
      const { pending } = get();
      const tasks = result.value.tasks
        .map((t) => (pending[t.id] ? { ...t, status: OPTIMISTIC[pending[t.id]!] } : t))
        .filter((t) => t.status !== 'deleted');
      set({ accountId: result.value.accountId, tasks, loaded: true });
    },

    async loadStats(id) {
      const result = await window.api.tasks.stats({ ids: [id] });
      if (result.ok && result.value[0]) set({ stats: { ...get().stats, [id]: result.value[0] } });
    },

    async loadOptions() {
      const result = await window.api.tasks.options();
      if (result.ok) set({ options: result.value, optionsError: null });
      else set({ optionsError: result.error });
    },

    async act(id, action) {
      const before = get().tasks;
      const index = before.findIndex((t) => t.id === id);
      if (index < 0 || get().pending[id]) return false;
      set({ pending: { ...get().pending, [id]: action }, error: null });
      if (action === 'delete') set({ tasks: before.filter((t) => t.id !== id) });
      else setStatus(id, OPTIMISTIC[action]);
      const accountId = get().accountId;
      const result = await window.api.tasks[call[action]]({ id });
      if (get().accountId !== accountId) return false; // switched account meanwhile: that list is gone
      set({ pending: withoutPending(id) });
      if (!result.ok) {
        // Roll back only this task: others may have been refreshed meanwhile.
        const original = before[index]!;
        const now = get().tasks;
        set({
          tasks: now.some((t) => t.id === id)
            ? now.map((t) => (t.id === id ? original : t))
            : [...now.slice(0, index), original, ...now.slice(index)],
          error: result.error,
        });
        return false;
      }
      if (action === 'delete') {
        set({
          tasks: get().tasks.filter((t) => t.id !== id),
          selectedId: get().selectedId === id ? null : get().selectedId,
        });
      } else setStatus(id, result.value.status);
      return true;
    },

    async create(draft) {
      const result = await window.api.tasks.create(draft);
      if (result.ok) {
        replaceTask(result.value);
        set({ selectedId: result.value.id });
      }
      return result;
    },

    async edit(edit) {
      const result = await window.api.tasks.edit(edit);
      if (result.ok) replaceTask(result.value);
      return result;
    },

    select: (id) => set({ selectedId: id }),
    reset: () => {
      loadSeq++;
      set(emptyState());
    },
    dismissError: () => set({ error: null }),
  };
});

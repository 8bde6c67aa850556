import { create } from 'zustand';
import type { AppError } from '../../../../shared/result';
import { acceptsRows } from '../../../../shared/taskLifecycle';
import type { Task } from '../../../../shared/tasks';
import type { UploadProgress, UploadSummary } from '../../../../shared/uploads';

/** Tasks that can take rows now (not finished or deleted). */
export function openTasks(tasks: readonly Task[]): Task[] {
  return tasks.filter((task) => acceptsRows(task.status));
}

interface UploadsState {
  /** Every upload this window has seen, by id (summaries from main). */
  summaries: Record<number, UploadSummary>;
  /** The latest progress of each upload that sent some (events from main). */
  progress: Record<number, UploadProgress>;
  /** The active account's tasks, for pickers and names; null until loaded. */
  tasks: Task[] | null;
  tasksError: AppError | null;
  /** The upload dialog of the open list: a new upload (`uploadId` null) or watching one. */
  dialog: { kind: 'upload'; uploadId: number | null; taskId?: string } | { kind: 'remove' } | null;
  openDialog(dialog: UploadsState['dialog']): void;
  loadForList(listId: number): Promise<void>;
  loadTasks(): Promise<void>;
  /** Keeps a summary main answered (start, resume, pause, cancel, status). */
  keep(summary: UploadSummary): void;
  onProgress(progress: UploadProgress): void;
}

export const useUploadsStore = create<UploadsState>()((set, get) => ({
  summaries: {},
  progress: {},
  tasks: null,
  tasksError: null,
  dialog: null,

  openDialog(dialog) {
    set({ dialog });
  },

  async loadForList(listId) {
    const result = await window.api.uploads.forList({ listId });
    if (!result.ok) return;
    const summaries = { ...get().summaries };
    for (const summary of result.value) summaries[summary.id] = summary;
    set({ summaries });
  },

  async loadTasks() {
    const result = await window.api.tasks.list();
    if (result.ok) set({ tasks: result.value.tasks, tasksError: null });
    else set({ tasksError: result.error, tasks: get().tasks ?? [] });
  },

  keep(summary) {
    set({ summaries: { ...get().summaries, [summary.id]: summary } });
  },

  onProgress(progress) {
    set({ progress: { ...get().progress, [progress.uploadId]: progress } });
    // The figures at the end (and the stopping error) are in the summary: fetch it on a state change.
    const known = get().summaries[progress.uploadId];
    if (!known || known.state !== progress.state || progress.state !== 'running') {
      void window.api.uploads.status({ uploadId: progress.uploadId }).then((result) => {
        if (result.ok) get().keep(result.value);
      });
    }
  },
}));

/** Uploads of a list, newest first. */
export function uploadsOfList(summaries: Record<number, UploadSummary>, listId: number): UploadSummary[] {
  return Object.values(summaries)
    .filter((summary) => summary.listId === listId)
    .sort((a, b) => b.id - a.id);
}

/** Rows answered and rows in the journal, from the freshest source. */
export function answered(
  summary: UploadSummary | undefined,
  progress: UploadProgress | undefined,
): { done: number; total: number } {
  if (progress && (!summary || progress.state === 'running' || summary.state === 'running'))
    return { done: progress.done, total: progress.total };
  if (!summary) return { done: 0, total: 0 };
  const { rows } = summary;
  return { done: rows.total - rows.pending - rows.sending - rows.uncertain, total: rows.total };
}

/** Subscribes this window to upload progress; call once from a mounted component. */
export function subscribeUploads(): () => void {
  return window.api.uploads.onProgress((progress) => useUploadsStore.getState().onProgress(progress));
}

/** A task's name when the tasks are loaded, else its id. */
export function taskName(tasks: readonly Task[] | null, taskId: string): string {
  return tasks?.find((task) => task.id === taskId)?.name ?? taskId;
}

import type { ResultsSourceOption } from '../../../shared/results';
import type { CallStore } from './callStore';
import type { SyncCursorStore } from './cursors';
import type { ResultsFeatureDeps } from './featureDeps';
import type { ResultsReader } from './resultsQuery';

/** The feature's parts the source picker reads. */
export interface SourcesHost {
  readonly accountId: string;
  readonly reader: ResultsReader;
  readonly cursors: SyncCursorStore;
  readonly calls: CallStore;
}

/** Tasks of the active account (listed now or with stored results) and the call lists. */
export async function resultsSources(
  { accountId, reader, cursors, calls }: SourcesHost,
  deps: Pick<ResultsFeatureDeps, 'tasks' | 'lists' | 'log'>,
): Promise<ResultsSourceOption[]> {
  const counts = reader.taskCounts(accountId);
  const synced = new Map(cursors.tasks(accountId).map((t) => [t.taskId, t.syncedAt]));
  const named = new Map<string, string>();
  try {
    for (const task of (await deps.tasks?.list())?.tasks ?? []) named.set(task.id, task.name);
  } catch (error) {
    // Offline: the tasks with stored results are still shown.
    deps.log?.warn('results: task list unavailable', { error: String(error) });
  }
  const taskIds = new Set([...named.keys(), ...counts.keys(), ...synced.keys()]);
  const options: ResultsSourceOption[] = [...taskIds].map((taskId) => ({
    source: { kind: 'task', taskId },
    name: named.get(taskId) ?? taskId,
    callCount: counts.get(taskId) ?? 0,
    syncedAt: synced.get(taskId) ?? null,
    linkedListId: calls.linkedList(accountId, taskId),
  }));
  const listCounts = reader.listCounts();
  for (const list of deps.lists.readyLists()) {
    options.push({
      source: { kind: 'list', listId: list.id },
      name: list.name,
      callCount: listCounts.get(list.id) ?? 0,
      syncedAt: null,
      linkedListId: null,
    });
  }
  return options;
}

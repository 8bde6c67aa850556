import { refreshStatistics } from '../db/database';
import type { CallList } from '../../../shared/callList';
import type { ImportProblem, ImportProgress, ImportResult } from '../../../shared/importing';
import { importFailure } from '../importer/errors';
import { readImport, type ImportRequest } from '../importer/importRows';
import type { MappingMemory } from '../importer/mappingMemory';
import type { ParseThread } from '../importer/open';
import { columnLetter } from '../importer/source';
import { ImportSession } from './importSession';
import type { CallListStore } from './store';

export type { ImportRequest } from '../importer/importRows';

export interface ImportDeps {
  store: CallListStore;
  memory?: MappingMemory;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Where the file is parsed (a worker with a heap limit unless a test says otherwise). */
  thread?: ParseThread;
}

/**
 * Imports one sheet into a new call list, streaming: the importer yields rows (parsed in a
 * worker), and they are committed in batches to a list nobody sees until the last row is in
 * (see ImportSession), so cancelling, a broken or hostile file, too many rows or a crash all
 * leave no list behind. The importer never writes: this is the one place rows become a list.
 */
export async function importFile(
  path: string,
  request: ImportRequest,
  deps: ImportDeps,
): Promise<ImportResult> {
  const { store, signal } = deps;
  const reading = await readImport(path, request, {
    ...(deps.memory ? { memory: deps.memory } : {}),
    ...(signal ? { signal } : {}),
    ...(deps.thread ? { thread: deps.thread } : {}),
  });
  let session: ImportSession | undefined;
  let fraction = 0;
  const progress = (): void => {
    const done = session?.rowCount ?? 0;
    deps.onProgress?.({
      rowsDone: done,
      rowsEstimate: reading.rowsEstimate ?? (fraction > 0.05 ? Math.round(done / fraction) : null),
      fraction,
    });
  };
  try {
    for await (const batch of reading.batches({
      ...(signal ? { signal } : {}),
      onFraction: (f) => (fraction = f),
    })) {
      session ??= new ImportSession(store, reading.listInfo());
      session.append(batch);
      progress();
    }
    if (!session || session.rowCount === 0) throw importFailure('import.empty');
    signal?.throwIfAborted();
    const list = session.finish();
    if (list.rowCount > 1000) refreshStatistics(store.db);
    fraction = 1;
    progress();
    deps.memory?.remember(reading.headers(), reading.mapping);
    return {
      list,
      valid: list.validCount,
      problems: problemsOf(store, list, reading.mapping),
      fileProblems: reading.fileProblems(),
    };
  } catch (error) {
    session?.abort();
    if (signal?.aborted) throw importFailure('import.cancelled');
    // Readers already turn file trouble into AppFailures; anything else (a full disk) is the
    // app's own trouble and goes up unchanged to be logged as unexpected.
    throw error;
  } finally {
    await reading.close();
  }
}

/** The list's problems addressed by sheet row and header, as the CLI and the mapping step show them. */
function problemsOf(
  store: CallListStore,
  list: CallList,
  mapping: { telephone: number; outid: number | null; variables: { column: number; name: string }[] },
): ImportProblem[] {
  const columnOf = new Map<string, number>([['telephone', mapping.telephone]]);
  if (mapping.outid !== null) columnOf.set('outid', mapping.outid);
  for (const variable of mapping.variables) columnOf.set(variable.name.trim(), variable.column);
  return store.listProblems(list.id).map((problem) => {
    const column = columnOf.get(problem.column) ?? 0;
    const header =
      problem.column === 'telephone'
        ? list.columns.telephoneHeader
        : problem.column === 'outid'
          ? (list.columns.outidHeader ?? 'outid')
          : problem.column;
    return {
      row: problem.sourceRow ?? 0,
      column: header,
      cell: `${columnLetter(column)}${problem.sourceRow ?? ''}`,
      code: problem.code,
      value: problem.value,
    };
  });
}

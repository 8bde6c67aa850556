import type { ImportProgress, ImportResult } from '../../../shared/importing';
import { importFailure } from '../importer/errors';
import { readImport, type ImportRequest } from '../importer/importRows';
import type { MappingMemory } from '../importer/mappingMemory';
import type { ParseThread } from '../importer/open';
import { localImportSink, type ImportSink } from './importSink';
import type { CallListStore } from './store';

export type { ImportRequest } from '../importer/importRows';

export interface ImportDeps {
  store: CallListStore;
  memory?: MappingMemory;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Where the file is parsed (a worker with a heap limit unless a test says otherwise). */
  thread?: ParseThread;
  /** Where the rows are written (the database worker in the app; this thread's connection by default). */
  sink?: ImportSink;
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
  const sink = deps.sink ?? localImportSink(store);
  let begun = false;
  let fraction = 0;
  const progress = (): void => {
    const done = sink.rowCount;
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
      if (!begun) {
        begun = true;
        await sink.begin(reading.listInfo());
      }
      await sink.append(batch);
      progress();
    }
    if (sink.rowCount === 0) throw importFailure('import.empty');
    signal?.throwIfAborted();
    const { list, problems } = await sink.finish(reading.mapping);
    fraction = 1;
    progress();
    deps.memory?.remember(reading.headers(), reading.mapping);
    return { list, valid: list.validCount, problems, fileProblems: reading.fileProblems() };
  } catch (error) {
    // A worker that died with the import leaves a hidden list, discarded once it looks abandoned.
    await sink.abort().catch(() => undefined);
    if (signal?.aborted) throw importFailure('import.cancelled');
    // Readers already turn file trouble into AppFailures; anything else (a full disk) is the
    // app's own trouble and goes up unchanged to be logged as unexpected.
    throw error;
  } finally {
    await reading.close();
  }
}

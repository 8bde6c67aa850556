/**
 * The process the crash test kills: imports a big file, then edits that list while a second
 * import of the same file streams in, printing `ack N` after each edit call returns (the moment
 * the grid would show the edit as saved). Usage: crashChild.ts DATA_DIR FILE
 */
import { importFile } from '../../electron/services/lists/importFile';
import { inspectFile } from '../../electron/services/importer/inspect';
import { applyEdits, openListServices } from '../../electron/services/lists';

const [dataDir, file] = process.argv.slice(2) as [string, string];
const services = openListServices(dataDir);
const inspection = await inspectFile(file);
const request = {
  sheet: inspection.sheet,
  headerRow: inspection.headerRow,
  mapping: inspection.suggestedMapping,
};
const first = await importFile(file, { ...request, name: 'first' }, services);
process.stdout.write(`imported ${first.list.id}\n`);

void importFile(
  file,
  { ...request, name: 'second' },
  {
    ...services,
    onProgress: (progress) => process.stdout.write(`progress ${progress.rowsDone}\n`),
  },
).then(() => process.stdout.write('second done\n'));

const ids = services.store.queryRowIds(first.list.id);
for (let i = 0; i < ids.length; i++) {
  applyEdits(services.store, first.list.id, [
    { kind: 'set', rowId: ids[i] as number, column: 'var:备注', value: `edit-${i}` },
  ]);
  process.stdout.write(`ack ${i}\n`);
  // Let the second import take its turn, as IPC requests and an import interleave in main.
  await new Promise((resolve) => setImmediate(resolve));
}

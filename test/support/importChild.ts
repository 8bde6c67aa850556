/**
 * A CLI-like process importing a file into a data folder, for the tests that run another
 * process beside it. Prints `progress N` per batch, then `done LIST_ID ROWS` or
 * `failed CODE`. Usage: importChild.ts DATA_DIR FILE
 */
import { AppFailure } from '../../electron/services/contract/failure';
import { openListServices } from '../../electron/services/lists';
import { importFile } from '../../electron/services/lists/importFile';

const [dataDir, file] = process.argv.slice(2) as [string, string];
const services = openListServices(dataDir);
try {
  const result = await importFile(
    file,
    {},
    {
      store: services.store,
      onProgress: (progress) => process.stdout.write(`progress ${progress.rowsDone}\n`),
    },
  );
  process.stdout.write(`done ${result.list.id} ${result.list.rowCount}\n`);
} catch (error) {
  process.stdout.write(`failed ${error instanceof AppFailure ? error.code : String(error)}\n`);
} finally {
  services.close();
}

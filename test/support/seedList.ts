import { importFile } from '../../electron/services/lists/importFile';
import { inspectFile } from '../../electron/services/importer/inspect';
import { openListServices } from '../../electron/services/lists/index';

/**
 * Imports a file into a data folder's lists with the importer's own suggestions (sheet, header
 * row, mapping), as an operator accepting the wizard's defaults would; answers the list id.
 */
export async function importInto(dataDir: string, file: string): Promise<number> {
  const services = openListServices(dataDir);
  try {
    const inspection = await inspectFile(file, { memory: services.memory });
    const result = await importFile(
      file,
      { sheet: inspection.sheet, headerRow: inspection.headerRow, mapping: inspection.suggestedMapping },
      { store: services.store, memory: services.memory },
    );
    return result.list.id;
  } finally {
    services.close();
  }
}

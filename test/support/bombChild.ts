/**
 * Imports every workbook in DIR (the test writes the hostile ones of `bombs()` there, so
 * building them costs this process nothing) in this one process, the way the app would
 * (inspect and import through the parse worker), and prints what each was refused with and the
 * process's peak memory: `{ "codes": { name: code }, "lists": n, "maxRssMb": n }`.
 * Usage: bombChild.ts DIR
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../electron/services/contract/failure';
import { openListServices } from '../../electron/services/lists';
import { importFile } from '../../electron/services/lists/importFile';
import { peakRssMb } from './peakMemory';

const [dir] = process.argv.slice(2) as [string];
const services = openListServices(join(dir, 'data'));
const codes: Record<string, string> = {};
const seconds: Record<string, number> = {};
for (const entry of readdirSync(dir).filter((name) => name.endsWith('.xlsx'))) {
  const name = entry.slice(0, -'.xlsx'.length);
  const file = join(dir, entry);
  const started = performance.now();
  try {
    await importFile(file, {}, services);
    codes[name] = 'imported';
  } catch (error) {
    codes[name] = error instanceof AppFailure ? error.code : String(error);
  }
  seconds[name] = Math.round(performance.now() - started) / 1000;
}
const lists = services.store.listLists().length;
services.close();
process.stdout.write(JSON.stringify({ codes, seconds, lists, maxRssMb: peakRssMb() }));

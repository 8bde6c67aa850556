import { DNC_MIGRATIONS } from '../dnc/schema';
import { IMPORTER_MIGRATIONS } from '../importer/mappingMemory';
import { LIST_MIGRATIONS } from '../lists/schema';
import { RESULTS_MIGRATIONS } from '../results/schema';
import { UPLOAD_MIGRATIONS } from '../uploads/schema';
import type { Migration } from './migrations';

/**
 * Every feature's schema steps. A new feature adds its own `Migration[]` (numbered from 1 under
 * its own `feature` name) to this list; order between features does not matter, only within one.
 */
export const APP_MIGRATIONS: readonly Migration[] = [
  ...LIST_MIGRATIONS,
  ...IMPORTER_MIGRATIONS,
  ...RESULTS_MIGRATIONS,
  ...UPLOAD_MIGRATIONS,
  ...DNC_MIGRATIONS,
];

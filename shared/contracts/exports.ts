import type { ExportOutcome } from '../exports';
import { exportDncSchema, exportListSchema, exportResultsSchema, revealSchema } from '../schemas/exports';
import { shape } from './shape';

/**
 * Every export goes through main's export service: typed columns, CSV that spreadsheets open
 * without losing digits or running formulas, headers in the user's language and a default
 * file name from the list or task and the date. The desktop app asks where with the system
 * save dialog; the browser harness hands the file to the browser as a download.
 */
export const exportCalls = {
  /** A call list in its file's column order (generated outids included). */
  'exports:list': { input: exportListSchema, output: shape<ExportOutcome>() },
  /** A task's or list's calls matching the filter, one row per call. */
  'exports:results': { input: exportResultsSchema, output: shape<ExportOutcome>() },
  /** The do-not-call list (default: this account's and every account's numbers). */
  'exports:dnc': { input: exportDncSchema, output: shape<ExportOutcome>() },
  /** Shows a file saved by an export in the system's file manager. */
  'exports:reveal': { input: revealSchema, output: shape<true>() },
} as const;

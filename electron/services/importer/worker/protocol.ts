/**
 * Messages between the import's main thread and its parse worker (see `parseHost.ts`).
 * Rows travel as JSON (UTF-16) in an ArrayBuffer that is *transferred*, batch by batch, so the
 * main thread never receives one giant message and no batch is copied twice.
 */
import type { FileProblem, SheetInfo } from '../../../../shared/importing';

export interface ParseWorkerData {
  path: string;
}

/** Main → worker. */
export type HostMessage =
  /** Start reading a sheet (one pass at a time). */
  | { type: 'rows'; pass: number; sheet: string }
  /** The main thread consumed a batch: the worker may send one more. */
  | { type: 'credit'; pass: number }
  /** Stop the pass early (inspect has what it needs, or the import was cancelled). */
  | { type: 'stop'; pass: number };

/** Worker → main. */
export type WorkerMessage =
  | { type: 'opened'; format: 'xlsx' | 'csv'; sheets: SheetInfo[] }
  | { type: 'batch'; pass: number; rows: ArrayBuffer; fraction: number }
  | { type: 'done'; pass: number; problems: FileProblem[] }
  /** An AppFailure (its code and detail); anything else arrives as `unexpected`. */
  | { type: 'failed'; pass: number | null; code: string; detail?: string; unexpected?: string };

/** Batches the worker may send ahead of the main thread (about 8,000 rows). */
export const BATCHES_AHEAD = 4;

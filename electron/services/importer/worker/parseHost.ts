import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { FileProblem, SheetInfo } from '../../../../shared/importing';
import { AppFailure } from '../../contract/failure';
import { IMPORT_ERRORS, importFailure, type ImportErrorCode } from '../errors';
import type { ReadOptions, SheetRow, WorkbookSource } from '../source';
import type { WorkerMessage } from './protocol';
import { startWorker } from './startWorker';

/**
 * The parse worker's heap. The reader's own bounds (see `limits.ts`) keep real and hostile
 * files far below it; it is the last line: a file that still gets past them exhausts this
 * thread's heap, the thread dies, the import fails with `import.too_large`, and the app (the
 * Electron main process, the CLI, the harness) goes on. Zip and file buffers live outside the
 * V8 heap; the reader streams them in 64 KB pieces.
 */
export const PARSE_WORKER_LIMITS = {
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 16,
  stackSizeMb: 4,
};

function failureOf(message: Extract<WorkerMessage, { type: 'failed' }>): Error {
  if (message.unexpected !== undefined) return new Error(`parse worker: ${message.unexpected}`);
  if (message.code in IMPORT_ERRORS) return importFailure(message.code as ImportErrorCode, message.detail);
  return new Error(`parse worker: ${message.code}`);
}

/**
 * A workbook read by a parse worker: the same `WorkbookSource` as `openWorkbook` gives, with
 * the parsing on another thread. Rows arrive in batches as the caller consumes them (the
 * worker runs at most a few batches ahead). `close()` ends the worker.
 */
export class WorkerWorkbook implements WorkbookSource {
  problems: FileProblem[] = [];
  private passes = 0;
  private death: Error | undefined;
  private readonly listeners = new Set<(message: WorkerMessage | null) => void>();

  private constructor(
    private readonly worker: Worker,
    readonly format: 'xlsx' | 'csv',
    readonly sheets: readonly SheetInfo[],
  ) {
    worker.on('message', (message: WorkerMessage) => this.listeners.forEach((listener) => listener(message)));
    const died = (error: Error): void => {
      this.death ??= error;
      this.listeners.forEach((listener) => listener(null));
    };
    worker.on('error', (error: NodeJS.ErrnoException) =>
      died(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? importFailure('import.too_large', 'parse worker out of memory')
          : error,
      ),
    );
    worker.on('exit', (code) => died(importFailure('import.corrupt', `parse worker exited (${code})`)));
  }

  /** Starts a worker on `path` and waits until it has read the workbook's structure. */
  static async open(path: string, limits: ResourceLimits = PARSE_WORKER_LIMITS): Promise<WorkerWorkbook> {
    const worker = await startWorker({
      callerUrl: import.meta.url,
      sourceEntry: './parseWorker.ts',
      bundleName: 'importWorker.js',
      workerData: { path },
      resourceLimits: limits,
    });
    try {
      const opened = await new Promise<Extract<WorkerMessage, { type: 'opened' }>>((resolve, reject) => {
        worker.once('message', (message: WorkerMessage) =>
          message.type === 'opened'
            ? resolve(message)
            : reject(message.type === 'failed' ? failureOf(message) : new Error(message.type)),
        );
        worker.once('error', (error: NodeJS.ErrnoException) =>
          reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? importFailure('import.too_large') : error),
        );
        worker.once('exit', (code) =>
          reject(importFailure('import.corrupt', `parse worker exited (${code})`)),
        );
      });
      return new WorkerWorkbook(worker, opened.format, opened.sheets);
    } catch (error) {
      await worker.terminate();
      throw error;
    }
  }

  async *rows(sheet: string, options: ReadOptions = {}): AsyncGenerator<SheetRow[]> {
    const pass = ++this.passes;
    const queue: WorkerMessage[] = [];
    let wake: (() => void) | undefined;
    const listener = (message: WorkerMessage | null): void => {
      if (message === null || ('pass' in message && message.pass === pass)) {
        if (message) queue.push(message);
        wake?.();
      }
    };
    const onAbort = (): void => wake?.();
    this.listeners.add(listener);
    options.signal?.addEventListener('abort', onAbort);
    let finished = false;
    try {
      if (this.death) throw this.death;
      this.worker.postMessage({ type: 'rows', pass, sheet });
      for (;;) {
        while (queue.length === 0 && !this.death && !options.signal?.aborted)
          await new Promise<void>((resolve) => (wake = resolve));
        options.signal?.throwIfAborted();
        const message = queue.shift();
        if (!message) throw this.death ?? new Error('parse worker gone');
        if (message.type === 'batch') {
          options.onFraction?.(message.fraction);
          yield JSON.parse(Buffer.from(message.rows).toString('utf16le')) as SheetRow[];
          this.worker.postMessage({ type: 'credit', pass });
          // Batches queued ahead would otherwise all run in one turn of the event loop: let
          // IPC calls (an edit in the grid) in between, as the reader did on this thread.
          await new Promise((resolve) => setImmediate(resolve));
        } else if (message.type === 'done') {
          finished = true;
          this.problems = message.problems;
          return;
        } else if (message.type === 'failed') {
          finished = true;
          throw failureOf(message);
        }
      }
    } finally {
      this.listeners.delete(listener);
      options.signal?.removeEventListener('abort', onAbort);
      if (!finished && !this.death) this.worker.postMessage({ type: 'stop', pass });
    }
  }

  async close(): Promise<void> {
    this.death ??= new AppFailure('import.cancelled', IMPORT_ERRORS['import.cancelled']);
    await this.worker.terminate();
  }
}

/**
 * The parse worker: opens one workbook and streams the rows of the sheets it is asked for.
 * It runs under a heap limit (see `parseHost.ts`): whatever gets past the reader's bounds
 * kills this thread, not the app.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppFailure } from '../../contract/failure';
import { openWorkbook } from '../open';
import type { SheetRow, WorkbookSource } from '../source';
import { BATCHES_AHEAD, type HostMessage, type ParseWorkerData, type WorkerMessage } from './protocol';

const port = parentPort;
if (!port) throw new Error('parseWorker runs only as a worker thread');
const { path } = workerData as ParseWorkerData;
/** Rows per message to the main thread. */
const ROWS_PER_MESSAGE = 2000;

const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void =>
  port.postMessage(message, transfer);

function failed(pass: number | null, error: unknown): void {
  if (error instanceof AppFailure)
    send({ type: 'failed', pass, code: error.code, ...(error.detail ? { detail: error.detail } : {}) });
  else
    send({
      type: 'failed',
      pass,
      code: 'app.unexpected',
      unexpected: String((error as Error)?.stack ?? error),
    });
}

/** One reading pass, with credits: at most BATCHES_AHEAD batches sent and not yet consumed. */
class Pass {
  private credits = BATCHES_AHEAD;
  private wake: (() => void) | undefined;
  private perMessage = 32;
  stopped = false;

  constructor(readonly id: number) {}

  credit(): void {
    this.credits++;
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  async run(source: WorkbookSource, sheet: string): Promise<void> {
    let fraction = 0;
    let pending: SheetRow[] = [];
    const flush = async (): Promise<boolean> => {
      while (this.credits === 0 && !this.stopped) await new Promise<void>((resolve) => (this.wake = resolve));
      if (this.stopped) return false;
      this.credits--;
      const json = JSON.stringify(pending);
      pending = [];
      // UTF-16 as V8 holds it: writing and reading it back is a copy, not a transcoding.
      const buffer = new ArrayBuffer(json.length * 2);
      Buffer.from(buffer).write(json, 'utf16le');
      send({ type: 'batch', pass: this.id, rows: buffer, fraction }, [buffer]);
      return true;
    };
    for await (const rows of source.rows(sheet, { onFraction: (f) => (fraction = f) })) {
      for (const row of rows) pending.push(row);
      // The reader yields a few hundred rows per chunk of the file; fewer, larger messages
      // cost less on both sides. The first ones are small: inspect wants its rows quickly.
      if (pending.length >= this.perMessage) {
        this.perMessage = Math.min(ROWS_PER_MESSAGE, this.perMessage * 4);
        if (!(await flush())) return;
      }
    }
    if (pending.length && !(await flush())) return;
    send({ type: 'done', pass: this.id, problems: [...(source.problems ?? [])] });
  }
}

let current: Pass | undefined;

try {
  const source = await openWorkbook(path);
  port.on('message', (message: HostMessage) => {
    if (message.type === 'rows') {
      const pass = new Pass(message.pass);
      current = pass;
      pass.run(source, message.sheet).catch((error: unknown) => failed(pass.id, error));
    } else if (current?.id === message.pass) {
      if (message.type === 'credit') current.credit();
      else current.stop();
    }
  });
  send({ type: 'opened', format: source.format, sheets: [...source.sheets] });
} catch (error) {
  failed(null, error);
}

/**
 * add_task_data in batches, with per-row outcomes.
 *
 * Batch size: 500 rows, and never more than ~256 KB of form body. A row is ~60–100 bytes of
 * JSON, ~100–250 once percent-encoded (a Chinese character costs 9 bytes), so 500 rows is
 * ≈ 50–125 KB: far below the 2 MB POST limit of a default Tomcat/Spring server, few enough that
 * a 100,000-row list is 200 requests, and small enough that isolating one malformed row by
 * halving costs at most 2·log2(500) ≈ 18 extra requests. Batches go one at a time: the
 * upload journal wants a clear "everything before this row is in" boundary, and the vendor's
 * per-account limits are better spent on the operator's interactive reads.
 */
import { TransportError } from '../http/errors';
import { SobotError, SobotValidationError } from './errors';
import { wireVariable } from './params';
import type { TaskDataRow } from './types';

/** Rows per add_task_data request (see the file comment for why 500). */
export const ADD_TASK_DATA_BATCH_ROWS = 500;
/** Upper bound of one form body, in bytes after percent-encoding. */
export const ADD_TASK_DATA_BATCH_BYTES = 256 * 1024;

/** A row the server will not get or refused, with why. `index` is its position in the input. */
export interface RowRejection {
  index: number;
  outid: string;
  telephone: string;
  /** `sobot.row_rejected` (refused locally) or `sobot.320018` (isolated by the server). */
  code: string;
  reason: string;
}

/** Progress after each answered request (and once after local checks). */
export interface AddTaskDataProgress {
  totalRows: number;
  /** Rows with a final outcome (accepted or rejected). */
  doneRows: number;
  acceptedRows: number;
  rejectedRows: number;
}

/**
 * What happened to every row. The server may still drop accepted rows whose phone it finds
 * invalid (documented "silently filtered"), which only query_task_info's totals reveal.
 */
export interface AddTaskDataReport {
  /** outids the server accepted. */
  accepted: string[];
  rejected: RowRejection[];
  /** outids whose request's answer was lost (timeout, reset): check before re-sending. */
  uncertain: string[];
  /** outids not accepted because the upload stopped (`stoppedBy`) before or at their batch. */
  notSent: string[];
  /** The error that stopped the upload (abort, network, a non-320018 code); absent if complete. */
  stoppedBy?: SobotError | TransportError;
}

/** A row in wire form, remembering its input position. */
export interface WireRow {
  index: number;
  row: { telephone: string; outid: string; variable?: string };
  bytes: number;
}

/** Checks rows locally: empty phone/outid, duplicate outid, outid with a comma, bad variable. */
export function prepareRows(data: readonly TaskDataRow[]): { rows: WireRow[]; rejected: RowRejection[] } {
  const rows: WireRow[] = [];
  const rejected: RowRejection[] = [];
  const seen = new Set<string>();
  data.forEach((input, index) => {
    const telephone = String(input.telephone ?? '').trim();
    const outid = String(input.outid ?? '').trim();
    const reject = (reason: string): void => {
      rejected.push({ index, outid, telephone, code: 'sobot.row_rejected', reason });
    };
    if (telephone === '') return reject('telephone is empty');
    if (outid === '') return reject('outid is empty');
    // delete_task_data and query lists join outids with commas: such an outid could never be
    // addressed on its own again.
    if (outid.includes(',')) return reject('outid contains a comma');
    if (seen.has(outid)) return reject('outid repeats an earlier row');
    let variable: string | undefined;
    try {
      variable = wireVariable(input.variable);
    } catch (err) {
      if (err instanceof SobotValidationError) return reject(err.reason);
      throw err;
    }
    seen.add(outid);
    const row = variable === undefined ? { telephone, outid } : { telephone, outid, variable };
    rows.push({ index, row, bytes: encodeURIComponent(JSON.stringify(row)).length + 3 });
  });
  return { rows, rejected };
}

/** Groups rows into batches bounded by row count and encoded size. */
export function planBatches(rows: readonly WireRow[], maxRows: number, maxBytes: number): WireRow[][] {
  const batches: WireRow[][] = [];
  let current: WireRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (current.length > 0 && (current.length >= maxRows || bytes + row.bytes > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += row.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Sends one batch; resolves when the server accepted it. */
export type BatchSender = (rows: WireRow['row'][]) => Promise<void>;

/**
 * Uploads rows batch by batch. A batch refused as malformed (320018) is halved recursively
 * until the offending rows stand alone; they are reported and the rest goes in. Any other
 * failure stops the upload and is reported in `stoppedBy` with the rows it left behind.
 */
export async function uploadRows(
  data: readonly TaskDataRow[],
  send: BatchSender,
  opts: { batchRows?: number; signal?: AbortSignal; onProgress?: (p: AddTaskDataProgress) => void },
): Promise<AddTaskDataReport> {
  const { rows, rejected } = prepareRows(data);
  const accepted: string[] = [];
  const uncertain: string[] = [];
  const finished = new Set<number>();
  const progress = (): void =>
    opts.onProgress?.({
      totalRows: data.length,
      doneRows: accepted.length + rejected.length,
      acceptedRows: accepted.length,
      rejectedRows: rejected.length,
    });

  const sendBatch = async (batch: WireRow[]): Promise<void> => {
    if (opts.signal?.aborted)
      throw new TransportError({ code: 'net.aborted', endpoint: 'add_task_data', sent: 'no' });
    try {
      await send(batch.map((r) => r.row));
    } catch (err) {
      if (err instanceof SobotError && err.code === '320018') {
        if (batch.length === 1) {
          const only = batch[0] as WireRow;
          finished.add(only.index);
          rejected.push({
            ...only.row,
            index: only.index,
            code: 'sobot.320018',
            reason: 'the server refused this row as malformed',
          });
          progress();
          return;
        }
        const mid = Math.ceil(batch.length / 2);
        await sendBatch(batch.slice(0, mid));
        await sendBatch(batch.slice(mid));
        return;
      }
      if (err instanceof TransportError && err.sent !== 'no' && err.code !== 'net.aborted') {
        for (const r of batch) {
          uncertain.push(r.row.outid);
          finished.add(r.index);
        }
      }
      throw err;
    }
    for (const r of batch) {
      accepted.push(r.row.outid);
      finished.add(r.index);
    }
    progress();
  };

  progress();
  const report: AddTaskDataReport = { accepted, rejected, uncertain, notSent: [] };
  try {
    for (const batch of planBatches(
      rows,
      opts.batchRows ?? ADD_TASK_DATA_BATCH_ROWS,
      ADD_TASK_DATA_BATCH_BYTES,
    )) {
      await sendBatch(batch);
    }
  } catch (err) {
    if (!(err instanceof SobotError || err instanceof TransportError)) throw err;
    report.stoppedBy = err;
    report.notSent = rows.filter((r) => !finished.has(r.index)).map((r) => r.row.outid);
  }
  rejected.sort((a, b) => a.index - b.index);
  return report;
}

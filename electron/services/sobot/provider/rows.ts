/**
 * Rows into a task: add_task_data batches (the client isolates malformed rows by halving),
 * add_task_file_data workbooks with `error_data` row numbers mapped back, query_task_data
 * look-ups, delete_task_data removals. The codes `320029` and `error_data` stop here.
 */
import { UPLOAD_ERRORS } from '../../../../shared/codes/uploads';
import { normalizePhone } from '../../../../shared/phone';
import { AppFailure } from '../../contract/failure';
import type { OutgoingRow, RowBatchReport, RowFileReport } from '../../providers/types';
import type { SobotClient } from '../api';
import { MAX_OUTIDS_PER_CALL } from '../api';
import { SobotError } from '../errors';
import { FIRST_DATA_ROW, MAX_FILE_BYTES, writeUploadWorkbook } from './workbook';

/** The client's row codes as the journal keeps them (shared/codes/uploads.ts UPLOAD_ROW_REASONS). */
const ROW_CODES: Record<string, string> = {
  // Refused before sending (the end figures do not count it as sent).
  'sobot.row_rejected': 'provider.row_rejected',
  // Isolated by halving a batch the server refused as malformed.
  'sobot.320018': 'provider.row_malformed',
};

/** iCall's `variable` is `name^value|name^value`: these two characters cannot be sent. */
const UNENCODABLE = /[\^|]/;

/** What iCall would refuse or could not address later, found before sending. */
export function sobotRowProblem(row: OutgoingRow): string | null {
  if (row.telephone.trim() === '') return 'row.phone_rejected';
  // delete_task_data and query lists join outids with commas: such an outid could never be
  // addressed on its own again.
  if (row.key.trim() === '' || row.key.includes(',')) return 'row.key_invalid';
  for (const [name, value] of Object.entries(row.variables))
    if (UNENCODABLE.test(name) || UNENCODABLE.test(value)) return 'row.variable_unencodable';
  return null;
}

/**
 * Whether iCall might drop this (app-valid) number. The document only says rows "not in a
 * phone format" are filtered; mobiles and landlines with their area code are the formats its
 * own examples use, 400/800 service numbers are the doubtful case.
 */
export function sobotMayDropRow(row: Pick<OutgoingRow, 'telephone'>): boolean {
  const check = normalizePhone(row.telephone);
  return !check.ok || check.kind === 'service';
}

/** One batch through add_task_data. */
export async function sendSobotRows(
  client: SobotClient,
  taskId: string,
  rows: readonly OutgoingRow[],
  signal?: AbortSignal,
): Promise<RowBatchReport> {
  const report = await client.addTaskData(
    {
      taskid: taskId,
      data: rows.map((r) => ({
        telephone: r.telephone,
        outid: r.key,
        ...(Object.keys(r.variables).length === 0 ? {} : { variable: r.variables }),
      })),
    },
    signal ? { signal } : {},
  );
  const out: RowBatchReport = {
    accepted: report.accepted,
    rejected: report.rejected.map((r) => ({
      key: r.outid,
      code: ROW_CODES[r.code] ?? r.code,
      reason: r.reason,
    })),
    uncertain: report.uncertain,
    notSent: report.notSent,
  };
  const stop = report.stoppedBy;
  if (!stop) return out;
  // The document sets no batch size; a server that finds ours too big says 320029.
  if (report.uncertain.length === 0 && stop instanceof SobotError && stop.code === '320029')
    return { ...out, batchTooLarge: true };
  return { ...out, stoppedBy: stop };
}

/** One workbook through add_task_file_data; `error_data` row numbers map back to rows. */
export async function sendSobotFile(
  client: SobotClient,
  taskId: string,
  rows: readonly OutgoingRow[],
  variableNames: readonly string[],
): Promise<RowFileReport> {
  const file = await writeUploadWorkbook(
    rows.map((r) => ({ telephone: r.telephone, outid: r.key, variables: r.variables })),
    variableNames,
  );
  if (file.length > MAX_FILE_BYTES)
    throw new AppFailure(
      'uploads.file_too_large',
      UPLOAD_ERRORS['uploads.file_too_large'],
      `${file.length} bytes`,
    );
  const result = await client.addTaskFileData({
    taskid: taskId,
    data_file: new Uint8Array(file),
    filename: `list-${taskId}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const failed = new Set(result.error_data);
  const report: RowFileReport = {
    accepted: [],
    rejected: [],
    repeated: result.repeat_counts,
    filtered: result.filter_count,
  };
  rows.forEach((r, i) => {
    if (failed.has(i + FIRST_DATA_ROW))
      report.rejected.push({
        key: r.key,
        code: 'provider.file_row',
        reason: 'the provider refused this row of the file (number or outid not accepted)',
      });
    else report.accepted.push(r.key);
  });
  return report;
}

/** delete_task_data, 100 outids a request; the provider's del_counts summed. */
export async function removeSobotRows(
  client: SobotClient,
  taskId: string,
  keys: readonly string[],
): Promise<{ deleted: number }> {
  let deleted = 0;
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += MAX_OUTIDS_PER_CALL) {
    const answer = await client.deleteTaskData({
      taskid: taskId,
      outid: unique.slice(i, i + MAX_OUTIDS_PER_CALL),
    });
    deleted += answer.del_counts;
  }
  return { deleted };
}

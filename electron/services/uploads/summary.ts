import type { Localized } from '../../../shared/locale';
import type {
  ExcludedRows,
  UploadOutcome,
  UploadProgress,
  UploadRowCounts,
  UploadSummary,
} from '../../../shared/uploads';
import type { UploadJournal, UploadRecord } from './journal';

/**
 * The end-of-upload figures. Rows the client refused before sending (`provider.row_rejected`) are
 * failed but not sent. File uploads also carry the provider's own repeat and filter counts,
 * which come without row numbers: those rows stay `accepted` in the journal, so they are moved
 * from `accepted` to `repeated`/`filtered` here.
 */
export function outcomeOf(
  record: UploadRecord,
  counts: UploadRowCounts,
  refusedLocally: number,
): UploadOutcome {
  const providerOnly = record.server_repeated + record.server_filtered;
  return {
    sent: counts.accepted + counts.removed + counts.filtered + counts.rejected - refusedLocally,
    accepted: Math.max(0, counts.accepted + counts.removed - providerOnly),
    repeated: counts.repeated + record.server_repeated,
    filtered: counts.filtered + record.server_filtered,
    failed: counts.rejected,
  };
}

/** One upload as the UI shows it, its rows counted here. */
export function toSummary(journal: UploadJournal, record: UploadRecord): UploadSummary {
  return summaryOf(record, {
    rows: journal.counts(record.id),
    refusedLocally: journal.refusedLocally(record.id),
  });
}

/** An upload's row counts as its summary needs them (see {@link UploadJournal.counts}). */
export interface SummaryCounts {
  rows: UploadRowCounts;
  refusedLocally: number;
}

/** One upload as the UI shows it, from its record and its rows' counts. */
export function summaryOf(
  record: UploadRecord,
  { rows: counts, refusedLocally }: SummaryCounts,
): UploadSummary {
  return {
    id: record.id,
    accountId: record.account_id,
    taskId: record.task_id,
    listId: record.list_id,
    listName: record.list_name,
    via: record.via,
    state: record.state,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    finishedAt: record.finished_at,
    batchesDone: record.batches_done,
    excluded: JSON.parse(record.excluded) as ExcludedRows,
    rows: counts,
    outcome: outcomeOf(record, counts, refusedLocally),
    error:
      record.error_code === null
        ? null
        : {
            code: record.error_code,
            message: JSON.parse(record.error_text ?? '{"zh-CN":"","en":""}') as Localized,
            ...(record.error_detail ? { detail: record.error_detail } : {}),
          },
  };
}

/** Progress of a running upload from its record and the runner's row counts. */
export function progressOf(
  record: UploadRecord,
  c: UploadRowCounts,
  phase: UploadProgress['phase'],
  elapsedMs: number,
  answeredThisRun: number,
  /** Rows per workbook, for file uploads. */
  fileRows: number,
): UploadProgress {
  const open = c.pending + c.sending + c.uncertain;
  return {
    uploadId: record.id,
    state: record.state,
    via: record.via,
    total: c.total,
    done: c.accepted + c.filtered + c.rejected + c.repeated + c.removed,
    accepted: c.accepted + c.removed,
    rejected: c.rejected,
    pending: open,
    batchesDone: record.batches_done,
    batchesLeft: Math.ceil(open / Math.max(1, record.via === 'data' ? record.batch_rows : fileRows)),
    rowsPerSecond: elapsedMs > 0 ? Math.round((answeredThisRun * 1000) / elapsedMs) : 0,
    elapsedMs,
    phase,
  };
}

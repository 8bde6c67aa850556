import {
  UPLOAD_ROW_STATES,
  type UploadRowCounts,
  type UploadRowState,
  type UploadState,
  type UploadVia,
} from '../../../shared/uploads';

/** `uploads` as stored. */
export interface UploadRecord {
  id: number;
  account_id: string;
  task_id: string;
  list_id: number;
  list_name: string;
  via: UploadVia;
  state: UploadState;
  batch_rows: number;
  batches_done: number;
  excluded: string;
  variables: string;
  server_repeated: number;
  server_filtered: number;
  verified: number;
  error_code: string | null;
  error_detail: string | null;
  error_text: string | null;
  requested: 'pause' | 'cancel' | null;
  owner_pid: number | null;
  owner_token: string | null;
  heartbeat_at: number | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

/** One row to journal: what will be sent, as a snapshot. */
export interface NewJournalRow {
  rowId: number;
  outid: string;
  telephone: string;
  /** JSON object of template variable name → value (the provider encodes it when sending). */
  variables: string;
}

/** A journal row as stored. */
export interface JournalRow {
  outid: string;
  row_id: number;
  seq: number;
  telephone: string;
  /** JSON object of template variable name → value. */
  variables: string;
  state: UploadRowState;
  code: string | null;
  reason: string | null;
  /** When the row last changed state (epoch ms): for `sending`/`uncertain`, when it was sent or its answer lost. */
  updated_at: number;
}

/** A row's new fate. */
export interface RowOutcome {
  outid: string;
  state: UploadRowState;
  code?: string | null;
  reason?: string | null;
}

/** Every row state, in life-cycle order. */
export const ROW_STATES: readonly UploadRowState[] = UPLOAD_ROW_STATES;

/** Zero counts for every row state. */
export function emptyCounts(): UploadRowCounts {
  return Object.fromEntries([...ROW_STATES.map((s) => [s, 0]), ['total', 0]]) as UploadRowCounts;
}

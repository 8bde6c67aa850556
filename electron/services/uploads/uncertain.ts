/**
 * Rows left `uncertain`: their request's answer was lost and the provider cannot look rows up
 * (Huawei CEC), so nobody knows whether they reached the task. They are never resent on their
 * own; the operator sees them listed and chooses:
 * - resend: they go back to `pending` and the upload runs again (a row that did arrive is then
 *   answered as a repeat by the provider, not dialled twice where it checks repeats);
 * - skip: they are closed as `rejected` with `uploads.uncertain_skipped` (perhaps on the task,
 *   perhaps not; never sent again).
 */
import { uploadFailure } from './errors';
import type { UploadJournal } from './journal';

/** The code a skipped uncertain row is journaled with (shared/codes/uploads.ts UPLOAD_ROW_REASONS). */
export const UNCERTAIN_SKIPPED = 'uploads.uncertain_skipped';

function uncertainOutids(journal: UploadJournal, uploadId: number): string[] {
  const rows = journal.rowsIn(uploadId, ['uncertain']).map((r) => r.outid);
  if (rows.length === 0) throw uploadFailure('uploads.no_uncertain', String(uploadId));
  return rows;
}

/**
 * Puts the upload's uncertain rows back to `pending`, reopening a finished upload so it can be
 * resumed. @returns how many rows @throws AppFailure `uploads.no_uncertain`, `uploads.not_found`
 */
export function reopenUncertain(journal: UploadJournal, uploadId: number): number {
  const outids = uncertainOutids(journal, uploadId);
  journal.record(
    uploadId,
    outids.map((outid) => ({ outid, state: 'pending', code: null, reason: null })),
  );
  if (journal.get(uploadId).state === 'done')
    journal.update(uploadId, { state: 'paused', finished_at: null });
  return outids.length;
}

/** Closes the upload's uncertain rows without sending them again. @returns how many rows */
export function skipUncertain(journal: UploadJournal, uploadId: number): number {
  const outids = uncertainOutids(journal, uploadId);
  journal.record(
    uploadId,
    outids.map((outid) => ({
      outid,
      state: 'rejected',
      code: UNCERTAIN_SKIPPED,
      reason: 'the answer was lost; the operator chose not to send it again',
    })),
  );
  return outids.length;
}

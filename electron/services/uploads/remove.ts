import type { RemoveRowsRequest, RemoveRowsResult } from '../../../shared/uploads';
import type { UploadServiceDeps } from './api';
import type { UploadJournal } from './journal';

/** Rows removed per request (and journaled as each request is answered). */
const REMOVE_BATCH = 100;

/** Deletes list rows the journal shows accepted on the task (see UploadService.removeRows). */
export async function removeAccepted(
  journal: UploadJournal,
  sessionFor: UploadServiceDeps['sessionFor'],
  request: RemoveRowsRequest,
  activeId: () => string,
): Promise<RemoveRowsResult> {
  const accountId = request.accountId ?? activeId();
  const rowIds = [...new Set(request.rowIds)];
  const entries = journal.acceptedRows(accountId, request.taskId, request.listId, rowIds);
  const result: RemoveRowsResult = {
    requested: rowIds.length,
    removed: 0,
    notOnTask: rowIds.length - new Set(entries.map((e) => e.rowId)).size,
    providerDeleted: 0,
  };
  if (entries.length === 0) return result;
  const { provider } = await sessionFor(accountId);
  // Batches of our own, so each answered batch is journaled at once.
  for (let i = 0; i < entries.length; i += REMOVE_BATCH) {
    const batch = entries.slice(i, i + REMOVE_BATCH);
    const answer = await provider.removeRows(request.taskId, [...new Set(batch.map((e) => e.outid))]);
    journal.markRemoved(batch);
    result.removed += batch.length;
    result.providerDeleted += answer.deleted;
  }
  return result;
}

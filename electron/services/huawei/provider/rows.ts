/**
 * Rows into a campaign: `calldata` requests of ≤ 20 rows ≥ 1 s apart (the client's pacer),
 * a refused request split until its bad rows stand alone, and each row's fate mapped onto the
 * upload journal's words. The codes 0200018 (duplicate) and 0200024 (blocklisted) stop here.
 */
import type { OutgoingRow, RowBatchReport, RowRefusal } from '../../providers/types';
import type { HuaweiCecClient } from '../client';
import { checkNumberRow } from '../numbers';
import type { NumberRow } from '../types';

/** The client's row codes as the journal keeps them (shared/codes/uploads.ts UPLOAD_ROW_REASONS). */
const ROW_CODES: Record<string, string> = {
  'huawei.row_rejected': 'provider.row_rejected',
  'huawei.0200024': 'provider.row_blocklisted',
  'huawei.0200001': 'provider.row_malformed',
};
/** The platform already holds this number (a repeat, not a fault of the row). */
const DUPLICATE = 'huawei.0200018';

/** A row as the platform takes it: the key is the sessionId, variables the callData JSON. */
export function toNumberRow(row: OutgoingRow): NumberRow {
  return {
    sessionId: row.key,
    called: row.telephone,
    ...(Object.keys(row.variables).length > 0 ? { callData: row.variables } : {}),
  };
}

/** What CC-iSales would refuse, found before sending (a `row.*` code). */
export function cecRowProblem(row: OutgoingRow): string | null {
  const problem = checkNumberRow(toNumberRow(row));
  if (problem === null) return null;
  if (problem === 'session_id_empty') return 'row.key_invalid';
  if (problem === 'session_id_too_long') return 'row.key_too_long';
  if (problem === 'call_data_too_large') return 'row.variables_too_large';
  if (problem === 'custom_field_too_long') return 'row.variables_too_large';
  return 'row.phone_rejected';
}

/** One batch (≤ 20 rows) through `calldata`; every row gets a fate, never a throw for row trouble. */
export async function sendCecRows(
  client: HuaweiCecClient,
  taskId: string,
  rows: readonly OutgoingRow[],
  signal?: AbortSignal,
): Promise<RowBatchReport> {
  const report = await client.addNumbers(taskId, rows.map(toNumberRow), signal ? { signal } : {});
  const out: RowBatchReport = { accepted: [], rejected: [], uncertain: [], notSent: [] };
  const repeated: RowRefusal[] = [];
  report.fates.forEach((fate, i) => {
    const key = rows[i]!.key;
    if (fate.fate === 'accepted') out.accepted.push(key);
    else if (fate.fate === 'uncertain') out.uncertain.push(key);
    else if (fate.fate === 'not_sent') out.notSent.push(key);
    else if (fate.code === DUPLICATE)
      repeated.push({ key, code: 'provider.row_duplicate', reason: fate.reason });
    else out.rejected.push({ key, code: ROW_CODES[fate.code] ?? fate.code, reason: fate.reason });
  });
  if (repeated.length > 0) out.repeated = repeated;
  if (report.stoppedBy) out.stoppedBy = report.stoppedBy;
  return out;
}

/**
 * Deletes numbers by sessionId, one request each (the call takes one selector). Numbers cannot
 * be deleted while the campaign runs nor once dialled: those answer a code and are not counted.
 */
export async function removeCecRows(
  client: HuaweiCecClient,
  taskId: string,
  keys: readonly string[],
): Promise<{ deleted: number }> {
  let deleted = 0;
  let lastError: unknown = null;
  for (const sessionId of new Set(keys)) {
    try {
      await client.deleteNumbers(taskId, { sessionId });
      deleted++;
    } catch (error) {
      lastError = error;
    }
  }
  if (deleted === 0 && lastError !== null) throw lastError;
  return { deleted };
}

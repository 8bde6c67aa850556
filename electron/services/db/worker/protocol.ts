import type { CallList, CallRow, ListProblem, RowQuery } from '../../../../shared/callList';
import type { ImportedRow, NewListInfo } from '../../lists/importSession';
import type { FinishedImport, ImportColumns } from '../../lists/importSink';
import type { ProviderCall } from '../../providers/types';
import type { IngestContext, IngestCounts } from '../../results/callStore';
import type { OutcomeCodes } from '../../../../shared/outcomeGroups';
import type { UploadRowCounts, UploadRowState } from '../../../../shared/uploads';
import type { JournalRow, RowOutcome } from '../../uploads/journal';
import type { SelectionArgs, SelectionCounts, UploadHeader } from '../../uploads/offMain';
import type { SummaryCounts } from '../../uploads/summary';
import type {
  ResultsCounts,
  ResultsFilter,
  ResultsPage,
  ResultsSource,
  TaskDashboard,
} from '../../../../shared/results';

/**
 * The reads the worker runs, each with what it answers: the lists with their counts and
 * problems, a list's row ids in an order and filter, and the Results screen's page, counts and
 * a task's dashboard (without its syncedAt).
 */
export interface ReadOps {
  /** Every ready list with its row and valid counts (a count over each list's rows). */
  listLists: { args: null; value: CallList[] };
  getList: { args: { listId: number }; value: CallList };
  /** Every problem of a list in list order (a pass over its rows with a problem). */
  listProblems: { args: { listId: number }; value: ListProblem[] };
  queryRowIds: { args: { listId: number; query: RowQuery }; value: number[] };
  rowsByIds: { args: { listId: number; ids: number[] }; value: CallRow[] };
  resultsPage: {
    args: {
      accountId: string;
      source: ResultsSource;
      filter: ResultsFilter;
      offset: number;
      limit: number;
      /** The account's provider's code groups (CEC's failCodes), or null: the filter takes them. */
      groups: OutcomeCodes | null;
    };
    value: ResultsPage;
  };
  resultsCounts: {
    args: { accountId: string; source: ResultsSource; filter: ResultsFilter; groups: OutcomeCodes | null };
    value: ResultsCounts;
  };
  dashboard: { args: { accountId: string; taskId: string }; value: Omit<TaskDashboard, 'syncedAt'> };
}

/**
 * The writes the worker runs: an import's batches into a hidden list on the worker's connection
 * (ImportSession there), a list's copy or deletion and a sync's pages of calls, so inserting or
 * deleting 100,000 rows or 3,000 calls never runs on the thread that answers the contract.
 * `token` names one import's session.
 */
export interface WriteOps {
  importBegin: { args: { info: NewListInfo }; value: { token: number } };
  importAppend: { args: { token: number; rows: readonly ImportedRow[] }; value: { rowCount: number } };
  importFinish: { args: { token: number; columns: ImportColumns }; value: FinishedImport };
  importAbort: { args: { token: number }; value: null };
  /** A list and its rows copied (CallListStore.duplicate), a list and its rows deleted. */
  listDuplicate: { args: { listId: number; name: string }; value: CallList };
  listDelete: { args: { listId: number }; value: null };
  /** A sync's page stored (CallStore.ingest with the upload journal's resolver). */
  syncIngest: { args: { calls: readonly ProviderCall[]; context: IngestContext }; value: IngestCounts };
  /** A complete sync's end: rows joined by telephone, statistics refreshed when `analyse`. */
  syncFinish: { args: { accountId: string; taskId: string; analyse: boolean }; value: null };
}

/**
 * The upload's long statements (uploads/offMain.ts), over the worker's UploadJournal: the plan's
 * and start's selection of up to 100,000 rows with their checks, the journal written from the
 * selection `uploadPrepare` kept under `token`, and the runner's row statements per batch.
 */
export interface UploadOps {
  uploadPlan: { args: SelectionArgs; value: SelectionCounts };
  uploadPrepare: { args: SelectionArgs; value: { token: number; counts: SelectionCounts } };
  uploadCreate: { args: { token: number; header: UploadHeader }; value: { uploadId: number } };
  uploadDiscard: { args: { token: number }; value: null };
  journalCounts: { args: { uploadId: number }; value: UploadRowCounts };
  journalSummaryCounts: { args: { uploadId: number }; value: SummaryCounts };
  journalRowsIn: {
    args: { uploadId: number; states: readonly UploadRowState[]; limit: number; offset: number };
    value: JournalRow[];
  };
  journalRecord: {
    args: { uploadId: number; outcomes: readonly RowOutcome[]; answeredRequests: number };
    value: null;
  };
  journalTakePending: { args: { uploadId: number; limit: number }; value: JournalRow[] };
}

export type DbOps = ReadOps & WriteOps & UploadOps;
export type ReadOp = keyof ReadOps;
export type DbOp = keyof DbOps;

/** One read or write sent to the worker (answered in the order sent). */
export type ReadRequest = {
  [K in DbOp]: { id: number; op: K; args: DbOps[K]['args'] };
}[DbOp];

/**
 * A failure on the worker as data (see failures.ts): an app error's code, detail and the
 * placeholders its text was filled with, from which main rebuilds the same error; or
 * `unexpected` with the error's message as detail (never its stack).
 */
export interface FailureData {
  code: string;
  detail: string | undefined;
  params?: Record<string, string | number>;
}

/** Its answer, errors as data. */
export type ReadReply = { id: number; ok: true; value: unknown } | ({ id: number; ok: false } & FailureData);

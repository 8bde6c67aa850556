/**
 * The upload's long statements, wherever its journal's connection is: the plan's and start's
 * row selection (every list row read, the do-not-call and number-on-task checks), the journal's
 * creation for all rows, and the per-batch row writes. The core runs them on the database worker
 * (`db/worker`), the CLI and the tests in-process over the same {@link UploadJournal} and
 * {@link selectRows}: one set of statements, one journal semantics, only the thread differs.
 */
import type { Database } from 'better-sqlite3';
import type { UploadRowCounts, UploadRowState } from '../../../shared/uploads';
import type { ProviderId } from '../../../shared/providers';
import type { CallListStore } from '../lists/store';
import type { JournalRow, RowOutcome, UploadJournal } from './journal';
import type { SummaryCounts } from './summary';
import {
  selectRows,
  type CampaignChecks,
  type OnTaskWhy,
  type ResolvedVariables,
  type RowRules,
  type SelectedRows,
} from './selection';

/** What the rest of the app knows about numbers, for the plan's campaign checks. */
export interface CampaignLookups {
  /** Of these numbers, those on the do-not-call list for the account, with the reason. */
  doNotCall(accountId: string, telephones: readonly string[]): Map<string, string | null>;
  /** Of these numbers, those the task's synced calls show dialled. */
  dialled(accountId: string, taskId: string, telephones: readonly string[]): Set<string>;
}

/** What a selection needs to know besides the database: the request, resolved on main. */
export interface SelectionArgs {
  accountId: string;
  taskId: string;
  listId: number;
  variables: ResolvedVariables;
  rowIds?: readonly number[];
  sendNumbersOnTask: boolean;
  /** The account's provider, whose row rules the worker takes from the registry. */
  provider: ProviderId;
}

/** A selection as the plan shows it: the rows to send and the repeats counted, not listed. */
export type SelectionCounts = Omit<SelectedRows, 'send' | 'repeated'> & { send: number; repeated: number };

export function countsOf(selected: SelectedRows): SelectionCounts {
  return { ...selected, send: selected.send.length, repeated: selected.repeated.length };
}

/** The upload record's fields `UploadJournal.create` takes besides the selected rows. */
export type UploadHeader = Omit<Parameters<UploadJournal['create']>[0], 'excluded' | 'rows' | 'repeated'>;

/** The plan's campaign checks for one task and list: the do-not-call list, the journal, the synced calls. */
export function campaignChecks(
  journal: UploadJournal,
  campaign: CampaignLookups | undefined,
  accountId: string,
  taskId: string,
  listId: number,
  sendNumbersOnTask: boolean,
): CampaignChecks {
  return {
    doNotCall: (telephones) => campaign?.doNotCall(accountId, telephones) ?? new Map(),
    onTask: (telephones) => {
      const found = new Map<string, OnTaskWhy>();
      for (const [telephone, listName] of journal.numbersOnTask(accountId, taskId, listId, telephones))
        found.set(telephone, { kind: 'uploaded', listName });
      const rest = telephones.filter((telephone) => !found.has(telephone));
      for (const telephone of campaign?.dialled(accountId, taskId, rest) ?? [])
        found.set(telephone, { kind: 'dialled' });
      return found;
    },
    sendNumbersOnTask,
  };
}

/**
 * The rows an upload would send, in one read transaction (one snapshot of the list and the
 * journal), over the connection the journal is on.
 */
export function selectOn(
  db: Database,
  store: CallListStore,
  journal: UploadJournal,
  campaign: CampaignLookups | undefined,
  rules: RowRules,
  args: SelectionArgs,
): SelectedRows {
  return db.transaction(() => {
    const list = store.getList(args.listId);
    const onTask = journal.outidsOnTask(args.accountId, args.taskId);
    const checks = campaignChecks(
      journal,
      campaign,
      args.accountId,
      args.taskId,
      args.listId,
      args.sendNumbersOnTask,
    );
    return selectRows(store, list, args.variables, onTask, rules, checks, args.rowIds);
  })();
}

/** The journal's row statements a runner makes, answered when committed. */
export interface JournalRows {
  counts(uploadId: number): Promise<UploadRowCounts>;
  /** The counts an upload's summary shows. */
  summaryCounts(uploadId: number): Promise<SummaryCounts>;
  rowsIn(
    uploadId: number,
    states: readonly UploadRowState[],
    limit?: number,
    offset?: number,
  ): Promise<JournalRow[]>;
  record(uploadId: number, outcomes: readonly RowOutcome[], answeredRequests?: number): Promise<void>;
  /** See {@link UploadJournal.takePending}. */
  takePending(uploadId: number, limit: number): Promise<JournalRow[]>;
}

/** The same statements on this thread (the CLI, the tests). */
export function journalRowsHere(journal: UploadJournal): JournalRows {
  return {
    counts: async (id) => journal.counts(id),
    summaryCounts: async (id) => ({ rows: journal.counts(id), refusedLocally: journal.refusedLocally(id) }),
    rowsIn: async (id, states, limit, offset) => journal.rowsIn(id, states, limit, offset),
    record: async (id, outcomes, answered) => journal.record(id, outcomes, answered),
    takePending: async (id, limit) => journal.takePending(id, limit),
  };
}

/** A selection made for `start`, kept where it was made until the journal is written from it. */
export interface PreparedUpload {
  counts: SelectionCounts;
  /** Writes the journal (record and every row) from the selection; answers the upload's id. */
  create(header: UploadHeader): Promise<number>;
  discard(): Promise<void>;
}

/** The upload's long statements on another thread (the core's database worker). */
export interface UploadsOffMain {
  plan(args: SelectionArgs): Promise<SelectionCounts>;
  prepare(args: SelectionArgs): Promise<PreparedUpload>;
  rows: JournalRows;
}

import type { RowQuery } from '../../../../shared/callList';
import type { OutcomeCodes } from '../../../../shared/outcomeGroups';
import type {
  ResultsCounts,
  ResultsFilter,
  ResultsPage,
  ResultsSource,
  TaskDashboard,
} from '../../../../shared/results';

/**
 * The reads the worker runs, each with what it answers: a list's row ids in an order and filter,
 * and the Results screen's page, counts and a task's dashboard (without its syncedAt).
 */
export interface ReadOps {
  queryRowIds: { args: { listId: number; query: RowQuery }; value: number[] };
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

export type ReadOp = keyof ReadOps;

/** One read sent to the worker. */
export type ReadRequest = {
  [K in ReadOp]: { id: number; op: K; args: ReadOps[K]['args'] };
}[ReadOp];

/** Its answer, errors as data (an app error's code and detail, or `unexpected`). */
export type ReadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: string; detail: string | undefined };

import type { CallList } from '../../../shared/callList';
import type { ImportProblem } from '../../../shared/importing';
import { refreshStatistics } from '../db/database';
import { columnLetter } from '../importer/source';
import { ImportSession, type ImportedRow, type NewListInfo } from './importSession';
import type { CallListStore } from './store';

/** The columns an import's problems are addressed by (the mapping's, 0-based). */
export interface ImportColumns {
  telephone: number;
  outid: number | null;
  variables: { column: number; name: string }[];
}

/** What a finished import answers: the list made visible, and its rows' problems by cell. */
export interface FinishedImport {
  list: CallList;
  problems: ImportProblem[];
}

/**
 * Where an import's rows are written: on this thread's connection (the CLI, tests), or on the
 * database worker (the app's hosts), so a 100,000-row import never stalls the thread that
 * answers the contract. Either way the rows go into a list nobody sees until `finish`.
 */
export interface ImportSink {
  /** Makes the hidden list; called before the first batch. */
  begin(info: NewListInfo): Promise<void>;
  /** Commits one batch (in file order). */
  append(rows: readonly ImportedRow[]): Promise<void>;
  /** Rows committed so far. */
  readonly rowCount: number;
  /** Makes the list visible, refreshes the planner's statistics, and reads the problems. */
  finish(columns: ImportColumns): Promise<FinishedImport>;
  /** Drops everything written (cancel, error); harmless before `begin` or after `finish`. */
  abort(): Promise<void>;
}

/** An import's rows written on this thread through an {@link ImportSession}. */
export function localImportSink(store: CallListStore): ImportSink {
  let session: ImportSession | null = null;
  return {
    begin(info) {
      session = new ImportSession(store, info);
      return Promise.resolve();
    },
    append(rows) {
      session!.append(rows);
      return Promise.resolve();
    },
    get rowCount() {
      return session?.rowCount ?? 0;
    },
    finish(columns) {
      return Promise.resolve(finishImport(store, session!, columns));
    },
    abort() {
      session?.abort();
      return Promise.resolve();
    },
  };
}

/** The end of an import on the connection that wrote it: visible, analysed, its problems read. */
export function finishImport(
  store: CallListStore,
  session: ImportSession,
  columns: ImportColumns,
): FinishedImport {
  const list = session.finish();
  if (list.rowCount > 1000) refreshStatistics(store.db);
  return { list, problems: problemsOf(store, list, columns) };
}

/** The list's problems addressed by sheet row and header, as the CLI and the mapping step show them. */
function problemsOf(store: CallListStore, list: CallList, mapping: ImportColumns): ImportProblem[] {
  const columnOf = new Map<string, number>([['telephone', mapping.telephone]]);
  if (mapping.outid !== null) columnOf.set('outid', mapping.outid);
  for (const variable of mapping.variables) columnOf.set(variable.name.trim(), variable.column);
  return store.listProblems(list.id).map((problem) => {
    const column = columnOf.get(problem.column) ?? 0;
    const header =
      problem.column === 'telephone'
        ? list.columns.telephoneHeader
        : problem.column === 'outid'
          ? (list.columns.outidHeader ?? 'outid')
          : problem.column;
    return {
      row: problem.sourceRow ?? 0,
      column: header,
      cell: `${columnLetter(column)}${problem.sourceRow ?? ''}`,
      code: problem.code,
      value: problem.value,
    };
  });
}

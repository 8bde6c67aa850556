/**
 * Which list rows an upload sends, and how their variables are named: the rules behind the plan.
 *
 * - Rows with a blocking problem are never sent; they are counted per problem so the operator
 *   sees how many and why. One exception: an unencodable value (`^`/`|`) in a variable the
 *   mapping drops does not block the row, since that value is not sent.
 * - Rows the provider would refuse (its own limits: id length, number characters, variable
 *   size) are counted the same way, under the provider's problem code, and never sent.
 * - Rows whose outid the journal shows accepted on the task already are skipped as repeats:
 *   outid is the task's unique key, and re-sending it at best does nothing.
 * - Empty variable values are left out (`name^` carries nothing, and the file way cannot tell
 *   an empty cell from a missing one): the template then uses its own default.
 */
import { BLOCKING_PROBLEMS, type CallList, type CallRow } from '../../../shared/callList';
import type { ExcludedRows, VariableMapping } from '../../../shared/uploads';
import type { CallListStore } from '../lists/store';
import type { ProviderFactory } from '../providers/types';
import { uploadFailure } from './errors';
import type { NewJournalRow } from './journal';

/** Rows read from the store per query, so a 100,000-row list is not one huge array of objects. */
const READ_CHUNK = 10_000;

/** The variable columns as sent: list variable (by index) → template name. */
export interface ResolvedVariables {
  columns: { list: string; template: string | null }[];
  /** Index in the row's `variables` and the template name, for the columns that are sent. */
  sent: { index: number; template: string }[];
}

/** Checks a mapping against the list's variables. */
export function resolveVariables(list: CallList, mapping: VariableMapping = {}): ResolvedVariables {
  const names = list.columns.variables;
  for (const key of Object.keys(mapping)) {
    if (!names.includes(key))
      throw uploadFailure('uploads.bad_variables', key, { reason: `“${key}” ∉ list` });
  }
  const columns = names.map((name) => {
    const target = mapping[name] === undefined ? name : mapping[name];
    return { list: name, template: target === null ? null : target.trim() };
  });
  const seen = new Set<string>();
  const sent: ResolvedVariables['sent'] = [];
  columns.forEach(({ template }, index) => {
    if (template === null) return;
    if (template === '' || /[\^|]/.test(template))
      throw uploadFailure('uploads.bad_variables', template, { reason: `“${template}”` });
    if (seen.has(template))
      throw uploadFailure('uploads.bad_variables', template, { reason: `“${template}” ×2` });
    seen.add(template);
    sent.push({ index, template });
  });
  return { columns, sent };
}

/** A row's mapped variables (template name → value; empty values left out). */
export function rowVariables(row: CallRow, variables: ResolvedVariables): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { index, template } of variables.sent) {
    const value = (row.variables[index] ?? '').trim();
    if (value !== '') map[template] = value;
  }
  return map;
}

/** The provider's own row rules, as the plan needs them (no account or credentials). */
export type RowRules = Pick<ProviderFactory, 'rowProblem' | 'mayDropRow'>;

/** What the plan and the journal need to know about the rows. */
export interface SelectedRows {
  considered: number;
  missingRowIds: number;
  excluded: ExcludedRows;
  send: NewJournalRow[];
  repeated: NewJournalRow[];
  /** Rows of `send` whose number the provider may silently drop. */
  mayBeFiltered: number;
}

/** Blocking problems that really block with this mapping (see the file comment). */
function blockingCodes(row: CallRow, variables: ResolvedVariables): Set<string> {
  const codes = new Set<string>();
  for (const problem of row.problems) {
    if (!BLOCKING_PROBLEMS.includes(problem.code)) continue;
    if (problem.code === 'variable.unencodable') {
      const column = variables.columns.find((c) => c.list === problem.column);
      if (column && column.template === null) continue;
    }
    codes.add(problem.code);
  }
  // Belt and braces: a row without a number to dial is never sent, whatever its bits say.
  if (row.telephone === null && !codes.has('phone.invalid')) codes.add('phone.missing');
  return codes;
}

/** Yields the rows to consider: the explicit ids (in list order) or the whole list, in chunks. */
function* candidateRows(
  store: CallListStore,
  list: CallList,
  rowIds?: readonly number[],
): Generator<CallRow[]> {
  const ids = rowIds ? [...new Set(rowIds)] : null;
  if (ids) {
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      const rows = store.getRowsByIds(list.id, ids.slice(i, i + READ_CHUNK));
      yield rows.sort((a, b) => a.position - b.position);
    }
    return;
  }
  for (let offset = 0; offset < list.rowCount; offset += READ_CHUNK)
    yield store.getRows(list.id, offset, READ_CHUNK);
}

/** Sorts rows into sent, repeated and excluded, one at a time (see {@link selectRows}). */
class RowSelection {
  readonly out: SelectedRows = {
    considered: 0,
    missingRowIds: 0,
    excluded: { rows: 0, byProblem: {} },
    send: [],
    repeated: [],
    mayBeFiltered: 0,
  };

  constructor(
    private readonly variables: ResolvedVariables,
    private readonly onTask: ReadonlySet<string>,
    private readonly rules: RowRules,
  ) {}

  add(row: CallRow): void {
    const out = this.out;
    out.considered++;
    const blocking = blockingCodes(row, this.variables);
    const variables = blocking.size > 0 ? {} : rowVariables(row, this.variables);
    if (blocking.size === 0) {
      const refused = this.rules.rowProblem({
        key: row.outid,
        telephone: row.telephone as string,
        variables,
      });
      if (refused) blocking.add(refused);
    }
    if (blocking.size > 0) {
      out.excluded.rows++;
      for (const code of blocking) {
        const key = code as keyof ExcludedRows['byProblem'];
        out.excluded.byProblem[key] = (out.excluded.byProblem[key] ?? 0) + 1;
      }
      return;
    }
    const entry: NewJournalRow = {
      rowId: row.id,
      outid: row.outid,
      telephone: row.telephone as string,
      variables: JSON.stringify(variables),
    };
    if (this.onTask.has(row.outid)) {
      out.repeated.push(entry);
      return;
    }
    out.send.push(entry);
    if (this.rules.mayDropRow(entry)) out.mayBeFiltered++;
  }

  finish(rowIds?: readonly number[]): SelectedRows {
    if (rowIds) this.out.missingRowIds = new Set(rowIds).size - this.out.considered;
    return this.out;
  }
}

/**
 * Picks the rows to send, in one synchronous pass: the journal is written from exactly this
 * snapshot of the list.
 * @param onTask outids the journal shows accepted on the task already
 */
export function selectRows(
  store: CallListStore,
  list: CallList,
  variables: ResolvedVariables,
  onTask: ReadonlySet<string>,
  rules: RowRules,
  rowIds?: readonly number[],
): SelectedRows {
  const selection = new RowSelection(variables, onTask, rules);
  for (const chunk of candidateRows(store, list, rowIds)) for (const row of chunk) selection.add(row);
  return selection.finish(rowIds);
}

/**
 * The same counts for a plan, giving the event loop back between chunks so other windows' calls
 * are answered while a 100,000-row list is planned. The row ids are fixed first, so an edit
 * made meanwhile cannot make a row count twice or not at all.
 */
export async function countRows(
  store: CallListStore,
  list: CallList,
  variables: ResolvedVariables,
  onTask: ReadonlySet<string>,
  rules: RowRules,
  rowIds?: readonly number[],
): Promise<SelectedRows> {
  const selection = new RowSelection(variables, onTask, rules);
  const ids = rowIds ?? store.queryRowIds(list.id);
  for (const chunk of candidateRows(store, list, ids)) {
    for (const row of chunk) selection.add(row);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return selection.finish(rowIds);
}

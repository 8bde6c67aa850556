/**
 * Which list rows an upload sends, and how their variables are named: the rules behind the plan.
 *
 * - Rows with a blocking problem are never sent; they are counted per problem so the operator
 *   sees how many and why. One exception: an unencodable value (`^`/`|`) in a variable the
 *   mapping drops does not block the row, since that value is not sent.
 * - Rows the provider would refuse (its own limits: id length, number characters, variable
 *   size) are counted the same way, under the provider's problem code, and never sent.
 * - Numbers on the do-not-call list (the account's or every account's) are never sent:
 *   excluded under `row.do_not_call`, and listed.
 * - Rows whose outid the journal shows accepted on the task already are skipped as repeats:
 *   outid is the task's unique key, and re-sending it at best does nothing.
 * - Rows whose *number* is already in the task — another upload (of any list) put it there, or
 *   the task's synced calls show it dialled — would ring the same customer twice: excluded under
 *   `row.number_on_task` and listed, unless the operator chooses to send them anyway.
 * - Empty variable values are left out (`name^` carries nothing, and the file way cannot tell
 *   an empty cell from a missing one): the template then uses its own default.
 */
import { BLOCKING_PROBLEMS, type CallList, type CallRow } from '../../../shared/callList';
import {
  MAX_FLAGGED_ROWS,
  type ExcludedProblem,
  type ExcludedRows,
  type PlanFlaggedRow,
  type VariableMapping,
} from '../../../shared/uploads';
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
export function resolveVariables(
  list: Pick<CallList, 'columns'>,
  mapping: VariableMapping = {},
): ResolvedVariables {
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

/** Where a number already is in the task, for one chunk of rows. */
export type OnTaskWhy = { kind: 'uploaded'; listName: string } | { kind: 'dialled' };

/**
 * The campaign's checks on a chunk of numbers (one query each per chunk, not per row): which
 * are on the do-not-call list (with the reason), and which are already in the task.
 */
export interface CampaignChecks {
  doNotCall(telephones: readonly string[]): Map<string, string | null>;
  onTask(telephones: readonly string[]): Map<string, OnTaskWhy>;
  /** Send rows whose number is already in the task anyway (the operator's explicit choice). */
  sendNumbersOnTask: boolean;
}

/** No campaign checks (tests of the row rules alone). */
export const NO_CAMPAIGN_CHECKS: CampaignChecks = {
  doNotCall: () => new Map(),
  onTask: () => new Map(),
  sendNumbersOnTask: false,
};

/** What the plan and the journal need to know about the rows. */
export interface SelectedRows {
  considered: number;
  missingRowIds: number;
  excluded: ExcludedRows;
  send: NewJournalRow[];
  repeated: NewJournalRow[];
  /** Rows of `send` whose number the provider may silently drop. */
  mayBeFiltered: number;
  /** Rows whose number is already in the task (sent only when the request says so). */
  numberOnTask: { rows: number; uploaded: number; dialled: number };
  doNotCall: number;
  /** The rows behind the two counts above, in list order, at most {@link MAX_FLAGGED_ROWS}. */
  flagged: PlanFlaggedRow[];
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
    numberOnTask: { rows: 0, uploaded: 0, dialled: 0 },
    doNotCall: 0,
    flagged: [],
  };
  private dnc = new Map<string, string | null>();
  private numbers = new Map<string, OnTaskWhy>();

  constructor(
    private readonly variables: ResolvedVariables,
    private readonly onTask: ReadonlySet<string>,
    private readonly rules: RowRules,
    private readonly checks: CampaignChecks,
  ) {}

  /** Looks the chunk's numbers up (before its rows are added). */
  prepare(rows: readonly CallRow[]): void {
    const telephones = [...new Set(rows.flatMap((row) => (row.telephone === null ? [] : [row.telephone])))];
    this.dnc = this.checks.doNotCall(telephones);
    this.numbers = this.checks.onTask(telephones);
  }

  private exclude(codes: Iterable<ExcludedProblem>): void {
    const out = this.out;
    out.excluded.rows++;
    for (const code of codes) out.excluded.byProblem[code] = (out.excluded.byProblem[code] ?? 0) + 1;
  }

  private flag(row: CallRow, code: PlanFlaggedRow['code'], why: PlanFlaggedRow['why']): void {
    if (this.out.flagged.length < MAX_FLAGGED_ROWS)
      this.out.flagged.push({
        rowId: row.id,
        position: row.position,
        telephone: row.telephone as string,
        code,
        why,
      });
  }

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
      this.exclude(blocking as Set<ExcludedProblem>);
      return;
    }
    const telephone = row.telephone as string;
    if (this.dnc.has(telephone)) {
      out.doNotCall++;
      this.exclude(['row.do_not_call']);
      this.flag(row, 'row.do_not_call', { kind: 'dnc', reason: this.dnc.get(telephone) ?? null });
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
    const already = this.numbers.get(telephone);
    if (already) {
      out.numberOnTask.rows++;
      out.numberOnTask[already.kind]++;
      this.flag(row, 'row.number_on_task', already);
      if (!this.checks.sendNumbersOnTask) {
        this.exclude(['row.number_on_task']);
        return;
      }
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
  checks: CampaignChecks,
  rowIds?: readonly number[],
): SelectedRows {
  const selection = new RowSelection(variables, onTask, rules, checks);
  for (const chunk of candidateRows(store, list, rowIds)) {
    selection.prepare(chunk);
    for (const row of chunk) selection.add(row);
  }
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
  checks: CampaignChecks,
  rowIds?: readonly number[],
): Promise<SelectedRows> {
  const selection = new RowSelection(variables, onTask, rules, checks);
  const ids = rowIds ?? store.queryRowIds(list.id);
  for (const chunk of candidateRows(store, list, ids)) {
    selection.prepare(chunk);
    for (const row of chunk) selection.add(row);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return selection.finish(rowIds);
}

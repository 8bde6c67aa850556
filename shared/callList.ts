/**
 * Call lists as the operator sees them: the domain types the list store answers with and the
 * problem codes (with their labels) the grid and the problems panel show. Pure TypeScript.
 */
import type { Localized } from './locale';
import type { PhoneInvalidReason } from './phone';

/** Problems a row can have. The first four stop a row from being dialled; the last is a notice. */
export const ROW_PROBLEMS = {
  'phone.invalid': { 'zh-CN': '电话号码无效', en: 'Invalid telephone number' },
  'phone.missing': { 'zh-CN': '缺少电话号码', en: 'Missing telephone number' },
  'phone.duplicate': { 'zh-CN': '电话号码重复', en: 'Duplicate telephone number' },
  'variable.unencodable': {
    'zh-CN': '变量值含有“^”或“|”，无法发送给外呼平台',
    en: 'The value contains “^” or “|”, which the calling platform cannot receive',
  },
  'outid.replaced': {
    'zh-CN': '文件中的编号为空、重复、过长或含逗号，已改用自动生成的编号',
    en: 'The id in the file was empty, repeated, too long or had a comma; a generated id is used',
  },
} satisfies Record<string, Localized>;

export type RowProblemCode = keyof typeof ROW_PROBLEMS;

/** Problems that keep a row out of an upload (`outid.replaced` only informs). */
export const BLOCKING_PROBLEMS: readonly RowProblemCode[] = [
  'phone.invalid',
  'phone.missing',
  'phone.duplicate',
  'variable.unencodable',
];

/** One problem of one row, with what the problems panel needs to jump to the cell. */
export interface RowProblem {
  code: RowProblemCode;
  /** The column: `telephone`, `outid`, or a variable's name. */
  column: string;
  /** The offending value as it is stored. */
  value: string;
  /** For `phone.invalid`: why. */
  reason?: PhoneInvalidReason;
  /** For `phone.duplicate`: the row id of the first row with the same number. */
  duplicateOf?: number;
}

/** Where a list's columns came from and what they are called (in file order). */
export interface CallListColumns {
  /** The telephone column's header as in the file (`手机号码`), used again on export. */
  telephoneHeader: string;
  /** The outid column's header as in the file, or null when outids were generated. */
  outidHeader: string | null;
  /** Template variable names, in the order they appear in the grid and on export. */
  variables: string[];
  /** Export order: `telephone`, `outid` or `var:<name>`, as the columns stood in the file. */
  order: string[];
}

/** A call list (without its rows). */
export interface CallList {
  id: number;
  name: string;
  createdAt: number;
  updatedAt: number;
  sourceFile: string | null;
  sourceSheet: string | null;
  headerRow: number | null;
  columns: CallListColumns;
  rowCount: number;
  /** Rows with no blocking problem. */
  validCount: number;
  /** Where the list came from when it was not a file: the calls of a task ("call these again"). */
  origin: ListOrigin | null;
}

/** A list made from a task's calls: the task it links back to and how many calls it took. */
export interface ListOrigin {
  kind: 'results';
  accountId: string;
  taskId: string;
  taskName: string | null;
  /** Calls matched (several calls of one customer make one row). */
  calls: number;
}

/** One row of a call list. */
export interface CallRow {
  id: number;
  /** 0-based place in the list; contiguous. */
  position: number;
  /** As typed, for the grid and export. */
  telephoneRaw: string;
  /** The number to dial, or null when invalid or missing. */
  telephone: string | null;
  /** Stable forever and unique in its list. */
  outid: string;
  /** Values in the order of `CallListColumns.variables`. */
  variables: string[];
  /** The row number Excel showed in the source sheet (1-based, title rows counted); null if added by hand. */
  sourceRow: number | null;
  problems: RowProblem[];
}

/** A row to insert. With `restore` (from an inverse edit) the row comes back exactly as it was. */
export interface NewCallRow {
  telephoneRaw?: string;
  /** In the order of the list's variables; missing values are empty. */
  variables?: string[];
  restore?: { id: number; outid: string; outidOriginal: string | null; sourceRow: number | null };
}

/**
 * One change to a list's rows. `column` is `telephone` or `var:<name>` (the outid is not
 * editable: it is the row's identity in tasks and results).
 */
export type CallRowEdit =
  | { kind: 'set'; rowId: number; column: string; value: string }
  | { kind: 'insert'; at: number; rows: NewCallRow[] }
  | { kind: 'delete'; rowIds: number[] };

export interface AppliedEdits {
  /** Applying these (in order) undoes the batch; applying *their* inverse redoes it. */
  inverse: CallRowEdit[];
  /** Ids of rows inserted by the batch, in order. */
  insertedIds: number[];
  list: CallList;
}

/** How the grid wants rows ordered and filtered (a view: stored positions do not change). */
export interface RowQuery {
  /** Only rows with this problem; `any` for rows with at least one blocking problem. */
  problem?: RowProblemCode | 'any';
  /** `telephone`, `outid`, `sourceRow`, `problems` or `var:<name>`; default: list order. */
  sortBy?: string;
  descending?: boolean;
}

/** One entry of the problems panel. */
export interface ListProblem extends RowProblem {
  rowId: number;
  position: number;
  sourceRow: number | null;
}

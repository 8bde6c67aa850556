import type { CallList, CallListColumns, CallRow, ListOrigin } from '../../../shared/callList';
import { describeProblems } from './rowRules';

/** `call_lists` as stored. */
export interface ListRecord {
  id: number;
  name: string;
  created_at: number;
  updated_at: number;
  source_file: string | null;
  source_sheet: string | null;
  header_row: number | null;
  columns: string;
  outid_prefix: string;
  next_outid: number;
  state: 'importing' | 'ready';
  /** JSON of a ListOrigin, or null for a list from a file or typed in. */
  origin: string | null;
}

/** `call_rows` as stored. */
export interface RowRecord {
  id: number;
  list_id: number;
  position: number;
  telephone_raw: string;
  telephone: string | null;
  outid: string;
  outid_original: string | null;
  variables: string;
  source_row: number | null;
  problems: number;
}

export const ROW_COLUMNS =
  'id, list_id, position, telephone_raw, telephone, outid, outid_original, variables, source_row, problems';

export function parseColumns(record: ListRecord): CallListColumns {
  return JSON.parse(record.columns) as CallListColumns;
}

export function toCallList(record: ListRecord, rowCount: number, validCount: number): CallList {
  return {
    id: record.id,
    name: record.name,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    sourceFile: record.source_file,
    sourceSheet: record.source_sheet,
    headerRow: record.header_row,
    columns: parseColumns(record),
    rowCount,
    validCount,
    origin: record.origin ? (JSON.parse(record.origin) as ListOrigin) : null,
  };
}

export function toCallRow(
  record: RowRecord,
  variableNames: readonly string[],
  duplicateOf?: number,
): CallRow {
  const variables = JSON.parse(record.variables) as string[];
  return {
    id: record.id,
    position: record.position,
    telephoneRaw: record.telephone_raw,
    telephone: record.telephone,
    outid: record.outid,
    variables,
    sourceRow: record.source_row,
    problems: describeProblems(record, variableNames, variables, duplicateOf),
  };
}

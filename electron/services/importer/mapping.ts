import { normalizePhone } from '../../../shared/phone';
import type { ImportMapping } from '../../../shared/importing';
import { importFailure } from './errors';
import type { SheetRow } from './source';

export type { ImportMapping } from '../../../shared/importing';

export const MAX_COLUMNS = 200;
export const MAX_VARIABLE_NAME = 64;

/** Compares headers the way people vary them: case, width, spaces, `*` required marks, colons. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*:：_\-()（）[\]【】]/g, '');
}

const TELEPHONE_HEADERS = [
  '手机号码',
  '手机号',
  '手机',
  '电话',
  '电话号码',
  '联系电话',
  '联系号码',
  '电话号',
  '客户号码',
  '号码',
  '联系方式',
  '客户电话',
  '客户手机',
  '客户手机号',
  '手机电话',
  '移动电话',
  'telephone',
  'phone',
  'mobile',
  'tel',
  'phonenumber',
  'mobilephone',
  'cellphone',
].map(normalizeHeader);
const OUTID_HEADERS = ['编号', '客户编号', 'outid', 'id', 'rowid', '数据id', '客户id', '外部编号'].map(
  normalizeHeader,
);

export function isTelephoneHeader(header: string): boolean {
  return TELEPHONE_HEADERS.includes(normalizeHeader(header));
}
export function isOutidHeader(header: string): boolean {
  return OUTID_HEADERS.includes(normalizeHeader(header));
}

const filled = (cells: readonly string[]): string[] => cells.filter((cell) => cell.trim() !== '');

/**
 * Finds the header row among the first rows of a sheet. Title rows above it are common
 * ("2026年11月回访名单" merged across the top, a date line, then the header): they have one or
 * two filled cells, while the header has about as many as the data. A header always has rows
 * under it, and names its columns rather than holding numbers: a data row whose 回访方式 cell
 * says 电话 is not one (on a small sheet it used to be taken for the header, leaving no data).
 * In order of preference: the first row naming a telephone column that holds phone numbers
 * below it; the first row naming a telephone column and holding no phone numbers; the first
 * row as wide as the widest of the first rows and holding no phone numbers; the first row.
 */
export function detectHeaderRow(rows: readonly SheetRow[]): number | undefined {
  const head = rows.slice(0, 30);
  const hasPhone = (row: SheetRow): boolean => row.cells.some((cell) => normalizePhone(cell).ok);
  const candidates = head.filter((row, index) => index < rows.length - 1 && !hasPhone(row));
  const phonesBelow = (row: SheetRow, column: number): boolean =>
    rows.some((below) => below.rowNumber > row.rowNumber && normalizePhone(below.cells[column] ?? '').ok);
  const named =
    candidates.find((row) =>
      row.cells.some((cell, column) => isTelephoneHeader(cell) && phonesBelow(row, column)),
    ) ?? candidates.find((row) => row.cells.some(isTelephoneHeader));
  if (named) return named.rowNumber;
  const widest = Math.max(0, ...head.map((row) => filled(row.cells).length));
  const wide = candidates.find((row) => filled(row.cells).length >= Math.max(2, Math.ceil(widest * 0.8)));
  return (wide ?? head[0])?.rowNumber;
}

/** Header names made usable as variables: trimmed, unique (备注, 备注2), blank ones left out. */
function variableName(header: string, taken: Set<string>): string {
  const base = header.trim().replace(/[\^|]/g, '').slice(0, MAX_VARIABLE_NAME);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/**
 * The automatic mapping: known telephone and outid headers, else the column whose sample values
 * are mostly valid phone numbers; every other column with a header becomes a variable.
 */
export function suggestMapping(headers: readonly string[], samples: readonly SheetRow[]): ImportMapping {
  let telephone = headers.findIndex(isTelephoneHeader);
  if (telephone < 0) {
    let best = 0;
    headers.forEach((_, column) => {
      const valid = samples.filter((row) => normalizePhone(row.cells[column] ?? '').ok).length;
      if (valid > best) {
        best = valid;
        telephone = column;
      }
    });
  }
  const outidIndex = headers.findIndex((header, column) => column !== telephone && isOutidHeader(header));
  const taken = new Set<string>();
  const variables: ImportMapping['variables'] = [];
  headers.forEach((header, column) => {
    if (column === telephone || column === outidIndex || header.trim() === '') return;
    variables.push({ column, name: variableName(header, taken) });
  });
  // No telephone column found stays -1 (never column A by default): the mapping step asks for
  // one, and an import without one is refused with `import.no_phone_column`.
  return { telephone, outid: outidIndex < 0 ? null : outidIndex, variables };
}

/** Rejects a mapping the renderer (or a remembered one that no longer fits) sends. */
export function checkMapping(mapping: ImportMapping, columnCount: number): void {
  const bad = (detail: string): never => {
    throw importFailure('import.bad_mapping', detail);
  };
  const used = new Set<number>();
  const use = (column: number): void => {
    if (!Number.isInteger(column) || column < 0 || column >= Math.max(columnCount, 1))
      bad(`column ${column}`);
    if (used.has(column)) bad(`column ${column} used twice`);
    used.add(column);
  };
  if (mapping.telephone === -1) throw importFailure('import.no_phone_column');
  use(mapping.telephone);
  if (mapping.outid !== null) use(mapping.outid);
  if (mapping.variables.length > MAX_COLUMNS) throw importFailure('import.too_many_columns');
  const names = new Set<string>();
  for (const variable of mapping.variables) {
    use(variable.column);
    const name = variable.name.trim();
    if (name === '' || name.length > MAX_VARIABLE_NAME || /[\^|]/.test(name) || names.has(name))
      bad(`variable ${name}`);
    names.add(name);
  }
}

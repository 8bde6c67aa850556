import type { CallList, CallRowEdit } from '../../../../shared/callList';
import type { GridColumn } from './columns';

/**
 * Turns a pasted block into edits starting at the selected cell: cells land in the editable
 * columns to the right (read-only columns are skipped, as Excel users expect typing targets
 * only), and lines past the end of the list become new rows.
 */
export function pasteEdits(
  table: string[][],
  start: { index: number; column: string },
  columns: readonly GridColumn[],
  viewIds: readonly number[],
  list: CallList,
): CallRowEdit[] {
  const editable = columns.filter((column) => column.editable);
  const first = editable.findIndex((column) => column.key === start.column);
  if (first < 0) return [];
  const targets = editable.slice(first);
  const edits: CallRowEdit[] = [];
  const newRows: { telephoneRaw: string; variables: string[] }[] = [];
  table.forEach((cells, offset) => {
    const rowId = viewIds[start.index + offset];
    if (rowId !== undefined) {
      cells.slice(0, targets.length).forEach((value, i) => {
        edits.push({ kind: 'set', rowId, column: (targets[i] as GridColumn).key, value });
      });
      return;
    }
    const row = { telephoneRaw: '', variables: list.columns.variables.map(() => '') };
    cells.slice(0, targets.length).forEach((value, i) => {
      const key = (targets[i] as GridColumn).key;
      if (key === 'telephone') row.telephoneRaw = value;
      else row.variables[list.columns.variables.indexOf(key.slice(4))] = value;
    });
    newRows.push(row);
  });
  if (newRows.length > 0) edits.push({ kind: 'insert', at: list.rowCount, rows: newRows });
  return edits;
}

import { ROW_PROBLEMS, type CallList, type CallRow } from '../../../../shared/callList';
import type { Locale } from '../../../../shared/locale';
import type { Translate } from '../../i18n/useT';

export interface GridColumn {
  /** `sourceRow`, `telephone`, `outid`, `var:<name>` or `problems`. */
  key: string;
  label: string;
  width: number;
  editable: boolean;
}

/** The grid's columns for a list: row number, telephone, outid, its variables, problems. */
export function gridColumns(list: CallList, t: Translate): GridColumn[] {
  return [
    { key: 'sourceRow', label: t('grid.row'), width: 64, editable: false },
    {
      key: 'telephone',
      label: list.columns.telephoneHeader || t('grid.telephone'),
      width: 150,
      editable: true,
    },
    { key: 'outid', label: list.columns.outidHeader ?? t('grid.outid'), width: 190, editable: false },
    ...list.columns.variables.map((name) => ({
      key: `var:${name}`,
      label: name,
      width: 140,
      editable: true,
    })),
    { key: 'problems', label: t('grid.problems'), width: 220, editable: false },
  ];
}

/** What a cell shows (and what copy puts on the clipboard). */
export function cellText(row: CallRow, key: string, list: CallList, locale: Locale): string {
  switch (key) {
    case 'sourceRow':
      return row.sourceRow === null ? '' : String(row.sourceRow);
    case 'telephone':
      return row.telephoneRaw;
    case 'outid':
      return row.outid;
    case 'problems':
      return row.problems.map((problem) => ROW_PROBLEMS[problem.code][locale]).join('；');
    default: {
      const index = list.columns.variables.indexOf(key.slice(4));
      return index >= 0 ? (row.variables[index] ?? '') : '';
    }
  }
}

/** Whether a row has a problem in this column (the cell is marked). */
export function cellHasProblem(row: CallRow, key: string): boolean {
  return row.problems.some((problem) =>
    problem.column === 'telephone' ? key === 'telephone' : `var:${problem.column}` === key,
  );
}

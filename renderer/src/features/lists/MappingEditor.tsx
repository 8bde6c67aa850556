import type { FileInspection, ImportMapping } from '../../../../shared/importing';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';

type Role = 'telephone' | 'outid' | 'variable' | 'ignore';

function roleOf(mapping: ImportMapping, column: number): Role {
  if (mapping.telephone === column) return 'telephone';
  if (mapping.outid === column) return 'outid';
  return mapping.variables.some((variable) => variable.column === column) ? 'variable' : 'ignore';
}

/** Problems with a mapping the operator must fix before importing; null when it is fine. */
export function mappingProblem(mapping: ImportMapping, columns: number): MessageKey | null {
  if (mapping.telephone < 0 || mapping.telephone >= columns) return 'import.needTelephone';
  if (mapping.variables.some((variable) => variable.name.trim() === '')) return 'import.variableNameRequired';
  return null;
}

/** One line per file column: what it becomes (telephone, outid, a variable and its name, nothing). */
export function MappingEditor({
  inspection,
  mapping,
  onChange,
}: {
  inspection: FileInspection;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  const t = useT();
  const setRole = (column: number, header: string, role: Role): void => {
    const without: ImportMapping = {
      telephone: mapping.telephone === column ? -1 : mapping.telephone,
      outid: mapping.outid === column ? null : mapping.outid,
      variables: mapping.variables.filter((variable) => variable.column !== column),
    };
    if (role === 'telephone') {
      // The old telephone column becomes a variable rather than vanishing.
      if (mapping.telephone >= 0 && mapping.telephone !== column) {
        const old = inspection.columns[mapping.telephone];
        without.variables.push({
          column: mapping.telephone,
          name: old?.header || old?.letter || `列${mapping.telephone + 1}`,
        });
      }
      without.telephone = column;
    } else if (role === 'outid') without.outid = column;
    else if (role === 'variable') without.variables.push({ column, name: header });
    without.variables.sort((a, b) => a.column - b.column);
    onChange(without);
  };
  const rename = (column: number, name: string): void =>
    onChange({
      ...mapping,
      variables: mapping.variables.map((v) => (v.column === column ? { ...v, name } : v)),
    });

  return (
    <table className="mapping-table">
      <thead>
        <tr>
          <th scope="col">{t('import.column')}</th>
          <th scope="col">{t('import.useAs')}</th>
          <th scope="col">{t('import.variableName')}</th>
        </tr>
      </thead>
      <tbody>
        {inspection.columns.map((column) => {
          const role = roleOf(mapping, column.index);
          const header = column.header || column.letter;
          const variable = mapping.variables.find((v) => v.column === column.index);
          return (
            <tr key={column.index}>
              <th scope="row">
                {column.letter} · {header}
              </th>
              <td>
                <select
                  aria-label={`${t('import.useAs')} ${header}`}
                  value={role}
                  onChange={(e) => setRole(column.index, header, e.target.value as Role)}
                >
                  <option value="telephone">{t('import.as.telephone')}</option>
                  <option value="outid">{t('import.as.outid')}</option>
                  <option value="variable">{t('import.as.variable')}</option>
                  <option value="ignore">{t('import.as.ignore')}</option>
                </select>
              </td>
              <td>
                {variable && (
                  <input
                    aria-label={`${t('import.variableName')} ${header}`}
                    value={variable.name}
                    maxLength={64}
                    onChange={(e) => rename(column.index, e.target.value)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { Form, Input, Select, Table } from 'antd';
import type { FileInspection, ImportMapping } from '../../../../shared/importing';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';

type Role = 'telephone' | 'outid' | 'variable' | 'ignore';
const ROLES: readonly Role[] = ['telephone', 'outid', 'variable', 'ignore'];

function roleOf(mapping: ImportMapping, column: number): Role {
  if (mapping.telephone === column) return 'telephone';
  if (mapping.outid === column) return 'outid';
  return mapping.variables.some((variable) => variable.column === column) ? 'variable' : 'ignore';
}

/** The columns whose variable name is empty or used by another column. */
export function variableNameProblems(mapping: ImportMapping): Map<number, MessageKey> {
  const problems = new Map<number, MessageKey>();
  const seen = new Map<string, number>();
  for (const variable of mapping.variables) {
    const name = variable.name.trim();
    if (!name) {
      problems.set(variable.column, 'import.variableNameRequired');
      continue;
    }
    const first = seen.get(name);
    if (first === undefined) seen.set(name, variable.column);
    else problems.set(variable.column, 'import.variableNameDuplicate');
  }
  return problems;
}

/** Problems with a mapping the operator must fix before importing; null when it is fine. */
export function mappingProblem(mapping: ImportMapping, columns: number): MessageKey | null {
  if (mapping.telephone < 0 || mapping.telephone >= columns) return 'import.needTelephone';
  const [first] = variableNameProblems(mapping).values();
  return first ?? null;
}

interface MappingEditorProps {
  inspection: FileInspection;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  disabled?: boolean;
}

/** One line per file column: what it becomes (telephone, outid, a variable and its name, nothing). */
export function MappingEditor({ inspection, mapping, onChange, disabled }: MappingEditorProps) {
  const t = useT();
  const nameProblems = variableNameProblems(mapping);
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
    <Table
      className="mapping-table"
      size="small"
      pagination={false}
      rowKey="index"
      dataSource={inspection.columns}
      columns={[
        {
          key: 'column',
          title: t('import.column'),
          render: (_, column) => `${column.letter} · ${column.header || column.letter}`,
        },
        {
          key: 'role',
          title: t('import.useAs'),
          width: 200,
          render: (_, column) => {
            const header = column.header || column.letter;
            return (
              <Select<Role>
                aria-label={`${t('import.useAs')} ${header}`}
                className="mapping-role"
                disabled={disabled}
                value={roleOf(mapping, column.index)}
                onChange={(role) => setRole(column.index, header, role)}
                options={ROLES.map((role) => ({ value: role, label: t(`import.as.${role}`) }))}
              />
            );
          },
        },
        {
          key: 'name',
          title: t('import.variableName'),
          render: (_, column) => {
            const variable = mapping.variables.find((v) => v.column === column.index);
            if (!variable) return null;
            const problem = nameProblems.get(column.index);
            return (
              <Form.Item
                className="mapping-name"
                validateStatus={problem ? 'error' : undefined}
                help={problem ? t(problem) : undefined}
              >
                <Input
                  aria-label={`${t('import.variableName')} ${column.header || column.letter}`}
                  aria-invalid={problem ? true : undefined}
                  value={variable.name}
                  maxLength={64}
                  disabled={disabled}
                  onChange={(e) => rename(column.index, e.target.value)}
                />
              </Form.Item>
            );
          },
        },
      ]}
    />
  );
}

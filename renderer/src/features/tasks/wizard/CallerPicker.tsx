import type { TaskIssue } from '../../../../../shared/taskRules';
import type { CallerLine } from '../../../../../shared/tasks';
import { useT } from '../../../i18n/useT';
import { FieldProblems } from './FieldProblems';

interface CallerPickerProps {
  lines: CallerLine[];
  value: string[];
  onChange: (numbers: string[]) => void;
  issues: readonly TaskIssue[];
}

/** Caller numbers (multi-select), each with the calls it carries at once. */
export function CallerPicker({ lines, value, onChange, issues }: CallerPickerProps) {
  const t = useT();
  const toggle = (number: string, on: boolean): void =>
    onChange(on ? [...value, number] : value.filter((n) => n !== number));
  return (
    <fieldset className="caller-picker" aria-describedby={issues.length ? 'task-callers-problem' : undefined}>
      <legend>{t('tasks.field.callers')}</legend>
      {lines.map((line) => (
        <label key={line.number} className="check-row">
          <input
            type="checkbox"
            checked={value.includes(line.number)}
            onChange={(event) => toggle(line.number, event.target.checked)}
          />
          <span>{line.number}</span>
          <span className="form-hint">{t('tasks.wizard.concurrency', { count: line.concurrency })}</span>
        </label>
      ))}
      <FieldProblems id="task-callers-problem" issues={issues} />
    </fieldset>
  );
}

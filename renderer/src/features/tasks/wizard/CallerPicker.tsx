import type { TaskIssue } from '../../../../../shared/taskRules';
import type { CallerLine } from '../../../../../shared/tasks';
import { useT } from '../../../i18n/useT';
import { FieldProblems } from './FieldProblems';

interface CallerPickerProps {
  lines: CallerLine[];
  value: string[];
  onChange: (numbers: string[]) => void;
  issues: readonly TaskIssue[];
  /** The provider takes one caller number per task: a radio choice instead of checkboxes. */
  single?: boolean;
  /** Whether the lines' concurrency is known (a provider that reports none shows no figure). */
  showConcurrency?: boolean;
}

/** Caller numbers (multi-select, or one where the provider takes one), each with its concurrency. */
export function CallerPicker({
  lines,
  value,
  onChange,
  issues,
  single = false,
  showConcurrency = true,
}: CallerPickerProps) {
  const t = useT();
  const toggle = (number: string, on: boolean): void =>
    onChange(on ? [...value, number] : value.filter((n) => n !== number));
  return (
    <fieldset className="caller-picker" aria-describedby={issues.length ? 'task-callers-problem' : undefined}>
      <legend>{t(single ? 'tasks.field.caller' : 'tasks.field.callers')}</legend>
      {lines.map((line) => (
        <label key={line.number} className="check-row">
          {single ? (
            <input
              type="radio"
              name="task-caller"
              checked={value.includes(line.number)}
              onChange={() => onChange([line.number])}
            />
          ) : (
            <input
              type="checkbox"
              checked={value.includes(line.number)}
              onChange={(event) => toggle(line.number, event.target.checked)}
            />
          )}
          <span>{line.number}</span>
          {showConcurrency && (
            <span className="form-hint">{t('tasks.wizard.concurrency', { count: line.concurrency })}</span>
          )}
        </label>
      ))}
      <FieldProblems id="task-callers-problem" issues={issues} />
    </fieldset>
  );
}

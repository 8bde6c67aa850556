import { Checkbox, Radio } from 'antd';
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
  const options = lines.map((line) => ({
    value: line.number,
    label: (
      <span className="caller-option">
        <span>{line.number}</span>
        {showConcurrency && (
          <span className="form-hint">{t('tasks.wizard.concurrency', { count: line.concurrency })}</span>
        )}
      </span>
    ),
  }));
  return (
    <fieldset className="caller-picker" aria-describedby={issues.length ? 'task-callers-problem' : undefined}>
      <legend>{t(single ? 'tasks.field.caller' : 'tasks.field.callers')}</legend>
      {single ? (
        <Radio.Group
          name="task-caller"
          orientation="vertical"
          value={value[0]}
          onChange={(event) => onChange([event.target.value as string])}
          options={options}
        />
      ) : (
        <Checkbox.Group
          className="caller-checks"
          value={value}
          // The group answers in its options' order; keep the order the numbers were picked in.
          onChange={(picked) =>
            onChange([
              ...value.filter((n) => picked.includes(n)),
              ...picked.filter((n) => !value.includes(n)),
            ])
          }
          options={options}
        />
      )}
      <FieldProblems id="task-callers-problem" issues={issues} />
    </fieldset>
  );
}

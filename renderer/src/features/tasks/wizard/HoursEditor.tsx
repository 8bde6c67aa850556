import type { TaskIssue } from '../../../../../shared/taskRules';
import { MAX_CALLING_RANGES } from '../../../../../shared/callingHours';
import { useT } from '../../../i18n/useT';
import { FieldProblems } from './FieldProblems';
import type { HoursRow } from './taskForm';

interface HoursEditorProps {
  value: HoursRow[];
  onChange: (rows: HoursRow[]) => void;
  issues: readonly TaskIssue[];
}

/** Calling hours: several ranges, added and removed; problems shown under their range. */
export function HoursEditor({ value, onChange, issues }: HoursEditorProps) {
  const t = useT();
  const update = (index: number, patch: Partial<HoursRow>): void =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const general = issues.filter((issue) => issue.index === undefined);
  return (
    <fieldset className="hours-editor">
      <legend>{t('tasks.field.hours')}</legend>
      <p className="form-hint">{t('tasks.wizard.hoursHint')}</p>
      {value.map((row, index) => {
        const n = index + 1;
        const own = issues.filter((issue) => issue.index === index);
        return (
          <div key={index} className="hours-row" data-range={n}>
            <label>
              {t('tasks.wizard.rangeStart', { n })}
              <input
                type="time"
                value={row.start}
                aria-invalid={own.length > 0 ? true : undefined}
                onChange={(event) => update(index, { start: event.target.value })}
              />
            </label>
            <label>
              {t('tasks.wizard.rangeEnd', { n })}
              <input
                type="time"
                value={row.end}
                aria-invalid={own.length > 0 ? true : undefined}
                onChange={(event) => update(index, { end: event.target.value })}
              />
            </label>
            <button
              type="button"
              aria-label={t('tasks.wizard.removeRangeLabel', { n })}
              disabled={value.length === 1}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              {t('tasks.wizard.removeRange')}
            </button>
            <FieldProblems id={`task-hours-${n}-problem`} issues={own} />
          </div>
        );
      })}
      <button
        type="button"
        disabled={value.length >= MAX_CALLING_RANGES}
        onClick={() => onChange([...value, { start: '', end: '' }])}
      >
        {t('tasks.wizard.addRange')}
      </button>
      <FieldProblems id="task-hours-problem" issues={general} />
    </fieldset>
  );
}

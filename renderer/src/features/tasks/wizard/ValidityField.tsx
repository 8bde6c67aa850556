import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { TaskIssue } from '../../../../../shared/taskRules';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/useT';
import { FieldProblems } from './FieldProblems';
import type { ValidityForm } from './taskForm';

interface ValidityFieldProps {
  value: ValidityForm;
  onChange: (value: ValidityForm) => void;
  issues: readonly TaskIssue[];
  /** False where the provider needs an end: only the date range is offered. */
  permanent?: boolean;
}

/** Validity: permanent, or from one day to another (both inclusive, local time). */
export function ValidityField({ value, onChange, issues, permanent = true }: ValidityFieldProps) {
  const t = useT();
  const fmt = useFormat();
  const day = (ymd: string) => (/^\d{4}-\d{2}-\d{2}$/.test(ymd) ? dayjs(ymd) : null);
  return (
    <fieldset className="validity-field">
      <legend>{t('tasks.field.validity')}</legend>
      {permanent ? (
        <>
          <label className="check-row">
            <input
              type="radio"
              name="task-validity"
              checked={value.kind === 'permanent'}
              onChange={() => onChange({ ...value, kind: 'permanent' })}
            />
            {t('tasks.validity.permanent')}
          </label>
          <label className="check-row">
            <input
              type="radio"
              name="task-validity"
              checked={value.kind === 'range'}
              onChange={() => onChange({ ...value, kind: 'range' })}
            />
            {t('tasks.validity.range')}
          </label>
        </>
      ) : (
        <p className="form-hint">{t('tasks.wizard.rangeNeeded')}</p>
      )}
      {value.kind === 'range' && (
        // Enter confirms a typed date in the picker; it must not also submit the wizard's step.
        <div
          className="validity-dates"
          onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        >
          <label>
            {t('tasks.validity.from')}
            <DatePicker
              format={fmt.datePattern}
              needConfirm={false}
              value={day(value.from)}
              status={issues.length > 0 ? 'error' : undefined}
              onChange={(date) => onChange({ ...value, from: date ? date.format('YYYY-MM-DD') : '' })}
            />
          </label>
          <label>
            {t('tasks.validity.to')}
            <DatePicker
              format={fmt.datePattern}
              needConfirm={false}
              value={day(value.to)}
              status={issues.length > 0 ? 'error' : undefined}
              onChange={(date) => onChange({ ...value, to: date ? date.format('YYYY-MM-DD') : '' })}
            />
          </label>
        </div>
      )}
      <FieldProblems id="task-validity-problem" issues={issues} />
    </fieldset>
  );
}

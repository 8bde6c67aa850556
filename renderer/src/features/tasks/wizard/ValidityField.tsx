import type { TaskIssue } from '../../../../../shared/taskRules';
import { useT } from '../../../i18n/useT';
import { FieldProblems } from './FieldProblems';
import type { ValidityForm } from './taskForm';

interface ValidityFieldProps {
  value: ValidityForm;
  onChange: (value: ValidityForm) => void;
  issues: readonly TaskIssue[];
}

/** Validity: permanent, or from one day to another (both inclusive, local time). */
export function ValidityField({ value, onChange, issues }: ValidityFieldProps) {
  const t = useT();
  return (
    <fieldset className="validity-field">
      <legend>{t('tasks.field.validity')}</legend>
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
      {value.kind === 'range' && (
        <div className="validity-dates">
          <label>
            {t('tasks.validity.from')}
            <input
              type="date"
              value={value.from}
              onChange={(event) => onChange({ ...value, from: event.target.value })}
            />
          </label>
          <label>
            {t('tasks.validity.to')}
            <input
              type="date"
              value={value.to}
              onChange={(event) => onChange({ ...value, to: event.target.value })}
            />
          </label>
        </div>
      )}
      <FieldProblems id="task-validity-problem" issues={issues} />
    </fieldset>
  );
}

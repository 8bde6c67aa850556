import { DatePicker, Radio } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { TaskIssue } from '../../../../../shared/taskRules';
import { inDialog } from '../../../components/popupContainer';
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

/** `YYYY-MM-DD` to that day, or null when empty or unreadable. */
const day = (ymd: string) => (/^\d{4}-\d{2}-\d{2}$/.test(ymd) ? dayjs(ymd) : null);

/** Validity: permanent, or from one day to another (both inclusive, local time). */
export function ValidityField({ value, onChange, issues, permanent = true }: ValidityFieldProps) {
  const t = useT();
  const fmt = useFormat();
  // The same dayjs for as long as the day is the same: a new one each render is a new
  // controlled value to antd's picker, which then puts a typed, uncommitted date back to it
  // (the wizard renders on every Tasks list read; see HoursEditor's TimeField).
  const from = useMemo(() => day(value.from), [value.from]);
  const to = useMemo(() => day(value.to), [value.to]);
  const status = issues.length > 0 ? 'error' : undefined;
  return (
    <fieldset className="validity-field">
      <legend>{t('tasks.field.validity')}</legend>
      {permanent ? (
        <Radio.Group
          name="task-validity"
          orientation="vertical"
          value={value.kind}
          onChange={(event) => onChange({ ...value, kind: event.target.value as ValidityForm['kind'] })}
          options={[
            { value: 'permanent', label: t('tasks.validity.permanent') },
            { value: 'range', label: t('tasks.validity.range') },
          ]}
        />
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
              getPopupContainer={inDialog}
              value={from}
              status={status}
              aria-invalid={status ? true : undefined}
              onChange={(date) => onChange({ ...value, from: date ? date.format('YYYY-MM-DD') : '' })}
            />
          </label>
          <label>
            {t('tasks.validity.to')}
            <DatePicker
              format={fmt.datePattern}
              needConfirm={false}
              getPopupContainer={inDialog}
              value={to}
              status={status}
              aria-invalid={status ? true : undefined}
              onChange={(date) => onChange({ ...value, to: date ? date.format('YYYY-MM-DD') : '' })}
            />
          </label>
        </div>
      )}
      <FieldProblems id="task-validity-problem" issues={issues} />
    </fieldset>
  );
}

import { Button, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, type KeyboardEvent } from 'react';
import type { TaskIssue } from '../../../../../shared/taskRules';
import { MAX_CALLING_RANGES } from '../../../../../shared/callingHours';
import { inDialog } from '../../../components/popupContainer';
import { useT } from '../../../i18n/useT';
import { FieldProblems } from './FieldProblems';
import type { HoursRow } from './taskForm';

interface HoursEditorProps {
  value: HoursRow[];
  onChange: (rows: HoursRow[]) => void;
  issues: readonly TaskIssue[];
  /** Most ranges the provider takes (default: the app's own bound). */
  max?: number;
}

const TIME = 'HH:mm';
/** `HH:mm` to a time of today, or null when empty or unreadable. */
const toDayjs = (text: string): Dayjs | null =>
  /^\d{1,2}:\d{2}$/.test(text) ? dayjs(`2000-01-01T${text.padStart(5, '0')}:00`) : null;

const keepEnter = (event: KeyboardEvent): void => {
  if (event.key === 'Enter') event.preventDefault();
};

/**
 * One `HH:mm` time in antd's TimePicker (24 h, typed in mask mode, Enter or blur commits).
 * The picker gets the same dayjs object for as long as the time is the same: rc-picker takes a
 * new value object as a new controlled value and puts its shown, typed but not yet committed
 * time back to it. The wizard renders again whenever the Tasks screen under it reads its list
 * (every few seconds), so a new dayjs per render put the old time back between typing and
 * Enter, and Enter committed the old time (an operator had to type it twice).
 */
function TimeField({
  value,
  invalid,
  onChange,
}: {
  value: string;
  invalid: boolean;
  onChange: (time: string) => void;
}) {
  const time = useMemo(() => toDayjs(value), [value]);
  return (
    <TimePicker
      format={{ format: TIME, type: 'mask' }}
      needConfirm={false}
      minuteStep={5}
      getPopupContainer={inDialog}
      value={time}
      status={invalid ? 'error' : undefined}
      aria-invalid={invalid ? true : undefined}
      onChange={(next) => onChange(next ? next.format(TIME) : '')}
    />
  );
}

/** Calling hours: several ranges, added and removed; problems shown under their range. */
export function HoursEditor({ value, onChange, issues, max = MAX_CALLING_RANGES }: HoursEditorProps) {
  const t = useT();
  const update = (index: number, patch: Partial<HoursRow>): void =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const general = issues.filter((issue) => issue.index === undefined);
  return (
    <fieldset className="hours-editor">
      <legend>{t('tasks.field.hours')}</legend>
      <p className="form-hint">
        {max < MAX_CALLING_RANGES ? t('tasks.wizard.hoursMax', { max }) : t('tasks.wizard.hoursHint')}
      </p>
      {value.map((row, index) => {
        const n = index + 1;
        const own = issues.filter((issue) => issue.index === index);
        return (
          // Enter confirms a typed time in the picker; it must not also submit the wizard's step.
          <div key={index} className="hours-row" data-range={n} onKeyDown={keepEnter}>
            <label>
              {t('tasks.wizard.rangeStart', { n })}
              <TimeField
                value={row.start}
                invalid={own.length > 0}
                onChange={(start) => update(index, { start })}
              />
            </label>
            <label>
              {t('tasks.wizard.rangeEnd', { n })}
              <TimeField
                value={row.end}
                invalid={own.length > 0}
                onChange={(end) => update(index, { end })}
              />
              {/* An end at midnight is the end of the day: say so in 24-hour time. */}
              {row.end === '00:00' && <span className="muted">{t('tasks.wizard.endOfDay')}</span>}
            </label>
            <Button
              aria-label={t('tasks.wizard.removeRangeLabel', { n })}
              disabled={value.length === 1}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              {t('tasks.wizard.removeRange')}
            </Button>
            <FieldProblems id={`task-hours-${n}-problem`} issues={own} />
          </div>
        );
      })}
      <Button
        className="hours-add"
        disabled={value.length >= max}
        onClick={() => onChange([...value, { start: '', end: '' }])}
      >
        {t('tasks.wizard.addRange')}
      </Button>
      <FieldProblems id="task-hours-problem" issues={general} />
    </fieldset>
  );
}

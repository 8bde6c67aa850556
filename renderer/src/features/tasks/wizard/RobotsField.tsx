import { Input } from 'antd';
import type { TaskIssue } from '../../../../../shared/taskRules';
import { useT } from '../../../i18n/useT';
import { FieldProblems } from './FieldProblems';

interface RobotsFieldProps {
  value: string;
  max: number;
  onChange: (value: string) => void;
  issues: readonly TaskIssue[];
}

/** The robot count, 1 to the robots the account has available. */
export function RobotsField({ value, max, onChange, issues }: RobotsFieldProps) {
  const t = useT();
  return (
    <div className="form-field">
      <label htmlFor="task-robots">{t('tasks.field.robots')}</label>
      <Input
        id="task-robots"
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        step={1}
        value={value}
        status={issues.length > 0 ? 'error' : undefined}
        aria-invalid={issues.length > 0 ? true : undefined}
        aria-describedby="task-robots-hint task-robots-problem"
        onChange={(event) => onChange(event.target.value)}
      />
      <span id="task-robots-hint" className="form-hint">
        {t('tasks.wizard.robotsAvailable', { max })}
      </span>
      <FieldProblems id="task-robots-problem" issues={issues} />
    </div>
  );
}

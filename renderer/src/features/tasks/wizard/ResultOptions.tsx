import type { TaskIssue } from '../../../../../shared/taskRules';
import type { NumberHiding, ResultPushWhen } from '../../../../../shared/tasks';
import { useT } from '../../../i18n/useT';
import { FieldProblems } from './FieldProblems';
import type { TaskForm } from './taskForm';

interface ResultOptionsProps {
  form: TaskForm;
  onChange: (patch: Partial<TaskForm>) => void;
  issues: readonly TaskIssue[];
}

/** Where results are pushed and when, number hiding, and export permission. */
export function ResultOptions({ form, onChange, issues }: ResultOptionsProps) {
  const t = useT();
  return (
    <>
      <div className="form-field">
        <label htmlFor="task-push-url">{t('tasks.field.pushUrl')}</label>
        <input
          id="task-push-url"
          type="url"
          value={form.pushUrl}
          placeholder="https://"
          aria-invalid={issues.length > 0 ? true : undefined}
          aria-describedby="task-push-hint task-push-problem"
          onChange={(event) => onChange({ pushUrl: event.target.value })}
        />
        <span id="task-push-hint" className="form-hint">
          {t('tasks.wizard.pushHint')}
        </span>
        <FieldProblems id="task-push-problem" issues={issues} />
      </div>
      <div className="form-field">
        <label htmlFor="task-push-type">{t('tasks.field.pushType')}</label>
        <select
          id="task-push-type"
          value={form.pushWhen}
          disabled={form.pushUrl.trim() === ''}
          onChange={(event) => onChange({ pushWhen: event.target.value as ResultPushWhen })}
        >
          <option value="every_call">{t('tasks.push.afterCall')}</option>
          <option value="transfer">{t('tasks.push.afterTransfer')}</option>
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="task-number-hiding">{t('tasks.field.numberHiding')}</label>
        <select
          id="task-number-hiding"
          value={form.numberHiding}
          onChange={(event) => onChange({ numberHiding: event.target.value as NumberHiding })}
        >
          <option value="none">{t('tasks.hide.none')}</option>
          <option value="last4">{t('tasks.hide.last4')}</option>
          <option value="middle4">{t('tasks.hide.middle4')}</option>
        </select>
      </div>
      <label className="check-row">
        <input
          type="checkbox"
          checked={form.exportAllowed}
          onChange={(event) => onChange({ exportAllowed: event.target.checked })}
        />
        {t('tasks.field.exportAllowed')}
      </label>
    </>
  );
}

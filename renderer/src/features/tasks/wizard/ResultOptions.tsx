import type { ProviderCapabilities } from '../../../../../shared/providers';
import type { TaskIssue } from '../../../../../shared/taskRules';
import type { NumberHiding, ResultPushWhen } from '../../../../../shared/tasks';
import { useT } from '../../../i18n/useT';
import { FieldProblems } from './FieldProblems';
import type { TaskForm } from './taskForm';

interface ResultOptionsProps {
  form: TaskForm;
  onChange: (patch: Partial<TaskForm>) => void;
  issues: readonly TaskIssue[];
  /** What the provider's tasks offer (Sobot's full set when not known). */
  offers?: ProviderCapabilities['taskOptions'];
}

const ALL: ProviderCapabilities['taskOptions'] = {
  numberHiding: true,
  resultPush: true,
  resultPushWhen: true,
  exportSwitch: true,
};

/**
 * Where results are pushed and when, number hiding, and export permission — each only where the
 * provider's tasks have it. A push without a "when" (CEC's callBackUrl) is a callback after every
 * call: on with a URL, off when it is left empty.
 */
export function ResultOptions({ form, onChange, issues, offers = ALL }: ResultOptionsProps) {
  const t = useT();
  const callback = !offers.resultPushWhen;
  return (
    <>
      {offers.resultPush && (
        <div className="form-field">
          <label htmlFor="task-push-url">
            {t(callback ? 'tasks.field.callback' : 'tasks.field.pushUrl')}
          </label>
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
            {t(callback ? 'tasks.wizard.callbackHint' : 'tasks.wizard.pushHint')}
          </span>
          <FieldProblems id="task-push-problem" issues={issues} />
        </div>
      )}
      {offers.resultPush && offers.resultPushWhen && (
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
      )}
      {offers.numberHiding && (
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
      )}
      {offers.exportSwitch && (
        <label className="check-row">
          <input
            type="checkbox"
            checked={form.exportAllowed}
            onChange={(event) => onChange({ exportAllowed: event.target.checked })}
          />
          {t('tasks.field.exportAllowed')}
        </label>
      )}
    </>
  );
}

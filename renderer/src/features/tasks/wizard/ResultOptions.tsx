import { Checkbox, Input, Select } from 'antd';
import type { ProviderCapabilities } from '../../../../../shared/providers';
import type { TaskIssue } from '../../../../../shared/taskRules';
import type { NumberHiding, ResultPushWhen } from '../../../../../shared/tasks';
import { inDialog } from '../../../components/popupContainer';
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
          <Input
            id="task-push-url"
            type="url"
            value={form.pushUrl}
            placeholder="https://"
            status={issues.length > 0 ? 'error' : undefined}
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
          <Select<ResultPushWhen>
            id="task-push-type"
            value={form.pushWhen}
            disabled={form.pushUrl.trim() === ''}
            getPopupContainer={inDialog}
            onChange={(pushWhen) => onChange({ pushWhen })}
            options={[
              { value: 'every_call', label: t('tasks.push.afterCall') },
              { value: 'transfer', label: t('tasks.push.afterTransfer') },
            ]}
          />
        </div>
      )}
      {offers.numberHiding && (
        <div className="form-field">
          <label htmlFor="task-number-hiding">{t('tasks.field.numberHiding')}</label>
          <Select<NumberHiding>
            id="task-number-hiding"
            value={form.numberHiding}
            getPopupContainer={inDialog}
            onChange={(numberHiding) => onChange({ numberHiding })}
            options={[
              { value: 'none', label: t('tasks.hide.none') },
              { value: 'last4', label: t('tasks.hide.last4') },
              { value: 'middle4', label: t('tasks.hide.middle4') },
            ]}
          />
        </div>
      )}
      {offers.exportSwitch && (
        <Checkbox
          checked={form.exportAllowed}
          onChange={(event) => onChange({ exportAllowed: event.target.checked })}
        >
          {t('tasks.field.exportAllowed')}
        </Checkbox>
      )}
    </>
  );
}

import { App, Button, Input, Steps } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../../shared/result';
import { validateTaskDraft, type TaskField } from '../../../../../shared/taskRules';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Modal } from '../../../components/Modal';
import { useT } from '../../../i18n/useT';
import { useAccountsStore, useCapabilities } from '../../accounts/accountsStore';
import { useTasksStore } from '../tasksStore';
import { CallerPicker } from './CallerPicker';
import { FieldProblems } from './FieldProblems';
import { HoursEditor } from './HoursEditor';
import { ResultOptions } from './ResultOptions';
import { RobotsField } from './RobotsField';
import { formLimits, issuesOf, newTaskForm, toDraft, type TaskForm } from './taskForm';
import { TemplatePicker } from './TemplatePicker';
import { ValidityField } from './ValidityField';

const STEPS = ['template', 'calling', 'results'] as const;
const STEP_FIELDS: Record<(typeof STEPS)[number], TaskField[]> = {
  template: ['templateId', 'name'],
  calling: ['callerNumbers', 'robots', 'callingHours', 'validity'],
  results: ['resultPush'],
};

/**
 * The create-task wizard: template and name, then calling (caller numbers, robots, hours,
 * validity), then results (push, number hiding, export). What it asks follows the active
 * account's provider capabilities (CEC: an IVR flow, one caller number, a date range, up to 3
 * slots, no robots, a callback URL). Each step is checked with the shared rules and the
 * provider's limits before the next; nothing is sent until every step passes.
 */
export function CreateTaskWizard({ onDone }: { onDone: () => void }) {
  const t = useT();
  const options = useTasksStore((store) => store.options);
  const optionsError = useTasksStore((store) => store.optionsError);
  const create = useTasksStore((store) => store.create);
  const { message } = App.useApp();
  const defaults = useAccountsStore(
    (store) => store.state?.accounts.find((a) => a.id === store.state?.activeId)?.defaults,
  );
  const capabilities = useCapabilities();
  const [form, setForm] = useState<TaskForm | null>(
    options ? newTaskForm(defaults ?? {}, options, capabilities) : null,
  );
  const [step, setStep] = useState(0);
  const [touched, setTouched] = useState<boolean[]>([false, false, false]);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);

  useEffect(() => {
    void useTasksStore.getState().loadOptions();
  }, []);
  useEffect(() => {
    if (options && !form) setForm(newTaskForm(defaults ?? {}, options, capabilities));
  }, [options, form, defaults, capabilities]);

  const title = t('tasks.wizard.title');
  if (!form || !options) {
    return (
      <Modal title={title} onClose={onDone}>
        {optionsError ? (
          <ErrorBanner error={optionsError} onDismiss={onDone} />
        ) : (
          <p className="loading">{t('loading')}</p>
        )}
      </Modal>
    );
  }

  const issues = validateTaskDraft(
    toDraft(form, capabilities),
    formLimits(options, capabilities, Date.now()),
  );
  const flow = capabilities?.templateKind === 'ivr_flow';
  const stepTitle = (s: (typeof STEPS)[number]): string =>
    t(s === 'template' && flow ? 'tasks.wizard.step.flow' : `tasks.wizard.step.${s}`);
  const shown = (fields: TaskField[], at: number) => (touched[at] ? issuesOf(issues, fields) : []);
  const patch = (change: Partial<TaskForm>): void => setForm({ ...form, ...change });
  const touch = (upTo: number): void => setTouched(touched.map((v, i) => v || i <= upTo));

  const next = (): void => {
    touch(step);
    if (issuesOf(issues, STEP_FIELDS[STEPS[step]!]).length === 0) setStep(step + 1);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (step < STEPS.length - 1) return next();
    touch(STEPS.length - 1);
    const firstBad = STEPS.findIndex((s) => issuesOf(issues, STEP_FIELDS[s]).length > 0);
    if (firstBad >= 0) return setStep(firstBad);
    setBusy(true);
    const result = await create(toDraft(form, capabilities));
    setBusy(false);
    if (result.ok) {
      void message.success(t('tasks.created', { name: result.value.name }));
      onDone();
    } else setServerError(result.error);
  };

  const current = STEPS[step]!;
  return (
    <Modal title={title} onClose={onDone} className="task-wizard">
      <Steps
        size="small"
        current={step}
        className="wizard-steps"
        items={STEPS.map((s, i) => ({
          title: stepTitle(s),
          // A step left with problems says so in its marker.
          status: i < step && issuesOf(issues, STEP_FIELDS[s]).length > 0 ? 'error' : undefined,
        }))}
      />
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={stepTitle(current)}>
        {serverError && <ErrorBanner error={serverError} onDismiss={() => setServerError(null)} />}
        {current === 'template' && (
          <>
            <div className="form-field">
              <label htmlFor="task-name">{t('tasks.field.name')}</label>
              <Input
                id="task-name"
                value={form.name}
                autoFocus
                status={shown(['name'], 0).length > 0 ? 'error' : undefined}
                aria-invalid={shown(['name'], 0).length > 0 ? true : undefined}
                aria-describedby="task-name-hint task-name-problem"
                onChange={(event) => patch({ name: event.target.value })}
              />
              {capabilities && (
                <span id="task-name-hint" className="form-hint">
                  {t('tasks.wizard.nameHint', { max: capabilities.maxTaskName })}
                </span>
              )}
              <FieldProblems id="task-name-problem" issues={shown(['name'], 0)} />
            </div>
            <TemplatePicker
              templates={options.templates}
              value={form.templateId}
              onChange={(templateId) => patch({ templateId })}
              issues={shown(['templateId'], 0)}
              kind={capabilities?.templateKind ?? 'script'}
            />
          </>
        )}
        {current === 'calling' && (
          <>
            <CallerPicker
              lines={options.callerLines}
              value={form.callerNumbers}
              onChange={(callerNumbers) => patch({ callerNumbers })}
              issues={shown(['callerNumbers'], 1)}
              single={capabilities?.maxCallerNumbers === 1}
              showConcurrency={options.totalConcurrency > 0}
            />
            {capabilities?.robots !== false && (
              <RobotsField
                value={form.robots}
                max={options.maxRobots}
                onChange={(robots) => patch({ robots })}
                issues={shown(['robots'], 1)}
              />
            )}
            <HoursEditor
              value={form.hours}
              onChange={(hours) => patch({ hours })}
              issues={shown(['callingHours'], 1)}
              {...(capabilities ? { max: capabilities.maxCallingHourRanges } : {})}
            />
            <ValidityField
              value={form.validity}
              onChange={(validity) => patch({ validity })}
              issues={shown(['validity'], 1)}
              permanent={capabilities?.permanentValidity !== false}
            />
          </>
        )}
        {current === 'results' && (
          <ResultOptions
            form={form}
            onChange={patch}
            issues={shown(['resultPush'], 2)}
            {...(capabilities ? { offers: capabilities.taskOptions } : {})}
          />
        )}
        <div className="form-actions">
          {step > 0 && (
            <Button onClick={() => setStep(step - 1)} disabled={busy}>
              {t('tasks.wizard.back')}
            </Button>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {step < STEPS.length - 1 ? t('tasks.wizard.next') : t('tasks.wizard.create')}
          </Button>
          <Button onClick={onDone} disabled={busy}>
            {t('tasks.cancel')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

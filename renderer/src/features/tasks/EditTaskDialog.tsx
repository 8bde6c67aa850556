import { Button, Input } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/result';
import { validateTaskEdit } from '../../../../shared/taskRules';
import type { Task, TaskEdit } from '../../../../shared/tasks';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/useT';
import { useTasksStore } from './tasksStore';
import { CallerPicker } from './wizard/CallerPicker';
import { FieldProblems } from './wizard/FieldProblems';
import { HoursEditor } from './wizard/HoursEditor';
import { RobotsField } from './wizard/RobotsField';
import {
  hoursRanges,
  hoursRows,
  toValidity,
  validityForm,
  type HoursRow,
  type ValidityForm,
} from './wizard/taskForm';
import { ValidityField } from './wizard/ValidityField';

interface EditForm {
  name: string;
  callerNumbers: string[];
  robots: string;
  hours: HoursRow[];
  validity: ValidityForm;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The edit main takes: only the fields that changed. */
function changes(task: Task, form: EditForm): TaskEdit {
  const edit: TaskEdit = { id: task.id };
  if (form.name !== task.name) edit.name = form.name;
  if (!same([...form.callerNumbers].sort(), [...task.callerNumbers].sort()))
    edit.callerNumbers = form.callerNumbers;
  const robots = form.robots.trim() === '' ? NaN : Number(form.robots);
  if (robots !== task.robots) edit.robots = robots;
  const hours = hoursRanges(form.hours);
  if (!same(hours, task.callingHours)) edit.callingHours = hours;
  const validity = toValidity(form.validity);
  if (!same(validity, task.validity)) edit.validity = validity;
  return edit;
}

/** Edits what the provider lets change after creation: name, caller numbers, robots, hours, validity. */
export function EditTaskDialog({ task, onDone }: { task: Task; onDone: () => void }) {
  const t = useT();
  const options = useTasksStore((store) => store.options);
  const save = useTasksStore((store) => store.edit);
  const [form, setForm] = useState<EditForm>({
    name: task.name,
    callerNumbers: task.callerNumbers,
    robots: String(task.robots),
    hours: hoursRows(task.callingHours),
    validity: validityForm(task.validity),
  });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);

  useEffect(() => {
    void useTasksStore.getState().loadOptions();
  }, []);

  const edit = changes(task, form);
  const issues = touched
    ? validateTaskEdit(edit, {
        ...(options
          ? { callerNumbers: options.callerLines.map((l) => l.number), maxRobots: options.maxRobots }
          : {}),
        now: Date.now(),
      })
    : [];
  const of = (field: string) => issues.filter((issue) => issue.field === field);
  const patch = (change: Partial<EditForm>): void => setForm({ ...form, ...change });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTouched(true);
    const problems = validateTaskEdit(edit, {
      ...(options
        ? { callerNumbers: options.callerLines.map((l) => l.number), maxRobots: options.maxRobots }
        : {}),
      now: Date.now(),
    });
    if (problems.length > 0) return;
    if (Object.keys(edit).length === 1) return onDone();
    setBusy(true);
    const result = await save(edit);
    setBusy(false);
    if (result.ok) onDone();
    else setServerError(result.error);
  };

  const title = t('tasks.editTitle', { name: task.name });
  return (
    <Modal title={title} onClose={onDone} className="task-edit">
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
        {serverError && <ErrorBanner error={serverError} onDismiss={() => setServerError(null)} />}
        <div className="form-field">
          <label htmlFor="task-edit-name">{t('tasks.field.name')}</label>
          <Input
            id="task-edit-name"
            value={form.name}
            autoFocus
            status={of('name').length > 0 ? 'error' : undefined}
            aria-invalid={of('name').length > 0 ? true : undefined}
            aria-describedby="task-edit-name-problem"
            onChange={(e) => patch({ name: e.target.value })}
          />
          <FieldProblems id="task-edit-name-problem" issues={of('name')} />
        </div>
        {options && (
          <>
            <CallerPicker
              lines={options.callerLines}
              value={form.callerNumbers}
              onChange={(callerNumbers) => patch({ callerNumbers })}
              issues={of('callerNumbers')}
            />
            <RobotsField
              value={form.robots}
              max={options.maxRobots}
              onChange={(robots) => patch({ robots })}
              issues={of('robots')}
            />
          </>
        )}
        <HoursEditor value={form.hours} onChange={(hours) => patch({ hours })} issues={of('callingHours')} />
        <ValidityField
          value={form.validity}
          onChange={(validity) => patch({ validity })}
          issues={of('validity')}
        />
        <div className="form-actions">
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('tasks.save')}
          </Button>
          <Button onClick={onDone} disabled={busy}>
            {t('tasks.cancel')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

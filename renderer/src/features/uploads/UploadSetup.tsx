import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { CallList } from '../../../../shared/callList';
import { taskStatusLabel } from '../../../../shared/codes/domain';
import type { AppError, Result } from '../../../../shared/result';
import type { UploadPlan, UploadSummary, UploadVia, VariableMapping } from '../../../../shared/uploads';
import { usePrefsStore } from '../../app/prefsStore';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n/useT';
import { PlanSummary } from './PlanSummary';
import { openTasks, useUploadsStore } from './uploadsStore';

interface ColumnChoice {
  send: boolean;
  target: string;
}

/** The mapping main takes: only the columns renamed or not sent. */
function toMapping(choices: Record<string, ColumnChoice>): VariableMapping {
  const mapping: VariableMapping = {};
  for (const [name, choice] of Object.entries(choices)) {
    if (!choice.send) mapping[name] = null;
    else if (choice.target !== name) mapping[name] = choice.target;
  }
  return mapping;
}

interface UploadSetupProps {
  list: CallList;
  /** Rows ticked in the grid (may be empty). */
  checkedRowIds: readonly number[];
  /** The task chosen at first ('' for none). */
  initialTaskId: string;
  onStarted: (uploadId: number) => void;
  onClose: () => void;
}

/**
 * Choosing what to push where: the task, the rows (valid ones; never the ones with a blocking
 * problem), the variable mapping and the way. Main's plan is asked again on every change, so
 * the operator sees how many rows go and how many stay out, and why, before anything is sent.
 */
export function UploadSetup({ list, checkedRowIds, initialTaskId, onStarted, onClose }: UploadSetupProps) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  const tasks = useUploadsStore((state) => state.tasks);
  const tasksError = useUploadsStore((state) => state.tasksError);
  const [taskId, setTaskId] = useState(initialTaskId);
  const [rows, setRows] = useState<'all' | 'checked'>(checkedRowIds.length > 0 ? 'checked' : 'all');
  const [choices, setChoices] = useState<Record<string, ColumnChoice>>(() =>
    Object.fromEntries(list.columns.variables.map((name) => [name, { send: true, target: name }])),
  );
  const [via, setVia] = useState<UploadVia>('data');
  const [sendAnyway, setSendAnyway] = useState(false);
  const [plan, setPlan] = useState<UploadPlan | null>(null);
  const [planError, setPlanError] = useState<AppError | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void useUploadsStore.getState().loadTasks();
  }, []);

  const request = useMemo(
    () => ({
      listId: list.id,
      taskId,
      via,
      variables: toMapping(choices),
      ...(rows === 'checked' ? { rowIds: [...checkedRowIds] } : {}),
      ...(sendAnyway ? { sendNumbersOnTask: true } : {}),
    }),
    [list.id, taskId, via, choices, rows, checkedRowIds, sendAnyway],
  );

  // Re-plan on every change (debounced); a late answer to an older request is dropped.
  useEffect(() => {
    if (!taskId) {
      setPlan(null);
      setPlanError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void window.api.uploads.plan(request).then((result) => {
        if (!live) return;
        if (result.ok) {
          setPlan(result.value);
          setPlanError(null);
        } else {
          setPlan(null);
          setPlanError(result.error);
        }
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [request, taskId]);

  const choices$ = (name: string, change: Partial<ColumnChoice>): void =>
    setChoices({ ...choices, [name]: { ...choices[name]!, ...change } });

  const started = async (call: Promise<Result<UploadSummary>>): Promise<void> => {
    setBusy(true);
    const result = await call;
    setBusy(false);
    if (!result.ok) return setError(result.error);
    useUploadsStore.getState().keep(result.value);
    onStarted(result.value.id);
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!plan || plan.toSend === 0 || plan.unfinishedUploadId !== null) return;
    void started(window.api.uploads.start(request));
  };

  const choosable = tasks ? openTasks(tasks) : null;
  const fresh = plan !== null && plan.taskId === taskId;
  const canStart = fresh && !busy && plan.toSend > 0 && plan.unfinishedUploadId === null;

  return (
    <form onSubmit={submit} noValidate className="upload-setup">
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {tasksError && (
        <ErrorBanner error={tasksError} onDismiss={() => useUploadsStore.setState({ tasksError: null })} />
      )}
      <div className="form-field">
        <label htmlFor="upload-task">{t('uploads.task')}</label>
        {choosable === null ? (
          <p className="muted">{t('uploads.task.loading')}</p>
        ) : choosable.length === 0 ? (
          <p className="notice">{t('uploads.task.none')}</p>
        ) : (
          <select id="upload-task" value={taskId} autoFocus onChange={(e) => setTaskId(e.target.value)}>
            <option value="">{t('uploads.task.choose')}</option>
            {choosable.map((task) => (
              <option key={task.id} value={task.id}>
                {t('uploads.task.option', {
                  name: task.name,
                  status: taskStatusLabel(task.status, task.statusCode)[locale],
                })}
              </option>
            ))}
          </select>
        )}
      </div>

      <fieldset>
        <legend>{t('uploads.rows')}</legend>
        <label>
          <input type="radio" name="upload-rows" checked={rows === 'all'} onChange={() => setRows('all')} />{' '}
          {t('uploads.rows.all', { count: list.validCount })}
        </label>
        {checkedRowIds.length > 0 && (
          <label>
            <input
              type="radio"
              name="upload-rows"
              checked={rows === 'checked'}
              onChange={() => setRows('checked')}
            />{' '}
            {t('uploads.rows.checked', { count: checkedRowIds.length })}
          </label>
        )}
      </fieldset>

      {list.columns.variables.length > 0 && (
        <fieldset className="upload-variables">
          <legend>{t('uploads.variables')}</legend>
          <p className="form-hint">{t('uploads.variables.hint')}</p>
          {list.columns.variables.map((name) => {
            const choice = choices[name]!;
            return (
              <div key={name} className="upload-variable">
                <label>
                  <input
                    type="checkbox"
                    checked={choice.send}
                    aria-label={t('uploads.variables.send', { name })}
                    onChange={(e) => choices$(name, { send: e.target.checked })}
                  />{' '}
                  {name}
                </label>
                <span aria-hidden="true">→</span>
                <input
                  value={choice.target}
                  disabled={!choice.send}
                  aria-label={t('uploads.variables.target', { name })}
                  onChange={(e) => choices$(name, { target: e.target.value })}
                />
              </div>
            );
          })}
        </fieldset>
      )}

      <fieldset>
        <legend>{t('uploads.via')}</legend>
        <label>
          <input type="radio" name="upload-via" checked={via === 'data'} onChange={() => setVia('data')} />{' '}
          {t('uploads.via.data', { rows: plan?.batchRows ?? 500 })}
        </label>
        <label>
          <input
            type="radio"
            name="upload-via"
            checked={via === 'file'}
            disabled={plan !== null && !plan.fileAllowed}
            onChange={() => setVia('file')}
          />{' '}
          {t('uploads.via.file')}
          {plan !== null && !plan.fileAllowed && (
            <span className="muted"> — {t('uploads.via.fileTooMany')}</span>
          )}
        </label>
      </fieldset>

      <PlanSummary
        taskId={taskId}
        plan={fresh ? plan : null}
        planError={planError}
        sendAnyway={sendAnyway}
        onSendAnyway={setSendAnyway}
      />

      {fresh && plan.unfinishedUploadId !== null && (
        <div className="notice warning" role="status">
          <p>{t('uploads.unfinished', { id: plan.unfinishedUploadId })}</p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void started(window.api.uploads.resume({ uploadId: plan.unfinishedUploadId! }))}
          >
            {t('uploads.resumeUnfinished')}
          </button>
        </div>
      )}

      <div className="form-actions">
        <button type="submit" className="primary" disabled={!canStart}>
          {t('uploads.start')}
        </button>
        <button type="button" onClick={onClose}>
          {t('uploads.close')}
        </button>
      </div>
    </form>
  );
}

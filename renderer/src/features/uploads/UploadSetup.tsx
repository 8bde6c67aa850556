import { Alert, Button, Checkbox, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CallList } from '../../../../shared/callList';
import { taskStatusLabel } from '../../../../shared/codes/domain';
import type { AppError, Result } from '../../../../shared/result';
import type { Task } from '../../../../shared/tasks';
import type { UploadPlan, UploadSummary, UploadVia, VariableMapping } from '../../../../shared/uploads';
import { usePrefsStore } from '../../app/prefsStore';
import { ErrorBanner } from '../../components/ErrorBanner';
import { inDialog } from '../../components/popupContainer';
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

  const submit = (): void => {
    if (!plan || plan.toSend === 0 || plan.unfinishedUploadId !== null) return;
    void started(window.api.uploads.start(request));
  };

  const choosable = tasks ? openTasks(tasks) : null;
  const fresh = plan !== null && plan.taskId === taskId;
  const canStart = fresh && !busy && plan.toSend > 0 && plan.unfinishedUploadId === null;

  const taskLabel = (task: Task): string =>
    t('uploads.task.option', {
      name: task.name,
      status: taskStatusLabel(task.status, task.statusCode)[locale],
    });
  const fileRefused = plan !== null && !plan.fileAllowed;

  return (
    <Form layout="vertical" className="upload-setup" onFinish={submit}>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {tasksError && (
        <ErrorBanner error={tasksError} onDismiss={() => useUploadsStore.setState({ tasksError: null })} />
      )}
      <Form.Item label={t('uploads.task')} htmlFor="upload-task">
        {choosable === null ? (
          <Typography.Text type="secondary">{t('uploads.task.loading')}</Typography.Text>
        ) : choosable.length === 0 ? (
          <Alert type="info" showIcon title={t('uploads.task.none')} />
        ) : (
          <Select<string>
            id="upload-task"
            data-testid="upload-task"
            autoFocus
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('uploads.task.choose')}
            value={taskId || undefined}
            getPopupContainer={inDialog}
            onChange={setTaskId}
            options={choosable.map((task) => ({ value: task.id, label: taskLabel(task) }))}
          />
        )}
      </Form.Item>

      <Form.Item label={t('uploads.rows')} htmlFor="upload-rows">
        <Radio.Group
          id="upload-rows"
          name="upload-rows"
          aria-label={t('uploads.rows')}
          orientation="vertical"
          value={rows}
          onChange={(event) => setRows(event.target.value as 'all' | 'checked')}
          options={[
            { value: 'all', label: t('uploads.rows.all', { count: list.validCount }) },
            ...(checkedRowIds.length > 0
              ? [{ value: 'checked', label: t('uploads.rows.checked', { count: checkedRowIds.length }) }]
              : []),
          ]}
        />
      </Form.Item>

      {list.columns.variables.length > 0 && (
        <Form.Item
          label={t('uploads.variables')}
          htmlFor="upload-variables"
          extra={t('uploads.variables.hint')}
        >
          <div
            id="upload-variables"
            role="group"
            aria-label={t('uploads.variables')}
            className="upload-variables"
          >
            {list.columns.variables.map((name) => {
              const choice = choices[name]!;
              return (
                <div key={name} className="upload-variable">
                  <Checkbox
                    checked={choice.send}
                    aria-label={t('uploads.variables.send', { name })}
                    onChange={(e) => choices$(name, { send: e.target.checked })}
                  >
                    {name}
                  </Checkbox>
                  <span aria-hidden="true">→</span>
                  <Input
                    value={choice.target}
                    disabled={!choice.send}
                    aria-label={t('uploads.variables.target', { name })}
                    onChange={(e) => choices$(name, { target: e.target.value })}
                  />
                </div>
              );
            })}
          </div>
        </Form.Item>
      )}

      <Form.Item label={t('uploads.via')} htmlFor="upload-via">
        <Radio.Group
          id="upload-via"
          name="upload-via"
          aria-label={t('uploads.via')}
          orientation="vertical"
          value={via}
          onChange={(event) => setVia(event.target.value as UploadVia)}
          options={[
            { value: 'data', label: t('uploads.via.data', { rows: plan?.batchRows ?? 500 }) },
            {
              value: 'file',
              disabled: fileRefused,
              label: (
                <>
                  {t('uploads.via.file')}
                  {fileRefused && (
                    <Typography.Text type="secondary"> — {t('uploads.via.fileTooMany')}</Typography.Text>
                  )}
                </>
              ),
            },
          ]}
        />
      </Form.Item>

      <PlanSummary
        taskId={taskId}
        plan={fresh ? plan : null}
        planError={planError}
        sendAnyway={sendAnyway}
        onSendAnyway={setSendAnyway}
      />

      {fresh && plan.unfinishedUploadId !== null && (
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('uploads.unfinished', { id: plan.unfinishedUploadId })}
          action={
            <Button
              type="primary"
              disabled={busy}
              onClick={() => void started(window.api.uploads.resume({ uploadId: plan.unfinishedUploadId! }))}
            >
              {t('uploads.resumeUnfinished')}
            </Button>
          }
        />
      )}

      <Space className="form-actions" wrap>
        <Button type="primary" htmlType="submit" disabled={!canStart}>
          {t('uploads.start')}
        </Button>
        <Button onClick={onClose}>{t('uploads.close')}</Button>
      </Space>
    </Form>
  );
}

import { App, Tooltip } from 'antd';
import { useState } from 'react';
import { taskStatusLabel } from '../../../../shared/codes/domain';
import { TASK_ACTION_WORDS, TASK_ERRORS } from '../../../../shared/codes/tasks';
import { format } from '../../../../shared/locale';
import type { ProviderCapabilities } from '../../../../shared/providers';
import { allowedActions, hasAction } from '../../../../shared/taskLifecycle';
import type { Task } from '../../../../shared/tasks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT, type Translate } from '../../i18n/useT';
import { useCapabilities } from '../accounts/accountsStore';
import { useTasksStore, type RowAction } from './tasksStore';
import { useLocale } from './useLocale';

const ACTIONS: readonly RowAction[] = ['pause', 'resume', 'end', 'delete'];
/** End and delete cannot be undone: they are confirmed first. */
const CONFIRMED: ReadonlySet<RowAction> = new Set(['end', 'delete']);

/**
 * Why an action is greyed out, in the operator's words, or null when it is allowed (or when the
 * reason is plain, as pause on a paused task). Only the reasons a provider's life cycle hides
 * are said: no end at all, and delete refused while the task runs (main refuses both too).
 */
function whyNot(
  action: RowAction,
  task: Task,
  capabilities: ProviderCapabilities,
  t: Translate,
  locale: ReturnType<typeof useLocale>,
): string | null {
  if (!hasAction(capabilities, action)) return action === 'end' ? t('tasks.why.noEnd') : null;
  if (capabilities.lifecycle[action].includes(task.status)) return null;
  if (action === 'delete' && task.status === 'running' && capabilities.lifecycle.delete.includes('paused'))
    return t('tasks.why.deleteRunning');
  if (action !== 'delete') return null;
  return format(TASK_ERRORS['tasks.action_not_allowed'][locale], {
    status: taskStatusLabel(task.status, task.statusCode)[locale],
    action: TASK_ACTION_WORDS.delete[locale],
  });
}

/**
 * Pause / resume / end / delete, each enabled only where the provider's life cycle allows it.
 * A provider without an end shows the button greyed out with a tooltip saying why, and so does
 * a delete the provider refuses in the task's status.
 */
export function TaskActions({ task }: { task: Task }) {
  const t = useT();
  const locale = useLocale();
  const pending = useTasksStore((store) => store.pending[task.id]);
  const act = useTasksStore((store) => store.act);
  const [confirming, setConfirming] = useState<RowAction | null>(null);
  const { message } = App.useApp();
  /** Runs the action; ending and deleting, which cannot be undone, are confirmed by a message. */
  const perform = async (action: RowAction): Promise<void> => {
    if ((await act(task.id, action)) && CONFIRMED.has(action))
      void message.success(t(`tasks.done.${action as 'end' | 'delete'}`, { name: task.name }));
  };
  const capabilities = useCapabilities();
  const allowed = capabilities ? allowedActions(capabilities, task.status) : new Set<string>();

  const run = (action: RowAction): void => {
    if (CONFIRMED.has(action)) setConfirming(action);
    else void perform(action);
  };

  return (
    <div className="row-actions" role="group" aria-label={t('tasks.actions.label', { name: task.name })}>
      {ACTIONS.map((action) => {
        const why = capabilities ? whyNot(action, task, capabilities, t, locale) : null;
        // An action the provider lacks and has nothing to say about is not offered at all.
        if (capabilities && !hasAction(capabilities, action) && why === null) return null;
        const button = (
          <button
            key={action}
            type="button"
            className={CONFIRMED.has(action) ? 'danger-outline' : undefined}
            disabled={!allowed.has(action) || pending !== undefined}
            aria-busy={pending === action ? true : undefined}
            aria-describedby={why === null ? undefined : `why-${action}-${task.id}`}
            onClick={() => run(action)}
          >
            {t(`tasks.action.${action}`)}
          </button>
        );
        // A disabled button gets no pointer events: the tooltip hangs on a wrapper.
        return why === null ? (
          button
        ) : (
          <Tooltip key={action} title={why}>
            <span className="disabled-action" data-action={action}>
              {button}
              <span id={`why-${action}-${task.id}`} className="sr-only">
                {why}
              </span>
            </span>
          </Tooltip>
        );
      })}
      {confirming && (
        <ConfirmDialog
          title={t(`tasks.confirm.${confirming as 'end' | 'delete'}.title`)}
          message={t(`tasks.confirm.${confirming as 'end' | 'delete'}.body`, { name: task.name })}
          confirmLabel={t(`tasks.action.${confirming}`)}
          cancelLabel={t('tasks.cancel')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void perform(confirming);
          }}
        />
      )}
    </div>
  );
}

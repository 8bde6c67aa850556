import { App } from 'antd';
import { useState } from 'react';
import { allowedActions, hasAction } from '../../../../shared/taskLifecycle';
import type { Task } from '../../../../shared/tasks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n/useT';
import { useCapabilities } from '../accounts/accountsStore';
import { useTasksStore, type RowAction } from './tasksStore';

const ACTIONS: readonly RowAction[] = ['pause', 'resume', 'end', 'delete'];
/** End and delete cannot be undone: they are confirmed first. */
const CONFIRMED: ReadonlySet<RowAction> = new Set(['end', 'delete']);

/** Pause / resume / end / delete, each enabled only where the provider's life cycle allows it. */
export function TaskActions({ task }: { task: Task }) {
  const t = useT();
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
  // An action the provider does not have at all is not offered (rather than greyed out for a
  // reason the operator cannot see).
  const offered = ACTIONS.filter((action) => !capabilities || hasAction(capabilities, action));

  const run = (action: RowAction): void => {
    if (CONFIRMED.has(action)) setConfirming(action);
    else void perform(action);
  };

  return (
    <div className="row-actions" role="group" aria-label={t('tasks.actions.label', { name: task.name })}>
      {offered.map((action) => (
        <button
          key={action}
          type="button"
          className={CONFIRMED.has(action) ? 'danger-outline' : undefined}
          disabled={!allowed.has(action) || pending !== undefined}
          aria-busy={pending === action ? true : undefined}
          onClick={() => run(action)}
        >
          {t(`tasks.action.${action}`)}
        </button>
      ))}
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

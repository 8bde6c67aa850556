import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n/useT';
import { TaskDetail } from './TaskDetail';
import { TaskTable } from './TaskTable';
import { useTasksStore } from './tasksStore';
import { useTasksRefresh } from './useTasksRefresh';
import { CreateTaskWizard } from './wizard/CreateTaskWizard';
import './tasks.css';

/**
 * The Tasks screen: every task of the active account with its status, progress and actions,
 * refreshed while visible; the selected task's chart and settings; the create-task wizard.
 */
export function TasksPage() {
  const t = useT();
  useTasksRefresh();
  const tasks = useTasksStore((store) => store.tasks);
  const loaded = useTasksStore((store) => store.loaded);
  const error = useTasksStore((store) => store.error);
  const dismissError = useTasksStore((store) => store.dismissError);
  const selected = useTasksStore((store) => store.tasks.find((task) => task.id === store.selectedId));
  const [creating, setCreating] = useState(false);

  return (
    <>
      <div className="page-head">
        <h1>{t('tasks.title')}</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('tasks.create')}
        </button>
      </div>
      {error && <ErrorBanner error={error} onDismiss={dismissError} />}
      {!loaded && (
        <p className="loading" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {/* An account that cannot be reached is not an empty one: the error says so, alone. */}
      {loaded && !error && tasks.length === 0 && (
        <EmptyState title={t('tasks.empty.title')} body={t('tasks.empty.body')} />
      )}
      {tasks.length > 0 && <TaskTable tasks={tasks} />}
      {selected && <TaskDetail key={selected.id} task={selected} />}
      {creating && <CreateTaskWizard onDone={() => setCreating(false)} />}
    </>
  );
}

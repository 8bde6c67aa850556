import type { Task } from '../../../../shared/tasks';
import { useT } from '../../i18n/useT';
import { StatusBadge } from './StatusBadge';
import { TaskActions } from './TaskActions';
import { TaskProgress } from './TaskProgress';
import { useTasksStore } from './tasksStore';

/** Every task of the active account with its status, progress and actions. */
export function TaskTable({ tasks }: { tasks: Task[] }) {
  const t = useT();
  const selectedId = useTasksStore((store) => store.selectedId);
  const select = useTasksStore((store) => store.select);
  return (
    <table className="tasks-table">
      <thead>
        <tr>
          <th scope="col">{t('tasks.col.name')}</th>
          <th scope="col">{t('tasks.col.status')}</th>
          <th scope="col">{t('tasks.col.progress')}</th>
          <th scope="col">{t('tasks.col.connected')}</th>
          <th scope="col">{t('tasks.col.intent')}</th>
          <th scope="col">{t('tasks.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id} data-task={task.name} className={task.id === selectedId ? 'selected' : undefined}>
            <td>
              <button
                type="button"
                className="link-button"
                aria-pressed={task.id === selectedId}
                onClick={() => select(task.id === selectedId ? null : task.id)}
              >
                {task.name}
              </button>
              <div className="task-id">{task.id}</div>
            </td>
            <td>
              <StatusBadge status={task.status} code={task.statusCode} />
            </td>
            <td>
              <TaskProgress counts={task.counts} />
            </td>
            <td data-count="connected">{task.counts.connected}</td>
            <td data-count="intent">{task.counts.intent}</td>
            <td>
              <TaskActions task={task} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { Button, Tooltip } from 'antd';
import type { Task } from '../../../../shared/tasks';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { StatusBadge } from './StatusBadge';
import { TaskActions } from './TaskActions';
import { TaskProgress } from './TaskProgress';
import { useTasksStore } from './tasksStore';

/**
 * Every task of the active account with its status, progress and actions: a plain table in
 * antd's tokens (a handful of rows, no paging or sorting to need antd's Table).
 */
export function TaskTable({ tasks }: { tasks: Task[] }) {
  const t = useT();
  const fmt = useFormat();
  const selectedId = useTasksStore((store) => store.selectedId);
  const select = useTasksStore((store) => store.select);
  return (
    <table className="tasks-table" aria-label={t('tasks.title')}>
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
            <td className="task-name-cell">
              <Tooltip title={task.name} mouseEnterDelay={0.4}>
                <Button
                  type="link"
                  className="link-button"
                  aria-pressed={task.id === selectedId}
                  onClick={() => select(task.id === selectedId ? null : task.id)}
                >
                  {task.name}
                </Button>
              </Tooltip>
              <Tooltip title={task.id} mouseEnterDelay={0.4}>
                <span className="task-id" data-testid="task-id">
                  {task.id}
                </span>
              </Tooltip>
            </td>
            <td>
              <StatusBadge status={task.status} code={task.statusCode} />
            </td>
            <td>
              <TaskProgress counts={task.counts} />
            </td>
            <td data-count="connected" className="number">
              {fmt.number(task.counts.connected)}
            </td>
            <td data-count="intent" className="number">
              {fmt.number(task.counts.intent)}
            </td>
            <td>
              <TaskActions task={task} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

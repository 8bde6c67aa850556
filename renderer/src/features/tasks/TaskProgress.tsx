import type { TaskCounts } from '../../../../shared/tasks';
import { useT } from '../../i18n/useT';

/** Dialled out of total, as a bar and as numbers. */
export function TaskProgress({ counts }: { counts: TaskCounts }) {
  const t = useT();
  const label = t('tasks.progress', { dialled: counts.dialled, total: counts.total });
  return (
    <div className="task-progress">
      <progress value={counts.dialled} max={Math.max(1, counts.total)} aria-label={label} />
      <span className="task-progress-text">{label}</span>
    </div>
  );
}

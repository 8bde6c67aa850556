import { Progress } from 'antd';
import type { TaskCounts } from '../../../../shared/tasks';
import { useT } from '../../i18n/useT';

/** Dialled out of total, as a bar (antd's, drawn with the theme's tokens) and as numbers. */
export function TaskProgress({ counts }: { counts: TaskCounts }) {
  const t = useT();
  const label = t('tasks.progress', { dialled: counts.dialled, total: counts.total });
  // A started task shows at least a sliver, so 43 of 20,000 does not read as not started.
  const percent = counts.total > 0 ? (counts.dialled / counts.total) * 100 : 0;
  return (
    <div className="task-progress">
      <Progress
        aria-label={label}
        percent={counts.dialled > 0 ? Math.max(1, percent) : 0}
        showInfo={false}
        size="small"
      />
      <span className="task-progress-text">{label}</span>
    </div>
  );
}

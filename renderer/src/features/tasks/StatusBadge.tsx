import { Tag } from 'antd';
import { taskStatusLabel } from '../../../../shared/codes/domain';
import type { TaskStatus } from '../../../../shared/tasks';
import { useLocalized } from './useLocale';

/** antd's preset colours per status: they have light and dark variants with AA contrast. */
const COLOURS: Record<TaskStatus, string | undefined> = {
  not_started: undefined,
  running: 'processing',
  outside_hours: 'warning',
  queued: 'warning',
  paused: 'orange',
  finished: 'success',
  deleted: 'error',
  unknown: 'default',
};

/** A task's status in the operator's words (an unknown one with the provider's code). */
export function StatusBadge({ status, code }: { status: TaskStatus; code?: string }) {
  const pick = useLocalized();
  return (
    <Tag color={COLOURS[status]} data-status={status} data-testid="task-status">
      {pick(taskStatusLabel(status, code))}
    </Tag>
  );
}

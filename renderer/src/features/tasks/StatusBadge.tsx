import { taskStatusLabel } from '../../../../shared/codes/domain';
import type { TaskStatus } from '../../../../shared/tasks';
import { useLocalized } from './useLocale';

/** A task's status in the operator's words (an unknown one with the provider's code). */
export function StatusBadge({ status, code }: { status: TaskStatus; code?: string }) {
  const pick = useLocalized();
  return (
    <span className={`status-badge status-${status}`} data-status={status}>
      {pick(taskStatusLabel(status, code))}
    </span>
  );
}

import { taskStatusLabel } from '../../../../shared/codes/sobot';
import { useLocalized } from './useLocale';

/** A task's status with its documented meaning (shared/codes/sobot.ts TASK_STATUS). */
export function StatusBadge({ status }: { status: number }) {
  const pick = useLocalized();
  return (
    <span className={`status-badge status-${status < 0 ? 'deleted' : status}`} data-status={status}>
      {pick(taskStatusLabel(status))}
    </span>
  );
}

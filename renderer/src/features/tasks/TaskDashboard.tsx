import { Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { CALL_OUTCOME_LABELS } from '../../../../shared/codes/domain';
import type { TaskDashboard as Dashboard } from '../../../../shared/results';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { clock } from '../results/format';
import { useLocalized } from './useLocale';

/**
 * The task's rates from its synced calls (answered, with an intention, average talk time) and
 * the status and intention breakdowns, beside the provider's own counters above. Follows
 * results:changed (a sync, a push).
 */
export function TaskDashboard({ taskId }: { taskId: string }) {
  const t = useT();
  const fmt = useFormat();
  const label = useLocalized();
  const [board, setBoard] = useState<Dashboard | null>(null);
  useEffect(() => {
    let live = true;
    const load = (): void =>
      void window.api.results.dashboard({ taskId }).then((result) => {
        if (live && result.ok) setBoard(result.value);
      });
    load();
    const stop = window.api.results.onChanged((change) => {
      if (change.taskId === null || change.taskId === taskId) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [taskId]);
  if (!board) return null;
  return (
    <section className="task-dashboard" aria-labelledby="task-dashboard-title">
      <h3 id="task-dashboard-title">{t('tasks.dashboard.title')}</h3>
      {board.calls === 0 ? (
        <Typography.Text type="secondary">{t('tasks.dashboard.empty')}</Typography.Text>
      ) : (
        <>
          <div className="task-figures">
            <Statistic title={t('tasks.dashboard.calls')} value={fmt.number(board.calls)} />
            <Statistic title={t('tasks.dashboard.answered')} value={fmt.percent(board.answeredRate)} />
            <Statistic title={t('tasks.dashboard.intention')} value={fmt.percent(board.intentionRate)} />
            <Statistic title={t('tasks.dashboard.talk')} value={clock(board.averageTalkMs)} />
          </div>
          <div className="task-breakdown" aria-label={t('tasks.dashboard.byOutcome')}>
            {board.byOutcome.map((o) => (
              <Tag key={o.outcome}>
                {label(CALL_OUTCOME_LABELS[o.outcome])} {fmt.number(o.count)}
              </Tag>
            ))}
          </div>
          <div className="task-breakdown" aria-label={t('tasks.dashboard.byIntention')}>
            {board.byIntention.slice(0, 10).map((i) => (
              <Tag key={i.label} color={i.label ? 'blue' : undefined}>
                {i.label || t('tasks.dashboard.noIntention')} {fmt.number(i.count)}
              </Tag>
            ))}
          </div>
          <Typography.Text type="secondary">
            {t('tasks.dashboard.synced', { when: fmt.dateTime(board.syncedAt) })}
          </Typography.Text>
        </>
      )}
    </section>
  );
}

import { useState } from 'react';
import { acceptsRows, isActionAllowed } from '../../../../shared/taskLifecycle';
import { useCapabilities } from '../accounts/accountsStore';
import type { CallBucket, Task, TaskValidity } from '../../../../shared/tasks';
import { useT, type Translate } from '../../i18n/useT';
import { PushListButton } from '../uploads/PushListButton';
import { TaskUploads } from '../uploads/TaskUploads';
import { CallsChart } from './CallsChart';
import { EditTaskDialog } from './EditTaskDialog';
import { useTasksStore } from './tasksStore';
import { useLocale } from './useLocale';

type Range = 'today' | 'week';

function validityText(validity: TaskValidity, t: Translate, locale: string): string {
  if (validity.kind === 'permanent') return t('tasks.validity.permanent');
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return t('tasks.validity.between', { start: date.format(validity.start), end: date.format(validity.end) });
}

/** The selected task: its settings, the completed-calls chart, and Edit. */
export function TaskDetail({ task }: { task: Task }) {
  const t = useT();
  const locale = useLocale();
  const stats = useTasksStore((store) => store.stats[task.id]);
  const [range, setRange] = useState<Range>('today');
  const [editing, setEditing] = useState(false);
  const capabilities = useCapabilities();

  const hour = new Intl.DateTimeFormat(locale, { hour: '2-digit', hourCycle: 'h23' });
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  const buckets = stats ? stats[range] : [];
  const total = buckets.reduce((sum, b) => sum + (b.count ?? 0), 0);
  const labelOf = (b: CallBucket): string => (range === 'today' ? hour.format(b.start) : day.format(b.start));

  return (
    <section className="task-detail" aria-labelledby="task-detail-title">
      <div className="task-detail-head">
        <h2 id="task-detail-title">{task.name}</h2>
        <button
          type="button"
          disabled={!capabilities || !isActionAllowed(capabilities, task.status, 'edit')}
          onClick={() => setEditing(true)}
        >
          {t('tasks.edit')}
        </button>
        <PushListButton taskId={task.id} disabled={!acceptsRows(task.status)} />
      </div>
      <dl className="task-settings">
        <dt>{t('tasks.field.callers')}</dt>
        <dd>{task.callerNumbers.join(', ')}</dd>
        <dt>{t('tasks.field.robots')}</dt>
        <dd>{task.robots}</dd>
        <dt>{t('tasks.field.hours')}</dt>
        <dd>{task.callingHours.join(', ')}</dd>
        <dt>{t('tasks.field.validity')}</dt>
        <dd>{validityText(task.validity, t, locale)}</dd>
      </dl>
      <div className="chart-head">
        <h3>{t('tasks.chart.title')}</h3>
        <div role="group" aria-label={t('tasks.chart.range')} className="segmented">
          {(['today', 'week'] as const).map((r) => (
            <button key={r} type="button" aria-pressed={range === r} onClick={() => setRange(r)}>
              {t(`tasks.chart.${r}`)}
            </button>
          ))}
        </div>
      </div>
      {stats ? (
        <CallsChart
          buckets={buckets}
          labelOf={labelOf}
          labelEvery={range === 'today' ? 3 : 1}
          description={t(`tasks.chart.${range}.description`, { total })}
          barTitle={(b) => t('tasks.chart.bar', { when: labelOf(b), count: b.count ?? 0 })}
        />
      ) : (
        <p className="loading">{t('loading')}</p>
      )}
      <TaskUploads taskId={task.id} />
      {editing && <EditTaskDialog task={task} onDone={() => setEditing(false)} />}
    </section>
  );
}

import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Segmented, Space, Spin, Statistic } from 'antd';
import { useCallback, useState } from 'react';
import { acceptsRows, isActionAllowed } from '../../../../shared/taskLifecycle';
import type { CallBucket, Task, TaskValidity } from '../../../../shared/tasks';
import { useFormat, type Formatter } from '../../i18n/format';
import { useT, type Translate } from '../../i18n/useT';
import { useCapabilities } from '../accounts/accountsStore';
import { PushListButton } from '../uploads/PushListButton';
import { TaskUploads } from '../uploads/TaskUploads';
import { CallsChart } from './CallsChart';
import { TaskDashboard } from './TaskDashboard';
import { EditTaskDialog } from './EditTaskDialog';
import { useTasksStore } from './tasksStore';

type Range = 'today' | 'week';

function validityText(validity: TaskValidity, t: Translate, fmt: Formatter): string {
  if (validity.kind === 'permanent') return t('tasks.validity.permanent');
  return t('tasks.validity.between', {
    start: fmt.dateTime(validity.start),
    end: fmt.dateTime(validity.end),
  });
}

/** The selected task: its settings, its counters beside the completed-calls chart, and Edit. */
export function TaskDetail({ task }: { task: Task }) {
  const t = useT();
  const fmt = useFormat();
  const stats = useTasksStore((store) => store.stats[task.id]);
  const [range, setRange] = useState<Range>('today');
  const [editing, setEditing] = useState(false);
  const capabilities = useCapabilities();

  const buckets = stats ? stats[range] : [];
  const total = buckets.reduce((sum, b) => sum + (b.count ?? 0), 0);
  const labelOf = useCallback(
    (b: CallBucket): string =>
      range === 'today'
        ? fmt.time(b.start).slice(0, 2)
        : new Intl.DateTimeFormat(fmt.locale, { weekday: 'short' }).format(b.start),
    [range, fmt],
  );
  const barTitle = useCallback(
    (b: CallBucket) => t('tasks.chart.bar', { when: labelOf(b), count: b.count ?? 0 }),
    [t, labelOf],
  );

  return (
    <section className="task-detail" aria-labelledby="task-detail-title">
      <div className="task-detail-head">
        <h2 id="task-detail-title">{task.name}</h2>
        <Space>
          <Button
            icon={<EditOutlined />}
            disabled={!capabilities || !isActionAllowed(capabilities, task.status, 'edit')}
            onClick={() => setEditing(true)}
          >
            {t('tasks.edit')}
          </Button>
          <PushListButton taskId={task.id} disabled={!acceptsRows(task.status)} />
        </Space>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'callers', label: t('tasks.field.callers'), children: task.callerNumbers.join(', ') },
          // Only what the provider has: CEC campaigns have no robot count.
          ...(capabilities?.robots === false
            ? []
            : [{ key: 'robots', label: t('tasks.field.robots'), children: task.robots }]),
          ...(capabilities?.maxCallingHourRanges === 0
            ? []
            : [
                {
                  key: 'hours',
                  label: t('tasks.field.hours'),
                  // CEC's campaign detail has no calling hours: say so rather than show nothing.
                  children:
                    task.callingHours.length > 0 ? (
                      task.callingHours.join(', ')
                    ) : (
                      <span className="muted">{t('tasks.field.hoursUnknown')}</span>
                    ),
                },
              ]),
          {
            key: 'validity',
            label: t('tasks.field.validity'),
            children: validityText(task.validity, t, fmt),
          },
        ]}
      />
      <div className="task-figures">
        <Statistic title={t('tasks.stat.total')} value={fmt.number(task.counts.total)} />
        <Statistic title={t('tasks.stat.dialled')} value={fmt.number(task.counts.dialled)} />
        <Statistic title={t('tasks.stat.connected')} value={fmt.number(task.counts.connected)} />
        <Statistic title={t(`tasks.stat.chart.${range}`)} value={fmt.number(total)} />
      </div>
      <div className="chart-head">
        <h3>{t('tasks.chart.title')}</h3>
        <Segmented<Range>
          aria-label={t('tasks.chart.range')}
          value={range}
          onChange={setRange}
          options={[
            { value: 'today', label: t('tasks.chart.today') },
            { value: 'week', label: t('tasks.chart.week') },
          ]}
        />
      </div>
      {stats?.source === 'synced' && (
        <p className="muted chart-source" data-testid="chart-source">
          {t('tasks.chart.fromSynced')}
        </p>
      )}
      {stats ? (
        <CallsChart
          buckets={buckets}
          labelOf={labelOf}
          description={t(`tasks.chart.${range}.description`, { total })}
          barTitle={barTitle}
          whenHeader={t(`tasks.chart.when.${range}`)}
          countHeader={t('tasks.chart.count')}
        />
      ) : (
        <Spin size="small" description={t('loading')} />
      )}
      <TaskDashboard taskId={task.id} />
      <TaskUploads taskId={task.id} />
      {editing && <EditTaskDialog task={task} onDone={() => setEditing(false)} />}
    </section>
  );
}

import { DownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { ExportOutcome } from '../../../../shared/exports';
import { PromptModal } from '../../components/dialogs';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useResultsStore } from './resultsStore';

/**
 * What can be done with the calls the filters leave: export them, and for a task make a call
 * list of them to call again. Drawn beside their counts, so the header keeps to one row.
 */
export function ResultsActions() {
  const t = useT();
  const fmt = useFormat();
  const { message } = App.useApp();
  const source = useResultsStore((store) => store.source);
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [recalling, setRecalling] = useState(false);
  const taskName = useResultsStore(
    (store) =>
      store.sources.find(
        (s) => source?.kind === 'task' && s.source.kind === 'task' && s.source.taskId === source.taskId,
      )?.name ?? '',
  );
  if (!source) return null;
  const { exportTo, makeList } = useResultsStore.getState();

  /** "Call these again": the new list is announced with a way to open it. */
  const recall = async (name: string): Promise<void> => {
    const report = await makeList(name);
    if (!report) return;
    setRecalling(false);
    void message.success({
      content: (
        <span role="status">
          {t('results.recall.done', {
            name: report.list.name,
            rows: fmt.number(report.rows),
            calls: fmt.number(report.calls),
          })}
          <Button type="link" size="small" href={`#/lists/${report.list.id}`}>
            {t('results.recall.open')}
          </Button>
        </span>
      ),
      duration: 8,
    });
  };

  /** Says what was written, and offers to show a saved file in its folder. */
  const announce = (outcome: ExportOutcome): void => {
    if (outcome.status === 'cancelled') return;
    const calls = fmt.plural(outcome.rows, {
      one: t('results.export.calls.one'),
      other: t('results.export.calls'),
    });
    const text = t(outcome.status === 'saved' ? 'results.export.done' : 'results.export.downloaded', {
      calls,
      file: outcome.fileName,
    });
    const reveal =
      outcome.status === 'saved' && outcome.canReveal ? (
        <Button
          type="link"
          size="small"
          icon={<FolderOpenOutlined />}
          onClick={() => void window.api.exports.reveal({ savedId: outcome.savedId })}
        >
          {t('results.export.reveal')}
        </Button>
      ) : null;
    void message.success({
      content: (
        <span role="status">
          {text}
          {reveal}
        </span>
      ),
      duration: 6,
    });
  };
  const run = async (format: 'xlsx' | 'csv'): Promise<void> => {
    setBusy(format);
    try {
      const outcome = await exportTo(format);
      if (outcome) announce(outcome);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap className="results-actions" role="group" aria-label={t('results.actions')}>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'xlsx'}
        disabled={busy !== null}
        onClick={() => void run('xlsx')}
      >
        {t('results.export.xlsx')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'csv'}
        disabled={busy !== null}
        onClick={() => void run('csv')}
      >
        {t('results.export.csv')}
      </Button>
      {source.kind === 'task' && <Button onClick={() => setRecalling(true)}>{t('results.recall')}</Button>}
      <PromptModal
        open={recalling}
        title={t('results.recall.title')}
        label={t('results.recall.name')}
        initialValue={t('results.recall.defaultName', { task: taskName, date: fmt.date(Date.now()) })}
        okText={t('results.recall.ok')}
        cancelText={t('results.recall.cancel')}
        validate={(value) => (value.trim() ? null : t('results.recall.nameRequired'))}
        onSubmit={recall}
        onCancel={() => setRecalling(false)}
      />
    </Space>
  );
}

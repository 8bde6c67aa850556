import { Alert, Button, Card, Form, Input, InputNumber, Progress, Select, Space, Steps, Table } from 'antd';
import { ROW_PROBLEMS, type RowProblemCode } from '../../../../shared/callList';
import { usePrefsStore } from '../../app/prefsStore';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { FileProblems } from './FileProblems';
import { useImportStore } from './importStore';
import { mappingProblem, MappingEditor } from './MappingEditor';

/** The mapping step and the import: sheet, header row, columns, preview, problems, progress, cancel. */
export function ImportWizard({ onImported }: { onImported: (listId: number) => void }) {
  const t = useT();
  const fmt = useFormat();
  const locale = usePrefsStore((state) => state.prefs.locale);
  const store = useImportStore();
  const { inspection, mapping, phase, progress, error } = store;
  if (phase === 'idle' || phase === 'done') return null;
  const importing = phase === 'importing';
  const steps = (
    <Steps
      className="import-steps"
      size="small"
      current={importing ? 2 : 1}
      status={error ? 'error' : 'process'}
      items={[
        { title: t('import.step.file') },
        { title: t('import.step.mapping') },
        { title: t('import.step.import') },
      ]}
    />
  );
  if (!inspection || !mapping) {
    return (
      <Card className="import-wizard">
        {steps}
        <p className="notice" role="status" aria-busy="true">
          {t('lists.reading')}
        </p>
      </Card>
    );
  }
  const problem = mappingProblem(mapping, inspection.columns.length);
  const preview = inspection.problemsPreview;
  const counts = Object.entries(preview.counts) as [RowProblemCode, number][];
  const scanned = { scanned: fmt.number(preview.scannedRows) };

  const start = async (): Promise<void> => {
    const result = await store.run();
    if (result) onImported(result.list.id);
  };

  return (
    <Card className="import-wizard">
      <section aria-labelledby="import-title">
        <h2 id="import-title">{t('import.title', { file: inspection.fileName })}</h2>
        {steps}
        {error && (
          <>
            <ErrorBanner error={error} onDismiss={() => useImportStore.setState({ error: null })} />
            <Alert className="import-retry" type="info" showIcon title={t('import.retry')} />
          </>
        )}
        <Form layout="inline" className="import-options">
          <Form.Item label={t('import.sheet')} htmlFor="import-sheet">
            <Select
              id="import-sheet"
              className="import-sheet"
              value={inspection.sheet}
              disabled={importing}
              onChange={(sheet: string) => void store.reinspect({ sheet })}
              options={inspection.sheets.map((sheet) => ({ value: sheet.name, label: sheet.name }))}
            />
          </Form.Item>
          <Form.Item label={t('import.headerRow')} htmlFor="import-header-row">
            <InputNumber
              id="import-header-row"
              min={1}
              precision={0}
              value={inspection.headerRow}
              disabled={importing}
              onChange={(value) =>
                value !== null &&
                value >= 1 &&
                void store.reinspect({ sheet: inspection.sheet, headerRow: value })
              }
            />
          </Form.Item>
          <Form.Item label={t('import.name')} htmlFor="import-name">
            <Input
              id="import-name"
              value={store.name}
              disabled={importing}
              maxLength={200}
              onChange={(e) => store.setName(e.target.value)}
            />
          </Form.Item>
        </Form>
        <FileProblems problems={inspection.fileProblems} />
        <h3>{t('import.mapping')}</h3>
        {inspection.mappingSource === 'remembered' && (
          <p className="muted">{t('import.mapping.remembered')}</p>
        )}
        <MappingEditor
          inspection={inspection}
          mapping={mapping}
          onChange={store.setMapping}
          disabled={importing}
        />
        <h3>{t('import.preview', { count: inspection.sampleRows.length })}</h3>
        <Table
          className="preview-table"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey="rowNumber"
          dataSource={inspection.sampleRows}
          columns={[
            { key: 'row', title: '#', render: (_, row) => row.rowNumber },
            ...inspection.columns.map((column) => ({
              key: String(column.index),
              title: column.header || column.letter,
              render: (_: unknown, row: (typeof inspection.sampleRows)[number]) =>
                row.cells[column.index] ?? '',
            })),
          ]}
        />
        <div className="import-problems" role="status">
          {counts.length === 0 ? (
            t(preview.complete ? 'import.noProblemsAll' : 'import.noProblems', scanned)
          ) : (
            <>
              {t(preview.complete ? 'import.problemsAll' : 'import.problems', scanned)}
              <ul>
                {counts.map(([code, count]) => (
                  <li key={code}>
                    {ROW_PROBLEMS[code][locale]}: {fmt.number(count)}
                  </li>
                ))}
              </ul>
              <ul className="problem-samples">
                {preview.problems.slice(0, 8).map((p) => (
                  <li key={`${p.cell}-${p.code}`}>
                    {p.cell} · {ROW_PROBLEMS[p.code][locale]} {p.value && <code>{p.value}</code>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        {problem && <Alert type="error" showIcon role="alert" title={t(problem)} />}
        {importing && progress && (
          <div className="import-progress">
            <Progress
              percent={Math.round(progress.fraction * 100)}
              status="active"
              aria-label={t('import.progress', { rows: fmt.number(progress.rowsDone) })}
            />
            <span role="status">{t('import.progress', { rows: fmt.number(progress.rowsDone) })}</span>
          </div>
        )}
        <Space className="form-actions">
          <Button type="primary" loading={importing} disabled={problem !== null} onClick={() => void start()}>
            {t('import.start')}
          </Button>
          <Button onClick={() => void store.cancel()}>{t('import.cancel')}</Button>
        </Space>
      </section>
    </Card>
  );
}

import { InboxOutlined } from '@ant-design/icons';
import { App, Table, Upload } from 'antd';
import { useEffect, useState, type DragEvent } from 'react';
import type { CallList } from '../../../../shared/callList';
import { useHash } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { FileProblems } from './FileProblems';
import { useImportStore } from './importStore';
import { ImportWizard } from './ImportWizard';
import { ListView } from './ListView';
import { followListChanges, openListIdFromHash, useListsStore } from './listsStore';

const ACCEPT = '.xlsx,.xlsm,.csv,.txt,.xls';

/** The Lists screen: every list, and a file dropped anywhere on it starts an import. */
export function ListsPage() {
  const t = useT();
  const fmt = useFormat();
  const { message } = App.useApp();
  const hash = useHash();
  const openId = openListIdFromHash(hash);
  const { lists, error, load, dismissError } = useListsStore();
  const importResult = useImportStore((state) => state.result);
  const importError = useImportStore((state) => state.error);
  const phase = useImportStore((state) => state.phase);
  const cancelled = useImportStore((state) => state.cancelled);
  const startImport = useImportStore((state) => state.start);
  const [dragging, setDragging] = useState(false);

  // Back on the overview after editing a list: its counts are read again, never kept stale.
  useEffect(() => {
    if (openId === null) void load();
  }, [load, openId]);
  useEffect(() => followListChanges(), []);

  useEffect(() => {
    if (!cancelled) return;
    void message.info(t('import.cancelled'));
    useImportStore.setState({ cancelled: false });
  }, [cancelled, message, t]);

  const onDrop = (event: DragEvent): void => {
    setDragging(false);
    // The Dragger handles a drop on itself (and marks it handled); this is the rest of the screen.
    if (event.defaultPrevented) return;
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) void startImport(file);
  };
  const onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(true);
  };

  if (openId !== null && phase !== 'mapping' && phase !== 'importing' && phase !== 'reading') {
    return <ListView listId={openId} />;
  }

  return (
    <div
      className={`lists-page${dragging ? ' dragging' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="lists-drop-zone"
    >
      <h1>{t('lists.title')}</h1>
      {error && <ErrorBanner error={error} onDismiss={dismissError} />}
      {importError && phase === 'idle' && (
        <ErrorBanner error={importError} onDismiss={() => useImportStore.setState({ error: null })} />
      )}
      {importResult && phase === 'done' && <FileProblems problems={importResult.fileProblems} />}
      <ImportWizard
        onImported={(listId) => {
          const result = useImportStore.getState().result;
          if (result)
            void message.success(
              t('import.done', { rows: fmt.number(result.list.rowCount), valid: fmt.number(result.valid) }),
            );
          window.location.hash = `#/lists/${listId}`;
        }}
      />
      {phase === 'idle' || phase === 'done' ? (
        <Upload.Dragger
          className="drop-zone"
          accept={ACCEPT}
          multiple={false}
          showUploadList={false}
          // The file goes to main through the contract, never over HTTP: stop antd's upload.
          beforeUpload={(file) => {
            void startImport(file);
            return Upload.LIST_IGNORE;
          }}
          data-testid="lists-file-input"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {dragging ? t('lists.dropOverlay') : t('lists.drop')} {t('lists.pick')}
          </p>
          <p className="ant-upload-hint">{t('lists.dropHint')}</p>
        </Upload.Dragger>
      ) : null}
      {lists && lists.length === 0 && phase === 'idle' && (
        <EmptyState title={t('lists.empty.title')} body={t('lists.empty.body')} />
      )}
      {lists && lists.length > 0 && (
        <Table<CallList>
          className="lists-table"
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={lists}
          aria-label={t('lists.title')}
          columns={[
            {
              key: 'name',
              title: t('lists.col.name'),
              render: (_, list) => <a href={`#/lists/${list.id}`}>{list.name}</a>,
            },
            {
              key: 'rows',
              title: t('lists.col.rows'),
              align: 'right',
              render: (_, list) => fmt.number(list.rowCount),
            },
            {
              key: 'valid',
              title: t('lists.col.valid'),
              align: 'right',
              render: (_, list) => fmt.number(list.validCount),
            },
            {
              key: 'updated',
              title: t('lists.col.updated'),
              render: (_, list) => <span className="nowrap">{fmt.dateTime(list.updatedAt)}</span>,
            },
          ]}
        />
      )}
    </div>
  );
}

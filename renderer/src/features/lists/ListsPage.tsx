import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useHash } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useImportStore } from './importStore';
import { ImportWizard } from './ImportWizard';
import { ListView } from './ListView';
import { followListChanges, openListIdFromHash, useListsStore } from './listsStore';

/** The Lists screen: every list, and a file dropped anywhere on it starts an import. */
export function ListsPage() {
  const t = useT();
  const fmt = useFormat();
  const hash = useHash();
  const openId = openListIdFromHash(hash);
  const { lists, error, load, dismissError } = useListsStore();
  const importError = useImportStore((state) => state.error);
  const importResult = useImportStore((state) => state.result);
  const phase = useImportStore((state) => state.phase);
  const startImport = useImportStore((state) => state.start);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load();
    return followListChanges();
  }, [load]);

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
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
      className="lists-page"
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="lists-drop-zone"
    >
      <h1>{t('lists.title')}</h1>
      {error && <ErrorBanner error={error} onDismiss={dismissError} />}
      {importError && (
        <ErrorBanner error={importError} onDismiss={() => useImportStore.setState({ error: null })} />
      )}
      {importResult && phase === 'done' && (
        <p className="notice" role="status">
          {t('import.done', { rows: importResult.list.rowCount, valid: importResult.valid })}
        </p>
      )}
      <ImportWizard onImported={(listId) => (window.location.hash = `#/lists/${listId}`)} />
      {phase === 'idle' || phase === 'done' ? (
        <div className={`drop-zone${dragging ? ' dragging' : ''}`}>
          <p>
            {dragging ? t('lists.dropOverlay') : t('lists.drop')}{' '}
            <button type="button" onClick={() => picker.current?.click()}>
              {t('lists.pick')}
            </button>
          </p>
          <p className="muted">{t('lists.dropHint')}</p>
          <input
            ref={picker}
            type="file"
            hidden
            accept=".xlsx,.xlsm,.csv,.txt,.xls"
            data-testid="lists-file-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void startImport(file);
            }}
          />
        </div>
      ) : null}
      {lists && lists.length === 0 && phase === 'idle' && (
        <EmptyState title={t('lists.empty.title')} body={t('lists.empty.body')} />
      )}
      {lists && lists.length > 0 && (
        <table className="lists-table">
          <thead>
            <tr>
              <th scope="col">{t('lists.col.name')}</th>
              <th scope="col">{t('lists.col.rows')}</th>
              <th scope="col">{t('lists.col.valid')}</th>
              <th scope="col">{t('lists.col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((list) => (
              <tr key={list.id}>
                <td>
                  <a href={`#/lists/${list.id}`}>{list.name}</a>
                </td>
                <td>{fmt.number(list.rowCount)}</td>
                <td>{fmt.number(list.validCount)}</td>
                <td>{fmt.dateTime(list.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

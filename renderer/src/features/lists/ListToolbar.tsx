import { useState } from 'react';
import { PromptModal, useConfirm } from '../../components/dialogs';
import { ROW_PROBLEMS, type RowProblemCode } from '../../../../shared/callList';
import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';
import { useUploadsStore } from '../uploads/uploadsStore';
import { useGridStore } from './gridStore';

const PROBLEM_CODES = Object.keys(ROW_PROBLEMS) as RowProblemCode[];

/** Filter, sort, add/delete rows, undo/redo, rename, duplicate, export, delete list. */
export function ListToolbar() {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  const list = useGridStore((state) => state.list);
  const query = useGridStore((state) => state.query);
  const checked = useGridStore((state) => state.checked);
  const canUndo = useGridStore((state) => state.undoStack.length > 0);
  const canRedo = useGridStore((state) => state.redoStack.length > 0);
  const busy = useGridStore((state) => state.busy);
  const [notice, setNotice] = useState<string | null>(null);
  const [renaming, setRenaming] = useState(false);
  const confirm = useConfirm();
  if (!list) return null;
  const store = useGridStore.getState();
  const sortKeys = [
    'sourceRow',
    'telephone',
    'outid',
    'problems',
    ...list.columns.variables.map((name) => `var:${name}`),
  ];

  const run = async <T,>(
    call: Promise<
      { ok: true; value: T } | { ok: false; error: import('../../../../shared/result').AppError }
    >,
    then?: (value: T) => void,
  ): Promise<void> => {
    const result = await call;
    if (result.ok) then?.(result.value);
    else useGridStore.setState({ error: result.error });
  };

  const rename = async (name: string): Promise<void> => {
    if (name !== list.name)
      await run(window.api.lists.rename({ listId: list.id, name }), (next) =>
        useGridStore.setState({ list: next }),
      );
    setRenaming(false);
  };
  const duplicate = (): void => {
    void run(
      window.api.lists.duplicate({ listId: list.id, name: t('toolbar.duplicateName', { name: list.name }) }),
      (copy) => {
        window.location.hash = `#/lists/${copy.id}`;
      },
    );
  };
  const exportAs = (format: 'xlsx' | 'csv'): void => {
    void run(
      window.api.lists.export({ listId: list.id, format }),
      ({ path }) => path && setNotice(t('toolbar.exported', { path })),
    );
  };
  const ask = (title: string, content: string): Promise<boolean> =>
    confirm({ title, content, okText: t('common.delete'), cancelText: t('common.cancel'), danger: true });
  const deleteRows = async (): Promise<void> => {
    if (await ask(t('toolbar.deleteRowsTitle'), t('toolbar.deleteConfirm', { count: checked.size }))) {
      if (await store.apply([{ kind: 'delete', rowIds: [...checked] }])) store.setChecked(new Set());
    }
  };
  const deleteList = async (): Promise<void> => {
    if (await ask(t('toolbar.deleteListTitle'), t('toolbar.deleteListConfirm', { name: list.name }))) {
      await run(window.api.lists.delete({ listId: list.id }), () => (window.location.hash = '#/lists'));
    }
  };
  const addRow = async (): Promise<void> => {
    if (await store.apply([{ kind: 'insert', at: list.rowCount, rows: [{}] }])) {
      store.select({ index: useGridStore.getState().viewIds.length - 1, column: 'telephone' });
    }
  };

  return (
    <div className="list-toolbar" role="toolbar" aria-label={list.name}>
      <label>
        {t('toolbar.filter')}{' '}
        <select
          value={query.problem ?? ''}
          onChange={(e) =>
            void store.setQuery({
              ...query,
              problem: (e.target.value || undefined) as RowProblemCode | 'any' | undefined,
            })
          }
        >
          <option value="">{t('toolbar.filter.all')}</option>
          <option value="any">{t('toolbar.filter.any')}</option>
          {PROBLEM_CODES.map((code) => (
            <option key={code} value={code}>
              {ROW_PROBLEMS[code][locale]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('toolbar.sort')}{' '}
        <select
          value={query.sortBy ?? ''}
          onChange={(e) => void store.setQuery({ ...query, sortBy: e.target.value || undefined })}
        >
          <option value="">{t('toolbar.sort.none')}</option>
          {sortKeys.map((key) => (
            <option key={key} value={key}>
              {key.startsWith('var:')
                ? key.slice(4)
                : t(
                    key === 'sourceRow'
                      ? 'grid.row'
                      : key === 'problems'
                        ? 'grid.problems'
                        : key === 'outid'
                          ? 'grid.outid'
                          : 'grid.telephone',
                  )}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={query.descending === true}
          disabled={!query.sortBy}
          onChange={(e) => void store.setQuery({ ...query, descending: e.target.checked })}
        />{' '}
        {t('toolbar.sort.desc')}
      </label>
      <span className="toolbar-gap" />
      <button type="button" onClick={() => void addRow()} disabled={busy}>
        {t('toolbar.addRow')}
      </button>
      <button type="button" onClick={() => void deleteRows()} disabled={busy || checked.size === 0}>
        {t('toolbar.deleteRows', { count: checked.size })}
      </button>
      <button
        type="button"
        onClick={() => void store.undo()}
        disabled={busy || !canUndo}
        aria-keyshortcuts="Control+Z"
      >
        {t('toolbar.undo')}
      </button>
      <button
        type="button"
        onClick={() => void store.redo()}
        disabled={busy || !canRedo}
        aria-keyshortcuts="Control+Y"
      >
        {t('toolbar.redo')}
      </button>
      <button
        type="button"
        className="primary"
        onClick={() => useUploadsStore.getState().openDialog({ kind: 'upload', uploadId: null })}
      >
        {t('uploads.open')}
      </button>
      <button
        type="button"
        onClick={() => useUploadsStore.getState().openDialog({ kind: 'remove' })}
        disabled={checked.size === 0}
      >
        {t('uploads.remove.open', { count: checked.size })}
      </button>
      <button type="button" onClick={() => setRenaming(true)}>
        {t('toolbar.rename')}
      </button>
      <button type="button" onClick={duplicate}>
        {t('toolbar.duplicate')}
      </button>
      <button type="button" onClick={() => exportAs('xlsx')}>
        {t('toolbar.exportXlsx')}
      </button>
      <button type="button" onClick={() => exportAs('csv')}>
        {t('toolbar.exportCsv')}
      </button>
      <button type="button" onClick={() => void deleteList()}>
        {t('toolbar.deleteList')}
      </button>
      <PromptModal
        open={renaming}
        title={t('toolbar.renameTitle')}
        label={t('toolbar.renamePrompt')}
        initialValue={list.name}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        validate={(value) => (value ? null : t('toolbar.nameRequired'))}
        onSubmit={rename}
        onCancel={() => setRenaming(false)}
      />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}

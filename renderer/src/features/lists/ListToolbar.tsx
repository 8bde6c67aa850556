import { DownOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { ROW_PROBLEMS, type RowProblemCode } from '../../../../shared/callList';
import type { ExportOutcome } from '../../../../shared/exports';
import type { AppError } from '../../../../shared/result';
import { usePrefsStore } from '../../app/prefsStore';
import { PromptModal } from '../../components/dialogs';
import type { Translate } from '../../i18n/useT';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { startDownload } from '../results/download';
import { useUploadsStore } from '../uploads/uploadsStore';
import { DncRowsButton } from './DncRowsButton';
import { useGridStore } from './gridStore';

const PROBLEM_CODES = Object.keys(ROW_PROBLEMS) as RowProblemCode[];

function sortLabel(key: string, t: Translate): string {
  if (key.startsWith('var:')) return key.slice(4);
  const labels = { sourceRow: 'grid.row', problems: 'grid.problems', outid: 'grid.outid' } as const;
  return t(labels[key as keyof typeof labels] ?? 'grid.telephone');
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Filter, sort, add/delete rows, undo/redo, rename, duplicate, export, delete list. */
export function ListToolbar() {
  const t = useT();
  const { message } = App.useApp();
  const fmt = useFormat();
  const [exporting, setExporting] = useState(false);
  const locale = usePrefsStore((state) => state.prefs.locale);
  const list = useGridStore((state) => state.list);
  const query = useGridStore((state) => state.query);
  const checked = useGridStore((state) => state.checked);
  const canUndo = useGridStore((state) => state.undoStack.length > 0);
  const canRedo = useGridStore((state) => state.redoStack.length > 0);
  const busy = useGridStore((state) => state.busy);
  const loading = useGridStore((state) => state.loading);
  const [renaming, setRenaming] = useState(false);
  if (!list) return null;
  const store = useGridStore.getState();
  const sortKeys = [
    'sourceRow',
    'telephone',
    'outid',
    'problems',
    ...list.columns.variables.map((n) => `var:${n}`),
  ];

  const run = async <T,>(call: Promise<Answer<T>>, then?: (value: T) => void): Promise<boolean> => {
    const result = await call;
    if (result.ok) then?.(result.value);
    else useGridStore.setState({ error: result.error });
    return result.ok;
  };

  const rename = async (name: string): Promise<void> => {
    if (name !== list.name)
      await run(window.api.lists.rename({ listId: list.id, name }), (next) => {
        useGridStore.setState({ list: next });
        void message.success(t('toolbar.renamed', { name: next.name }));
      });
    setRenaming(false);
  };
  const duplicate = (): void => {
    void run(
      window.api.lists.duplicate({ listId: list.id, name: t('toolbar.duplicateName', { name: list.name }) }),
      (copy) => {
        void message.success(t('toolbar.duplicated', { name: copy.name }));
        window.location.hash = `#/lists/${copy.id}`;
      },
    );
  };
  /** Says what was written (a closed save dialog is no news), offering the folder of a saved file. */
  const announce = (outcome: ExportOutcome): void => {
    if (outcome.status === 'cancelled') return;
    const rows = fmt.plural(outcome.rows, {
      one: t('toolbar.export.rows.one'),
      other: t('toolbar.export.rows'),
    });
    const key = outcome.status === 'saved' ? 'toolbar.exported' : 'toolbar.downloaded';
    void message.success({
      content: (
        <span role="status">
          {t(key, { rows, file: outcome.fileName })}
          {outcome.status === 'saved' && outcome.canReveal && (
            <Button
              type="link"
              size="small"
              icon={<FolderOpenOutlined />}
              onClick={() => void window.api.exports.reveal({ savedId: outcome.savedId })}
            >
              {t('toolbar.reveal')}
            </Button>
          )}
        </span>
      ),
      duration: 6,
    });
  };
  const exportAs = async (format: 'xlsx' | 'csv'): Promise<void> => {
    setExporting(true);
    try {
      await run(window.api.exports.list({ listId: list.id, format }), (outcome) => {
        if (outcome.status === 'download') startDownload(outcome.url, outcome.fileName);
        announce(outcome);
      });
    } finally {
      setExporting(false);
    }
  };
  const deleteRows = async (): Promise<void> => {
    const count = checked.size;
    if (await store.apply([{ kind: 'delete', rowIds: [...checked] }])) {
      store.setChecked(new Set());
      void message.success(t('toolbar.rowsDeleted', { count }));
    }
  };
  const deleteList = async (): Promise<void> => {
    await run(window.api.lists.delete({ listId: list.id }), () => {
      void message.success(t('toolbar.listDeleted', { name: list.name }));
      window.location.hash = '#/lists';
    });
  };
  const addRow = async (): Promise<void> => {
    if (await store.apply([{ kind: 'insert', at: list.rowCount, rows: [{}] }])) {
      store.select({ index: useGridStore.getState().viewIds.length - 1, column: 'telephone' });
    }
  };

  return (
    <div className="list-toolbar" role="toolbar" aria-label={list.name}>
      <Space wrap size={[12, 8]}>
        <Space size={4}>
          <label htmlFor="list-filter">{t('toolbar.filter')}</label>
          <Select<string>
            id="list-filter"
            className="toolbar-select"
            popupMatchSelectWidth={false}
            value={query.problem ?? ''}
            loading={loading}
            onChange={(value) =>
              void store.setQuery({
                ...query,
                problem: (value || undefined) as RowProblemCode | 'any' | undefined,
              })
            }
            options={[
              { value: '', label: t('toolbar.filter.all') },
              { value: 'any', label: t('toolbar.filter.any') },
              ...PROBLEM_CODES.map((code) => ({ value: code, label: ROW_PROBLEMS[code][locale] })),
            ]}
          />
        </Space>
        <Space size={4}>
          <label htmlFor="list-sort">{t('toolbar.sort')}</label>
          <Select<string>
            id="list-sort"
            className="toolbar-select"
            popupMatchSelectWidth={false}
            value={query.sortBy ?? ''}
            loading={loading}
            onChange={(value) => void store.setQuery({ ...query, sortBy: value || undefined })}
            options={[
              { value: '', label: t('toolbar.sort.none') },
              ...sortKeys.map((key) => ({ value: key, label: sortLabel(key, t) })),
            ]}
          />
          <Checkbox
            checked={query.descending === true}
            disabled={!query.sortBy || loading}
            onChange={(e) => void store.setQuery({ ...query, descending: e.target.checked })}
          >
            {t('toolbar.sort.desc')}
          </Checkbox>
        </Space>
        <Space wrap size={6}>
          <Button onClick={() => void addRow()} disabled={busy}>
            {t('toolbar.addRow')}
          </Button>
          <Popconfirm
            title={t('toolbar.deleteRowsTitle')}
            description={t('toolbar.deleteConfirm', { count: checked.size })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => void deleteRows()}
          >
            <Button disabled={busy || checked.size === 0}>
              {t('toolbar.deleteRows', { count: checked.size })}
            </Button>
          </Popconfirm>
          <DncRowsButton disabled={busy} />
          <Button onClick={() => void store.undo()} disabled={busy || !canUndo} aria-keyshortcuts="Control+Z">
            {t('toolbar.undo')}
          </Button>
          <Button onClick={() => void store.redo()} disabled={busy || !canRedo} aria-keyshortcuts="Control+Y">
            {t('toolbar.redo')}
          </Button>
        </Space>
        <Space wrap size={6}>
          <Button
            type="primary"
            onClick={() => useUploadsStore.getState().openDialog({ kind: 'upload', uploadId: null })}
          >
            {t('uploads.open')}
          </Button>
          <Button
            onClick={() => useUploadsStore.getState().openDialog({ kind: 'remove' })}
            disabled={checked.size === 0}
          >
            {t('uploads.remove.open', { count: checked.size })}
          </Button>
          <Button onClick={() => setRenaming(true)}>{t('toolbar.rename')}</Button>
          <Button onClick={duplicate}>{t('toolbar.duplicate')}</Button>
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: t('toolbar.exportXlsx') },
                { key: 'csv', label: t('toolbar.exportCsv') },
              ],
              onClick: ({ key }) => void exportAs(key as 'xlsx' | 'csv'),
            }}
          >
            <Button loading={exporting}>
              {t('toolbar.export')} <DownOutlined />
            </Button>
          </Dropdown>
          <Popconfirm
            title={t('toolbar.deleteListTitle')}
            description={t('toolbar.deleteListConfirm', { name: list.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => void deleteList()}
          >
            <Button danger>{t('toolbar.deleteList')}</Button>
          </Popconfirm>
        </Space>
      </Space>
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
    </div>
  );
}

import { Checkbox, Tooltip } from 'antd';
import {
  useEffect,
  useMemo,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useVirtualRows } from '../../components/useVirtualRows';
import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';
import { CellEditor } from './CellEditor';
import { parseClipboardTable } from './clipboard';
import { cellHasProblem, cellText, gridColumns } from './columns';
import { useGridStore } from './gridStore';
import { pasteEdits } from './pasteEdits';

export const ROW_HEIGHT = 30;
const OVERSCAN = 12;

/**
 * The call-list grid: only the rows in view are in the DOM (100,000 rows scroll like 100),
 * rows are read from main page by page as they come into view, cells are edited in place,
 * ranges pasted from Excel land where the selection is, and Ctrl+Z / Ctrl+Y undo and redo.
 */
export function CallGrid() {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  const { list, viewIds, rows, selected, checked } = useGridStore();
  const { ensureRows, select, apply, undo, redo, toggleChecked, setChecked } = useGridStore.getState();
  const [editing, setEditing] = useState<{ initial: string } | null>(null);
  // The one cell under the pointer whose text is cut off: it gets a Tooltip with the whole text.
  const [truncated, setTruncated] = useState<{ rowId: number; column: string } | null>(null);
  const hover = (rowId: number, column: string) => (event: MouseEvent<HTMLDivElement>) => {
    const cell = event.currentTarget;
    setTruncated(cell.scrollWidth > cell.clientWidth ? { rowId, column } : null);
  };
  const columns = useMemo(() => (list ? gridColumns(list, t) : []), [list, t]);
  const { ref, viewport, first, last, pageRows, onScroll, reveal } = useVirtualRows(
    ROW_HEIGHT,
    viewIds.length,
    OVERSCAN,
    600,
  );

  useEffect(() => {
    void ensureRows(first, last);
  }, [first, last, viewIds, rows, ensureRows]);

  // Keep the selected cell in view (keyboard moves, problems panel jumps), with a row to spare.
  useEffect(() => {
    if (selected) reveal(selected.index, 2);
  }, [selected, reveal]);

  if (!list) return null;
  const columnIndex = selected ? columns.findIndex((column) => column.key === selected.column) : -1;
  const selectedRow = selected ? rows.get(viewIds[selected.index] ?? -1) : undefined;
  const width = 36 + columns.reduce((sum, column) => sum + column.width, 0);

  const move = (rowDelta: number, colDelta: number): void => {
    const from = selected ?? { index: 0, column: 'telephone' };
    const index = Math.min(Math.max(0, from.index + rowDelta), viewIds.length - 1);
    const col = Math.min(
      Math.max(0, columns.findIndex((c) => c.key === from.column) + colDelta),
      columns.length - 1,
    );
    select({ index, column: columns[col]?.key ?? 'telephone' });
  };

  const commit = async (value: string, where: 'down' | 'right' | 'none'): Promise<void> => {
    setEditing(null);
    if (selected && selectedRow && value !== cellText(selectedRow, selected.column, list, locale)) {
      await apply([{ kind: 'set', rowId: selectedRow.id, column: selected.column, value }]);
    }
    if (where === 'down') move(1, 0);
    if (where === 'right') move(0, 1);
    viewport.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (editing) return;
    const mod = event.ctrlKey || event.metaKey;
    const editable = columns[columnIndex]?.editable === true && selectedRow !== undefined;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1, 0),
      ArrowUp: () => move(-1, 0),
      ArrowRight: () => move(0, 1),
      ArrowLeft: () => move(0, -1),
      Tab: () => move(0, event.shiftKey ? -1 : 1),
      PageDown: () => move(pageRows, 0),
      PageUp: () => move(-pageRows, 0),
    };
    if (mod && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      void (event.shiftKey ? redo() : undo());
    } else if (mod && event.key.toLowerCase() === 'y') {
      event.preventDefault();
      void redo();
    } else if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]?.();
    } else if ((event.key === 'Enter' || event.key === 'F2') && editable && selected) {
      event.preventDefault();
      setEditing({ initial: cellText(selectedRow, selected.column, list, locale) });
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && editable && selected) {
      event.preventDefault();
      void apply([{ kind: 'set', rowId: selectedRow.id, column: selected.column, value: '' }]);
    } else if (editable && !mod && !event.altKey && event.key.length === 1) {
      // Typing starts editing with that character, as in Excel (IME input arrives in the editor).
      event.preventDefault();
      setEditing({ initial: event.key });
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>): void => {
    if (editing || !selected) return;
    event.preventDefault();
    const table = parseClipboardTable(event.clipboardData.getData('text/plain'));
    const edits = pasteEdits(table, selected, columns, viewIds, list);
    if (edits.length > 0) void apply(edits);
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>): void => {
    if (editing || !selected || !selectedRow) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', cellText(selectedRow, selected.column, list, locale));
  };

  const shown = viewIds.slice(first, last);
  const allChecked = viewIds.length > 0 && viewIds.every((id) => checked.has(id));

  return (
    <div
      ref={ref}
      className="grid-viewport"
      role="grid"
      aria-label={t('grid.label', { name: list.name })}
      aria-rowcount={viewIds.length + 1}
      aria-colcount={columns.length + 1}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onCopy={onCopy}
    >
      <div className="grid-header" role="row" aria-rowindex={1} style={{ width }}>
        <div className="grid-check" role="columnheader">
          <Checkbox
            aria-label={t('grid.selectAll')}
            checked={allChecked}
            indeterminate={!allChecked && checked.size > 0}
            onChange={() => setChecked(allChecked ? new Set() : new Set(viewIds))}
          />
        </div>
        {columns.map((column) => (
          <div key={column.key} role="columnheader" className="grid-cell" style={{ width: column.width }}>
            {column.label}
          </div>
        ))}
      </div>
      <div className="grid-body" style={{ height: viewIds.length * ROW_HEIGHT, width }}>
        {shown.map((rowId, offset) => {
          const index = first + offset;
          const row = rows.get(rowId);
          return (
            <div
              key={rowId}
              role="row"
              aria-rowindex={index + 2}
              className={`grid-row${row && row.problems.length > 0 ? ' has-problem' : ''}`}
              style={{ top: index * ROW_HEIGHT, width }}
              data-row-id={rowId}
            >
              <div className="grid-check" role="gridcell">
                <Checkbox
                  aria-label={t('grid.select')}
                  checked={checked.has(rowId)}
                  onChange={() => toggleChecked(rowId)}
                />
              </div>
              {columns.map((column) => {
                const isSelected = selected?.index === index && selected.column === column.key;
                const text = row ? cellText(row, column.key, list, locale) : '';
                return (
                  <div
                    key={column.key}
                    role="gridcell"
                    aria-selected={isSelected}
                    aria-readonly={!column.editable || undefined}
                    data-testid={`cell:${column.key}`}
                    className={`grid-cell${isSelected ? ' selected' : ''}${row && cellHasProblem(row, column.key) ? ' problem' : ''}`}
                    style={{ width: column.width }}
                    onMouseEnter={hover(rowId, column.key)}
                    onMouseLeave={() => setTruncated(null)}
                    onMouseDown={() => select({ index, column: column.key })}
                    onDoubleClick={() => column.editable && row && setEditing({ initial: text })}
                  >
                    {isSelected && editing ? (
                      <CellEditor
                        initial={editing.initial}
                        label={column.label}
                        onCommit={(value, where) => void commit(value, where)}
                        onCancel={() => {
                          setEditing(null);
                          viewport.current?.focus();
                        }}
                      />
                    ) : truncated?.rowId === rowId && truncated.column === column.key ? (
                      <Tooltip open title={text} mouseEnterDelay={0}>
                        <span>{text}</span>
                      </Tooltip>
                    ) : (
                      text
                    )}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

import { useEffect } from 'react';
import { useVirtualRows } from '../../components/useVirtualRows';
import { callOutcomeLabel } from '../../../../shared/codes/domain';
import type { CallResult } from '../../../../shared/results';
import { useT } from '../../i18n/useT';
import { useLocalized } from '../tasks/useLocale';
import { Tooltip } from 'antd';
import { useFormat } from '../../i18n/format';
import { clock } from './format';
import { useResultsStore } from './resultsStore';

export const CALL_ROW_HEIGHT = 34;
const OVERSCAN = 10;

/** The row's name: the call-list row's first variable (usually the name), else its outid. */
function rowName(call: CallResult): string {
  return call.row?.variables[0] ?? call.outid ?? '';
}

/** A cell whose text may be cut off by its column: the whole text on hover and focus. */
function Clipped({ text }: { text: string }) {
  if (text === '') return <span role="cell" />;
  return (
    <Tooltip title={text} mouseEnterDelay={0.4}>
      <span role="cell" className="clipped">
        {text}
      </span>
    </Tooltip>
  );
}

/**
 * The calls of the source, newest first: only the rows in view are in the DOM and rows are
 * read from main by page as they scroll in, so a task of 100,000 calls scrolls like 100.
 */
export function CallTable() {
  const t = useT();
  const label = useLocalized();
  const fmt = useFormat();
  const total = useResultsStore((store) => store.total);
  const rows = useResultsStore((store) => store.rows);
  const selectedId = useResultsStore((store) => store.selectedId);
  const { ensureRows, select } = useResultsStore.getState();
  const { ref, first, last, onScroll, reveal } = useVirtualRows(CALL_ROW_HEIGHT, total, OVERSCAN, 400);

  useEffect(() => {
    void ensureRows(first, last);
  }, [first, last, rows, ensureRows]);
  // Keep the selected call in view when the next/previous keys move the selection.
  useEffect(() => {
    if (!selectedId) return;
    for (const [index, call] of rows) if (call.id === selectedId) reveal(index);
  }, [selectedId, rows, reveal]);

  if (total === 0) return <p className="muted results-none">{t('results.none')}</p>;
  const visible: number[] = [];
  for (let i = first; i < last; i++) visible.push(i);
  return (
    <div className="call-table" role="table" aria-label={t('results.table.label')} aria-rowcount={total + 1}>
      <div className="call-row head" role="row">
        {(['time', 'telephone', 'name', 'status', 'intention', 'talk', 'lines'] as const).map((key) => (
          <span key={key} role="columnheader">
            {t(`results.col.${key}`)}
          </span>
        ))}
      </div>
      <div className="call-viewport" ref={ref} role="rowgroup" onScroll={onScroll}>
        <div style={{ height: total * CALL_ROW_HEIGHT }} className="call-spacer">
          {visible.map((index) => {
            const call = rows.get(index);
            return (
              <div
                key={call?.id ?? `pending-${index}`}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={call !== undefined && call.id === selectedId}
                data-callid={call?.id}
                className={`call-row${call && call.id === selectedId ? ' selected' : ''}`}
                style={{ top: index * CALL_ROW_HEIGHT }}
                onClick={() => call && select(call.id)}
              >
                {call ? (
                  <>
                    <span role="cell">{fmt.dateTime(call.startedAt)}</span>
                    <span role="cell">{call.telephone}</span>
                    <Clipped text={rowName(call)} />
                    <span role="cell" className={`call-status call-status-${call.outcome}`}>
                      {label(callOutcomeLabel(call.outcome, call.outcomeCode))}
                    </span>
                    <Clipped text={call.intentions.join(fmt.locale === 'zh-CN' ? '、' : ', ')} />
                    <span role="cell">{clock(call.talkMs)}</span>
                    <span role="cell">{call.utteranceCount}</span>
                  </>
                ) : (
                  <span role="cell" className="muted">
                    …
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

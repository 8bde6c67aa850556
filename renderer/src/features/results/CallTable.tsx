import { useEffect } from 'react';
import { useVirtualRows } from '../../components/useVirtualRows';
import { callOutcomeLabel } from '../../../../shared/codes/domain';
import { codeMeaning, type OutcomeCodes } from '../../../../shared/outcomeGroups';
import type { Localized } from '../../../../shared/locale';
import { useCapabilities } from '../accounts/accountsStore';
import { durationsKnown, linesKnown, type CallResult } from '../../../../shared/results';
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

type Column = 'time' | 'telephone' | 'name' | 'status' | 'code' | 'intention' | 'talk' | 'lines';

/**
 * Column widths: the fixed ones fit their longest value (a zh-CN or English time, an 11-digit
 * number); status and code shrink before anything is cut off the right edge, name and
 * intention take what is left (a CEC table has its code column and still shows every column).
 */
const WIDTH: Record<Column, string> = {
  time: '142px',
  telephone: '104px',
  name: 'minmax(0, 1fr)',
  status: 'minmax(56px, 84px)',
  code: 'minmax(48px, 96px)',
  intention: 'minmax(0, 1fr)',
  talk: '44px',
  lines: '34px',
};

/**
 * The columns for the active provider: its own outcome code beside the status where it has
 * codes (CEC's failCode), the intention only where calls carry intentions.
 */
function columnsFor(intentions: boolean, codes: OutcomeCodes | null): Column[] {
  return [
    'time',
    'telephone',
    'name',
    'status',
    ...(codes ? (['code'] as const) : []),
    ...(intentions ? (['intention'] as const) : []),
    'talk',
    'lines',
  ];
}

/** A cell whose text may be cut off by its column: the whole text (or `title`) on hover and focus. */
function Clipped({ text, title, className }: { text: string; title?: string; className?: string }) {
  if (text === '') return <span role="cell" />;
  return (
    <Tooltip title={title ?? text} mouseEnterDelay={0.4}>
      <span role="cell" className={className ? `clipped ${className}` : 'clipped'}>
        {text}
      </span>
    </Tooltip>
  );
}

/** A value not known yet (CEC, before review): a dash, and in words on hover and to screen readers. */
function Unknown({ why }: { why: string }) {
  return (
    <Tooltip title={why} mouseEnterDelay={0.4}>
      <span role="cell" aria-label={why} className="muted">
        —
      </span>
    </Tooltip>
  );
}

/** The provider's own code as sent, its meaning from the provider's table on hover. */
function CodeCell({ code, meaning }: { code: string; meaning: Localized | null }) {
  const label = useLocalized();
  return <Clipped text={code} title={meaning ? `${code} · ${label(meaning)}` : code} />;
}

/**
 * The calls of the source, newest first: only the rows in view are in the DOM and rows are
 * read from main by page as they scroll in, so a task of 100,000 calls scrolls like 100.
 */
export function CallTable() {
  const t = useT();
  const label = useLocalized();
  const fmt = useFormat();
  const capabilities = useCapabilities();
  const codes = capabilities?.outcomeCodes ?? null;
  const columns = columnsFor(capabilities?.intentions ?? true, codes);
  const gridTemplateColumns = columns.map((c) => WIDTH[c]).join(' ');
  const header = (c: Column): string => (c === 'code' && codes ? label(codes.name) : t(`results.col.${c}`));
  const meaning = (code: string): Localized | null => (codes ? codeMeaning(codes, code) : null);
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
      <div className="call-row head" role="row" style={{ gridTemplateColumns }}>
        {columns.map((key) => (
          <span key={key} role="columnheader" title={header(key)}>
            {header(key)}
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
                style={{ top: index * CALL_ROW_HEIGHT, gridTemplateColumns }}
                onClick={() => call && select(call.id)}
              >
                {call ? (
                  <>
                    <span role="cell">{fmt.dateTime(call.startedAt)}</span>
                    <span role="cell">{call.telephone}</span>
                    <Clipped text={rowName(call)} />
                    <Clipped
                      text={label(callOutcomeLabel(call.outcome, call.outcomeCode))}
                      className={`call-status call-status-${call.outcome}`}
                    />
                    {codes && <CodeCell code={call.outcomeCode} meaning={meaning(call.outcomeCode)} />}
                    {columns.includes('intention') && (
                      <Clipped text={call.intentions.join(fmt.locale === 'zh-CN' ? '、' : ', ')} />
                    )}
                    {durationsKnown(call) ? (
                      <span role="cell">{clock(call.talkMs)}</span>
                    ) : (
                      <Unknown why={t('results.review.talkUnknown')} />
                    )}
                    {linesKnown(call) ? (
                      <span role="cell">{call.utteranceCount}</span>
                    ) : (
                      <Unknown why={t('results.table.linesUnknown')} />
                    )}
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

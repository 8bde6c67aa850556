import { extname } from 'node:path';
import { RESULTS_ERRORS } from '../../../shared/codes/results';
import { callOutcomeLabel } from '../../../shared/codes/domain';
import type { Locale } from '../../../shared/locale';
import { codeMeaning, groupOf, type OutcomeCodes } from '../../../shared/outcomeGroups';
import {
  durationsKnown,
  linesKnown,
  type ResultsFilter,
  type ResultsSource,
  type Speaker,
} from '../../../shared/results';
import { AppFailure } from '../contract/failure';
import type { ColumnKind, ExportCell, ExportColumn } from '../exports/cells';
import { localTime } from '../exports/fileName';
import { writeTable } from '../exports/writeTable';
import type { ResultsReader, StoredReview } from './resultsQuery';

const HEADERS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    callid: '通话ID',
    task: '任务ID',
    outid: '数据ID',
    tel: '电话号码',
    caller: '外显号码',
    status: '拨打结果',
    code: '结果代码',
    group: '结果分类',
    reason: '原因说明',
    intention: '客户意向',
    start: '开始时间',
    answer: '接通时间',
    end: '结束时间',
    call: '呼叫时长(秒)',
    talk: '通话时长(秒)',
    lines: '对话条数',
    url: '录音地址',
    transcript: '对话内容',
    robot: '机器人',
    agent: '坐席',
    customer: '客户',
    none: '无',
  },
  en: {
    callid: 'Call ID',
    task: 'Task ID',
    outid: 'Row ID (outid)',
    tel: 'Telephone',
    caller: 'Caller number',
    status: 'Outcome',
    code: 'Outcome code',
    group: 'Outcome group',
    reason: 'Reason',
    intention: 'Intention',
    start: 'Started',
    answer: 'Answered',
    end: 'Ended',
    call: 'Call time (s)',
    talk: 'Talk time (s)',
    lines: 'Lines',
    url: 'Recording',
    transcript: 'Transcript',
    robot: 'Robot',
    agent: 'Agent',
    customer: 'Customer',
    none: 'None',
  },
};

export { localTime };

export interface ExportResultsInput {
  accountId: string;
  source: ResultsSource;
  filter: ResultsFilter;
  locale: Locale;
  /**
   * The provider's code groups (`capabilities.outcomeCodes`, CEC's failCodes): the code column is
   * then named after the provider's code, followed by its group and what the code means.
   */
  outcomeCodes?: OutcomeCodes | null;
  signal?: AbortSignal;
}

/** The variable names of every list the matching calls joined, in first-seen order. */
function variableNamesOf(reviews: Iterable<StoredReview>): string[] {
  const names: string[] = [];
  for (const { call } of reviews) {
    for (const name of call.row?.variableNames ?? []) if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Writes one row per call — the call-list variables, outcome (and the provider's code, with its
 * group and meaning where the provider groups its codes) and intention in the user's language, times, durations in seconds (numbers), the line count, the recording URL
 * and the transcript as text — to .xlsx or .csv (by extension), through the export writer
 * (atomic; ids and telephones as text that keeps its digits; formulas neutralised in CSV).
 */
export async function exportResults(
  reader: ResultsReader,
  file: string,
  input: ExportResultsInput,
): Promise<{ rows: number }> {
  const format = extname(file).toLowerCase().slice(1);
  if (format !== 'xlsx' && format !== 'csv') {
    throw new AppFailure('results.export_format', RESULTS_ERRORS['results.export_format']);
  }
  const h = HEADERS[input.locale];
  const each = () => reader.each(input.accountId, input.source, input.filter);
  // A first pass over the calls (without transcripts in memory) finds the variable columns.
  const variables = variableNamesOf(each());
  const column = (key: string, kind: ColumnKind): ExportColumn => ({ header: h[key]!, kind });
  const codes = input.outcomeCodes ?? null;
  // With code groups: the raw code under the provider's own name, its group, what it means.
  const codeColumns: ExportColumn[] = codes
    ? [{ header: codes.name[input.locale], kind: 'id' }, column('group', 'text'), column('reason', 'text')]
    : [column('code', 'text')];
  const codeCells = (call: StoredReview['call']): ExportCell[] => {
    if (!codes) return [call.outcomeCode];
    const group = groupOf(codes, call.outcome, call.outcomeCode);
    const meaning = codeMeaning(codes, call.outcomeCode) ?? callOutcomeLabel(call.outcome, call.outcomeCode);
    return [call.outcomeCode, group ? group.label[input.locale] : '', meaning[input.locale]];
  };
  const columns: ExportColumn[] = [
    column('callid', 'id'),
    column('task', 'id'),
    column('outid', 'id'),
    column('tel', 'phone'),
    ...variables.map((header): ExportColumn => ({ header, kind: 'text' })),
    column('caller', 'phone'),
    column('status', 'text'),
    ...codeColumns,
    column('intention', 'text'),
    column('start', 'datetime'),
    column('answer', 'datetime'),
    column('end', 'datetime'),
    column('call', 'duration'),
    column('talk', 'duration'),
    column('lines', 'number'),
    column('url', 'text'),
    column('transcript', 'text'),
  ];
  const speaker = (who: Speaker): string => h[who]!;
  const seconds = (ms: number): number => Math.round(ms / 100) / 10;
  const line = ({ call, lines }: StoredReview, url: string): ExportCell[] => {
    const values = variables.map((name) => {
      const at = call.row?.variableNames.indexOf(name) ?? -1;
      return at >= 0 ? (call.row?.variables[at] ?? '') : '';
    });
    return [
      call.id,
      call.taskId ?? '',
      call.outid ?? '',
      call.telephone,
      ...values,
      call.callerNumber,
      callOutcomeLabel(call.outcome, call.outcomeCode)[input.locale],
      ...codeCells(call),
      call.intentions.length > 0 ? call.intentions.join(input.locale === 'en' ? ', ' : '、') : h.none!,
      localTime(call.startedAt),
      localTime(call.answeredAt),
      localTime(call.endedAt),
      // Not known (CEC, before review looked the times up): an empty cell, not 0.
      durationsKnown(call) ? seconds(call.callMs) : '',
      durationsKnown(call) ? seconds(call.talkMs) : '',
      // Not known either while the transcript is pending (CEC, before review fetched it).
      linesKnown(call) ? call.utteranceCount : '',
      url,
      lines.map((u) => `${speaker(u.speaker)}：${u.text}`).join('\n'),
    ];
  };
  const urlOf = (callId: string): string => {
    const ref = reader.recording(input.accountId, callId);
    return ref ? (ref.kind === 'url' ? ref.url : ref.ref) : '';
  };
  /** A page of calls at a time; the signal is checked between calls. */
  function* pages(): Generator<ExportCell[][]> {
    let page: ExportCell[][] = [];
    for (const review of each()) {
      input.signal?.throwIfAborted();
      page.push(line(review, urlOf(review.call.id)));
      if (page.length === 500) {
        yield page;
        page = [];
      }
    }
    if (page.length) yield page;
  }
  const sheet = input.locale === 'zh-CN' ? '通话结果' : 'Results';
  return writeTable(file, format, { sheet, columns, pages: pages() });
}

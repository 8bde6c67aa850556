import { extname } from 'node:path';
import { RESULTS_ERRORS } from '../../../shared/codes/results';
import { callStatusLabel } from '../../../shared/codes/sobot';
import type { Locale } from '../../../shared/locale';
import type { CallReview, ResultsFilter, ResultsSource } from '../../../shared/results';
import { AppFailure } from '../contract/failure';
import { writeTableFile } from '../tableFile';
import type { ResultsReader } from './resultsQuery';

const HEADERS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    callid: '通话ID',
    task: '任务ID',
    outid: '数据ID',
    tel: '电话号码',
    caller: '外显号码',
    status: '拨打状态',
    intention: '客户意向',
    start: '开始时间',
    answer: '接通时间',
    end: '结束时间',
    call: '呼叫时长(秒)',
    talk: '通话时长(秒)',
    url: '录音地址',
    transcript: '对话内容',
    robot: '机器人',
    customer: '客户',
    none: '无',
  },
  en: {
    callid: 'Call ID',
    task: 'Task ID',
    outid: 'Row ID (outid)',
    tel: 'Telephone',
    caller: 'Caller number',
    status: 'Status',
    intention: 'Intention',
    start: 'Started',
    answer: 'Answered',
    end: 'Ended',
    call: 'Call time (s)',
    talk: 'Talk time (s)',
    url: 'Recording URL',
    transcript: 'Transcript',
    robot: 'Robot',
    customer: 'Customer',
    none: 'None',
  },
};

/** `2025-11-03 14:05:09` in the local time zone (the operator's), or empty. */
export function localTime(ms: number | null): string {
  if (!ms) return '';
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export interface ExportResultsInput {
  accountId: string;
  source: ResultsSource;
  filter: ResultsFilter;
  locale: Locale;
  signal?: AbortSignal;
}

/** The variable names of every list the matching calls joined, in first-seen order. */
function variableNamesOf(reviews: Iterable<CallReview>): string[] {
  const names: string[] = [];
  for (const { call } of reviews) {
    for (const name of call.row?.variableNames ?? []) if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Writes one row per call — the call-list variables, status and intention in the user's
 * language, durations, recording URL and the transcript as text — to .xlsx or .csv (by
 * extension), through a temporary file renamed into place. CSV is UTF-8 with a BOM (Excel reads
 * it as GBK otherwise) and CRLF; every XLSX cell is text so numbers keep their leading zeros.
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
  const headers = [
    h.callid!,
    h.task!,
    h.outid!,
    h.tel!,
    ...variables,
    h.caller!,
    h.status!,
    h.intention!,
    h.start!,
    h.answer!,
    h.end!,
    h.call!,
    h.talk!,
    h.url!,
    h.transcript!,
  ];
  const line = ({ call, utterances }: CallReview, url: string): string[] => {
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
      callStatusLabel(call.status)[input.locale],
      call.intentions.length > 0 ? call.intentions.join(input.locale === 'en' ? ', ' : '、') : h.none!,
      localTime(call.startedAt),
      localTime(call.answeredAt),
      localTime(call.endedAt),
      (call.callMs / 1000).toFixed(1),
      (call.talkMs / 1000).toFixed(1),
      url,
      utterances.map((u) => `${u.speaker === 'robot' ? h.robot : h.customer}：${u.text}`).join('\n'),
    ];
  };
  const urlOf = (callId: string): string => reader.voiceUrl(input.accountId, callId) ?? '';
  /** One row per call; the signal is checked between calls. */
  function* pages(): Generator<string[][]> {
    for (const review of each()) {
      input.signal?.throwIfAborted();
      yield [line(review, urlOf(review.call.id))];
    }
  }
  return writeTableFile(file, format, { sheet: 'Results', headers, pages: pages() });
}

import { resolve } from 'node:path';
import { callOutcomeLabel } from '../../../shared/codes/domain';
import { format, type Localized } from '../../../shared/locale';
import {
  CALL_OUTCOMES,
  type CallOutcome,
  type ResultsFilter,
  type SyncProgress,
} from '../../../shared/results';
import { exportResults, localTime } from '../../services/results/export';
import type { ResultsFeature } from '../../services/results/feature';
import { parseCommandArgs, stringOption, UsageError, type OptionSpec } from '../args';
import type { CliCommand, CliContext } from '../command';
import { reportFailure } from '../failure';
import { emit, progressLine } from '../output';

const TEXT = {
  synced: {
    'zh-CN': '任务 {task}：新增 {added} 通，更新 {updated} 通（{pages} 页）',
    en: 'Task {task}: {added} new, {updated} updated ({pages} pages)',
  },
  cancelled: {
    'zh-CN': '已中断：已保存 {added} 通，下次同步从中断处继续',
    en: 'Interrupted: {added} calls saved; the next sync resumes from there',
  },
  progress: { 'zh-CN': '第 {page}/{pages} 页', en: 'page {page}/{pages}' },
  none: { 'zh-CN': '该任务还没有已同步的通话', en: 'No synced calls for this task yet' },
  recalled: {
    'zh-CN':
      '已新建名单“{name}”（#{id}）：{rows} 个号码，来自 {calls} 通通话（隐藏号码 {hidden} 个、重复 {repeated} 个未加入）',
    en: 'Made call list “{name}” (#{id}): {rows} numbers from {calls} calls ({hidden} hidden and {repeated} repeated left out)',
  },
  exported: { 'zh-CN': '已导出 {rows} 通到 {file}', en: 'Exported {rows} calls to {file}' },
} satisfies Record<string, Localized>;

/** What a results command does for one TASK_ID over an open results feature. */
type TaskRun = (
  results: ResultsFeature,
  taskId: string,
  values: Record<string, string | boolean | string[] | undefined>,
  ctx: CliContext,
) => Promise<number>;

/** A results command over an open results feature (the CLI opens the data folder's; tests pass theirs). */
export type ResultsRunner = (
  results: ResultsFeature | (() => ResultsFeature),
  args: readonly string[],
  ctx: CliContext,
) => Promise<number>;

/** Parses `TASK_ID [options]` strictly, runs `body` and reports its failure in the user's language. */
function onTask(options: OptionSpec, body: TaskRun, required: readonly string[] = []): ResultsRunner {
  return async (results, args, ctx) => {
    // A wrong command line opens nothing: the feature is made only after the arguments parse.
    const parsed = parseCommandArgs(args, options, ['TASK_ID']);
    for (const name of required)
      if (!stringOption(parsed, name)) throw new UsageError('missingArgument', { name: `--${name}` });
    try {
      const feature = typeof results === 'function' ? results() : results;
      return await body(feature, parsed.positionals[0]!, parsed.values, ctx);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return reportFailure(ctx, error);
    }
  };
}

/** A command taking one TASK_ID over the data folder's results feature. */
function taskCommand(
  name: string,
  usage: string,
  summary: Localized,
  run: ResultsRunner,
  help?: readonly Localized[],
): CliCommand {
  return {
    name,
    usage,
    summary,
    ...(help ? { help } : {}),
    run: (args, ctx) => run(() => ctx.core().results, args, ctx),
  };
}

/** `sync TASK_ID` over a results feature (exported for tests); Ctrl-C cancels, the next run resumes. */
export const runSync: ResultsRunner = onTask({}, async (results, taskId, _values, ctx) => {
  void ctx.interrupted.then(() => results.cancel(taskId));
  const line = progressLine(ctx);
  const report = await results
    .sync(taskId, {
      onProgress: (p: SyncProgress) => {
        if (p.phase === 'running' && p.page > 0)
          line.update(format(TEXT.progress[ctx.locale], { page: p.page, pages: p.pageCount }));
      },
    })
    .finally(() => line.done());
  const key = report.complete ? 'synced' : 'cancelled';
  const { added, updated, pages } = report;
  emit(ctx, report, format(TEXT[key][ctx.locale], { task: taskId, added, updated, pages }));
  return report.complete ? 0 : 1;
});

/** `campaign-desk sync TASK_ID`: pulls the task's new results (Ctrl-C cancels; the next run resumes). */
export const syncCommand = taskCommand(
  'sync',
  'sync TASK_ID',
  { 'zh-CN': '同步任务的通话结果（增量）', en: 'pull a task’s call results (incremental)' },
  runSync,
  [
    {
      'zh-CN': 'Ctrl-C 取消；下次同步从中断处继续',
      en: 'Ctrl-C cancels; the next sync resumes where it stopped',
    },
  ],
);

/** The calls a `results` command picks: `--status a,b` (neutral outcomes) and `--customer`. */
function filterOf(values: Record<string, string | boolean | string[] | undefined>): ResultsFilter {
  const filter: ResultsFilter = {};
  const status = typeof values.status === 'string' ? values.status : undefined;
  if (status !== undefined) {
    const outcomes = status.split(/[,，\s]+/).filter(Boolean);
    for (const outcome of outcomes)
      if (!(CALL_OUTCOMES as readonly string[]).includes(outcome))
        throw new UsageError('badValue', { option: '--status', value: outcome });
    filter.outcomes = outcomes as CallOutcome[];
  }
  if (typeof values.customer === 'string') filter.customer = values.customer;
  return filter;
}

/**
 * `results TASK_ID [--status …] [--customer …] [--to-list NAME] [--transcripts]` over a results
 * feature (exported for tests): the synced calls, newest first; with `--to-list`, "call these
 * again": a new call list of those customers; with `--transcripts`, each call's lines (those
 * that come on their own, CEC quality inspection, fetched now).
 */
export const runResults: ResultsRunner = onTask(
  {
    status: { type: 'string' },
    customer: { type: 'string' },
    'to-list': { type: 'string' },
    transcripts: { type: 'boolean' },
  },
  async (results, taskId, values, ctx) => {
    const source = { kind: 'task', taskId } as const;
    const filter = filterOf(values);
    const listName = typeof values['to-list'] === 'string' ? values['to-list'] : undefined;
    if (listName !== undefined) {
      const report = results.toList({ taskId, filter, name: listName });
      const { list, calls, rows, hidden, repeated } = report;
      emit(
        ctx,
        { ...report, list: { id: list.id, name: list.name, rowCount: list.rowCount } },
        format(TEXT.recalled[ctx.locale], { name: list.name, id: list.id, rows, calls, hidden, repeated }),
      );
      return 0;
    }
    const fetch = values['transcripts'] === true;
    const calls = [];
    for (const r of [...results.reader.each(results.accountId, source, filter)]) {
      const review = fetch ? await results.review(r.call.id) : results.call(r.call.id);
      calls.push({ ...r.call, transcript: review.transcript, utterances: review.utterances });
    }
    const counts = results.counts(source, filter);
    const human = calls
      .map((c) =>
        [
          c.id,
          localTime(c.startedAt),
          c.telephone,
          callOutcomeLabel(c.outcome, c.outcomeCode)[ctx.locale],
          c.intentions.join(ctx.locale === 'zh-CN' ? '、' : ', '),
          `${Math.round(c.talkMs / 1000)}s`,
        ].join('\t'),
      )
      .join('\n');
    const lines = fetch
      ? calls.map((c) => [c.id, ...c.utterances.map((u) => `  [${u.speaker}] ${u.text}`)].join('\n'))
      : [];
    emit(ctx, { taskId, counts, calls }, [human || TEXT.none[ctx.locale], ...lines].join('\n'));
    return 0;
  },
);

/** `campaign-desk results TASK_ID`: the task's synced calls, newest first. */
export const resultsCommand = taskCommand(
  'results',
  'results TASK_ID [--status OUTCOME,…] [--customer TEXT] [--to-list NAME] [--transcripts]',
  {
    'zh-CN': '列出任务已同步的通话，或用它们新建名单（再打一遍）',
    en: 'list a task’s synced calls, or make a call list of them (call these again)',
  },
  runResults,
  [
    {
      'zh-CN': `--status 结果,…    只要这些结果：${CALL_OUTCOMES.join(', ')}`,
      en: `--status OUTCOME,…  only these outcomes: ${CALL_OUTCOMES.join(', ')}`,
    },
    {
      'zh-CN': '--customer 文本     按客户查找：完整号码、后 4 位或名单变量开头（如姓名）',
      en: '--customer TEXT     find a customer: the whole number, its last 4 digits or the start of a list variable (a name)',
    },
    {
      'zh-CN': '--to-list 名称      用这些通话的客户新建名单（每个号码一行，带原变量，关联本任务）',
      en: '--to-list NAME      make a call list of these customers (one row per number, original variables, linked to the task)',
    },
    {
      'zh-CN': '--transcripts       同时列出对话文本（华为 CEC：从质检服务获取尚未取得的文本）',
      en: '--transcripts       with each call’s transcript (Huawei CEC: fetched from quality inspection when not yet stored)',
    },
  ],
);

/** `export-results TASK_ID --out FILE` over a results feature (exported for tests). */
export const runExportResults: ResultsRunner = onTask(
  { out: { type: 'string' } },
  async (results, taskId, values, ctx) => {
    const out = stringOption({ values, positionals: [] }, 'out')!;
    const file = resolve(out);
    const { rows } = await exportResults(results.reader, file, {
      accountId: results.accountId,
      source: { kind: 'task', taskId },
      filter: {},
      locale: ctx.locale,
      outcomeCodes: results.outcomeCodes,
    });
    emit(ctx, { taskId, file, rows }, format(TEXT.exported[ctx.locale], { rows, file }));
    return 0;
  },
  ['out'],
);

/** `campaign-desk export-results TASK_ID --out FILE`: the task's calls as .xlsx or .csv. */
export const exportResultsCommand = taskCommand(
  'export-results',
  'export-results TASK_ID --out FILE',
  { 'zh-CN': '把任务的通话结果导出为 .xlsx 或 .csv', en: 'export a task’s call results to .xlsx or .csv' },
  runExportResults,
  [{ 'zh-CN': '--out 文件   .xlsx 或 .csv（按扩展名）', en: '--out FILE  .xlsx or .csv (by extension)' }],
);

import { resolve } from 'node:path';
import { callStatusLabel } from '../../../shared/codes/sobot';
import { format, type Localized } from '../../../shared/locale';
import type { SyncProgress } from '../../../shared/results';
import { createNodeAccounts } from '../../services/core/hostServices';
import { openListServices } from '../../services/lists/index';
import { describeSobotError } from '../../services/sobot/index';
import { ResultsFeature } from '../../services/results/feature';
import { exportResults, localTime } from '../../services/results/export';
import { createDataDirMediaProxy } from '../../services/tasks/create';
import { describeError } from '../../services/contract/failure';
import { optionValue } from '../args';
import type { CliCommand, CliContext } from '../command';
import { emit, emitError, emitUsage } from '../output';
import { positionals } from './import';

const TEXT = {
  syncUsage: { 'zh-CN': '用法：campaign-desk sync 任务ID', en: 'usage: campaign-desk sync TASK_ID' },
  resultsUsage: { 'zh-CN': '用法：campaign-desk results 任务ID', en: 'usage: campaign-desk results TASK_ID' },
  exportUsage: {
    'zh-CN': '用法：campaign-desk export-results 任务ID --out 文件.xlsx|文件.csv',
    en: 'usage: campaign-desk export-results TASK_ID --out FILE.xlsx|FILE.csv',
  },
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
  exported: { 'zh-CN': '已导出 {rows} 通到 {file}', en: 'Exported {rows} calls to {file}' },
} satisfies Record<string, Localized>;

/** Opens the results feature over the data folder the way the app does; `close` releases it. */
function openResults(ctx: CliContext) {
  const { accounts, sandbox } = createNodeAccounts(ctx.dataDir);
  const services = openListServices(ctx.dataDir);
  const results = new ResultsFeature({
    db: services.db,
    dataDir: ctx.dataDir,
    accounts,
    lists: services.store,
    media: createDataDirMediaProxy(ctx.dataDir),
    locale: () => ctx.locale,
  });
  return {
    results,
    close: async () => {
      await results.close();
      services.close();
      await sandbox.close();
    },
  };
}

function failed(ctx: CliContext, error: unknown): number {
  return emitError(ctx, describeError(error, ctx.locale, [describeSobotError]));
}

/** What a results command does for one TASK_ID over an open results feature. */
type TaskRun = (
  results: ResultsFeature,
  taskId: string,
  args: readonly string[],
  ctx: CliContext,
) => Promise<number>;

/** A results command over an open results feature (the CLI opens the data folder's; tests pass theirs). */
export type ResultsRunner = (
  results: ResultsFeature,
  args: readonly string[],
  ctx: CliContext,
) => Promise<number>;

const taskIdOf = (args: readonly string[]): string | undefined => positionals(args, ['--out'])[0];

/** Checks the TASK_ID, runs `body` and reports its failure in the user's language. */
function onTask(usageText: Localized, body: TaskRun): ResultsRunner {
  return async (results, args, ctx) => {
    const taskId = taskIdOf(args);
    if (!taskId) return emitUsage(ctx, usageText[ctx.locale]);
    try {
      return await body(results, taskId, args, ctx);
    } catch (error) {
      return failed(ctx, error);
    }
  };
}

/** A command taking one TASK_ID over the data folder's results feature. */
function taskCommand(
  name: string,
  usage: string,
  summary: Localized,
  usageText: Localized,
  run: ResultsRunner,
): CliCommand {
  return {
    name,
    usage,
    summary,
    async run(args, ctx) {
      // A wrong command line opens nothing.
      if (!taskIdOf(args)) return emitUsage(ctx, usageText[ctx.locale]);
      const opened = openResults(ctx);
      try {
        return await run(opened.results, args, ctx);
      } finally {
        await opened.close();
      }
    },
  };
}

/** `sync TASK_ID` over a results feature (exported for tests); Ctrl-C cancels, the next run resumes. */
export const runSync: ResultsRunner = onTask(TEXT.syncUsage, async (results, taskId, _args, ctx) => {
  void ctx.interrupted.then(() => results.cancel(taskId));
  const report = await results.sync(taskId, {
    onProgress: (p: SyncProgress) => {
      if (!ctx.json && p.phase === 'running' && p.page > 0) {
        ctx.stderr.write(`${format(TEXT.progress[ctx.locale], { page: p.page, pages: p.pageCount })}\r`);
      }
    },
  });
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
  TEXT.syncUsage,
  runSync,
);

/** `results TASK_ID` over a results feature (exported for tests): the synced calls, newest first. */
export const runResults: ResultsRunner = onTask(TEXT.resultsUsage, (results, taskId, _args, ctx) => {
  const source = { kind: 'task', taskId } as const;
  const counts = results.counts(source, {});
  const calls = [...results.reader.each(results.accountId, source, {})].map((r) => ({
    ...r.call,
    utterances: r.utterances,
  }));
  const human = calls
    .map((c) =>
      [
        c.id,
        localTime(c.startedAt),
        c.telephone,
        callStatusLabel(c.status)[ctx.locale],
        c.intentions.join(ctx.locale === 'zh-CN' ? '、' : ', '),
        `${Math.round(c.talkMs / 1000)}s`,
      ].join('\t'),
    )
    .join('\n');
  emit(ctx, { taskId, counts, calls }, human || TEXT.none[ctx.locale]);
  return Promise.resolve(0);
});

/** `campaign-desk results TASK_ID`: the task's synced calls, newest first. */
export const resultsCommand = taskCommand(
  'results',
  'results TASK_ID',
  { 'zh-CN': '列出任务已同步的通话', en: 'list a task’s synced calls' },
  TEXT.resultsUsage,
  runResults,
);

/** `export-results TASK_ID --out FILE` over a results feature (exported for tests). */
export const runExportResults: ResultsRunner = onTask(
  TEXT.exportUsage,
  async (results, taskId, args, ctx) => {
    const out = optionValue(args, '--out');
    if (!out) return emitUsage(ctx, TEXT.exportUsage[ctx.locale]);
    const file = resolve(out);
    const { rows } = await exportResults(results.reader, file, {
      accountId: results.accountId,
      source: { kind: 'task', taskId },
      filter: {},
      locale: ctx.locale,
    });
    emit(ctx, { taskId, file, rows }, format(TEXT.exported[ctx.locale], { rows, file }));
    return 0;
  },
);

/** `campaign-desk export-results TASK_ID --out FILE`: the task's calls as .xlsx or .csv. */
export const exportResultsCommand = taskCommand(
  'export-results',
  'export-results TASK_ID --out FILE',
  { 'zh-CN': '把任务的通话结果导出为 .xlsx 或 .csv', en: 'export a task’s call results to .xlsx or .csv' },
  TEXT.exportUsage,
  runExportResults,
);

import { excludedProblemLabel } from '../../../shared/codes/uploads';
import { format, type Locale, type Localized } from '../../../shared/locale';
import type { ExcludedProblem, UploadPlan, UploadProgress, UploadSummary } from '../../../shared/uploads';
import type { UploadHandle, UploadService } from '../../services/uploads';
import { parseCommandArgs, positiveInteger, stringOption, UsageError } from '../args';
import type { CliCommand, CliContext } from '../command';
import { reportFailure } from '../failure';
import { emit, progressLine } from '../output';

const USAGE =
  'upload LIST_ID --task TASK_ID [--via data|file] [--send-numbers-on-task] [--resend-uncertain | --skip-uncertain]';

const TEXT = {
  plan: {
    'zh-CN':
      '名单 #{list}“{name}”→ 任务 {task}：将上传 {send} 行，排除 {excluded} 行，{repeated} 行已在任务中',
    en: 'List #{list} “{name}” → task {task}: {send} rows to upload, {excluded} excluded, {repeated} already in the task',
  },
  numberOnTask: {
    'zh-CN': '{rows} 行的号码已在该任务中（{uploaded} 个由其他名单上传，{dialled} 个已拨打过）：{what}',
    en: '{rows} rows have a number already in the task ({uploaded} uploaded from another list, {dialled} dialled): {what}',
  },
  skipped: {
    'zh-CN': '已跳过；确需再打请加 --send-numbers-on-task',
    en: 'skipped; add --send-numbers-on-task to call them again',
  },
  sendingAnyway: { 'zh-CN': '按要求仍然上传', en: 'sent anyway, as asked' },
  flaggedRow: { 'zh-CN': '  第 {row} 行 {telephone}：{why}', en: '  row {row} {telephone}: {why}' },
  whyUploaded: { 'zh-CN': '已由名单“{list}”上传', en: 'uploaded from list “{list}”' },
  whyDialled: { 'zh-CN': '该任务已拨打过', en: 'already dialled in this task' },
  whyDnc: { 'zh-CN': '在免打扰名单中{reason}', en: 'on the do-not-call list{reason}' },
  resuming: { 'zh-CN': '继续未完成的上传 #{id}', en: 'Resuming unfinished upload #{id}' },
  progress: {
    'zh-CN': '已处理 {done}/{total} 行（接受 {accepted}，失败 {rejected}），{batches} 批，{rate} 行/秒',
    en: '{done}/{total} rows answered ({accepted} accepted, {rejected} failed), {batches} batches, {rate} rows/s',
  },
  reconciling: {
    'zh-CN': '正在向外呼平台核对上次中断时发出的行……',
    en: 'Checking with the provider the rows sent when the last run stopped…',
  },
  outcome: {
    'zh-CN':
      '上传 #{id}：{state}。发送 {sent}，成功 {accepted}，重复 {repeated}，被过滤 {filtered}，失败 {failed}',
    en: 'Upload #{id}: {state}. Sent {sent}, accepted {accepted}, repeated {repeated}, filtered {filtered}, failed {failed}',
  },
  paused: {
    'zh-CN': '已暂停：再次运行同一命令即可继续',
    en: 'Paused: run the same command again to resume',
  },
  uncertain: {
    'zh-CN':
      '{rows} 行发出后没有收到答复，外呼平台也无法查询它们是否已在任务中。请选择：加 --resend-uncertain 重发，或加 --skip-uncertain 不再发送',
    en: '{rows} rows got no answer after sending, and the provider cannot tell whether they are on the task. Choose: --resend-uncertain to send them again, or --skip-uncertain to leave them',
  },
  uncertainRow: { 'zh-CN': '  {outid} {telephone}', en: '  {outid} {telephone}' },
  noUncertain: {
    'zh-CN': '该名单上传到此任务时没有结果不明的行',
    en: 'No upload of this list into this task has rows whose outcome is unknown',
  },
  skippedUncertain: {
    'zh-CN': '上传 #{id}：{rows} 行结果不明的行不再发送',
    en: 'Upload #{id}: {rows} rows of unknown outcome left unsent',
  },
  nothingLeft: {
    'zh-CN': '没有需要上传的行：名单中可发送的行都已在任务中。',
    en: 'Nothing left to upload: every row that can be sent is on the task already.',
  },
} satisfies Record<string, Localized>;

const STATE_WORDS: Record<UploadSummary['state'], Localized> = {
  running: { 'zh-CN': '进行中', en: 'running' },
  paused: { 'zh-CN': '已暂停', en: 'paused' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
  done: { 'zh-CN': '已完成', en: 'done' },
  failed: { 'zh-CN': '失败', en: 'failed' },
};

const say = (locale: Locale, key: keyof typeof TEXT, params?: Record<string, string | number>): string =>
  format(TEXT[key][locale], params);

function planLines(plan: UploadPlan, locale: Locale): string[] {
  const lines = [
    say(locale, 'plan', {
      list: plan.listId,
      name: plan.listName,
      task: plan.taskId,
      send: plan.toSend,
      excluded: plan.excluded.rows,
      repeated: plan.alreadyOnTask,
    }),
  ];
  for (const [code, n] of Object.entries(plan.excluded.byProblem))
    lines.push(`  ${excludedProblemLabel(code as ExcludedProblem, locale, plan.rowLimits)}: ${n}`);
  const { numberOnTask } = plan;
  if (numberOnTask.rows > 0)
    lines.push(
      say(locale, 'numberOnTask', {
        rows: numberOnTask.rows,
        uploaded: numberOnTask.uploaded,
        dialled: numberOnTask.dialled,
        what: say(locale, numberOnTask.sendAnyway ? 'sendingAnyway' : 'skipped'),
      }),
    );
  for (const row of plan.flagged.slice(0, 20)) {
    const why =
      row.why.kind === 'uploaded'
        ? say(locale, 'whyUploaded', { list: row.why.listName })
        : row.why.kind === 'dialled'
          ? say(locale, 'whyDialled')
          : say(locale, 'whyDnc', { reason: row.why.reason ? `（${row.why.reason}）` : '' });
    lines.push(say(locale, 'flaggedRow', { row: row.position + 1, telephone: row.telephone, why }));
  }
  if (plan.flagged.length > 20) lines.push(`  …`);
  return lines;
}

/** Progress on stderr: redrawn in place on a terminal (see progressLine); phase changes said once. */
function progressPrinter(ctx: CliContext): { onProgress: (p: UploadProgress) => void; done: () => void } {
  const line = progressLine(ctx);
  let lastPhase = '';
  return {
    onProgress: (p) => {
      if (p.phase === 'reconciling' && lastPhase !== 'reconciling')
        line.update(say(ctx.locale, 'reconciling'), true);
      lastPhase = p.phase;
      if (p.phase !== 'sending') return;
      const { done, total, accepted, rejected, batchesDone: batches, rowsPerSecond: rate } = p;
      line.update(say(ctx.locale, 'progress', { done, total, accepted, rejected, batches, rate }));
    },
    done: () => line.done(),
  };
}

/**
 * `campaign-desk upload …` over an upload service (exported for tests): starts the upload, or
 * resumes the unfinished one of this list into this task (after a crash or Ctrl-C). Ctrl-C
 * pauses after the batch in flight. Exit codes: 0 done, 1 failed or cancelled, 2 usage,
 * 130 paused by Ctrl-C.
 */
export async function runUpload(
  service: UploadService | (() => UploadService),
  args: readonly string[],
  ctx: CliContext,
): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      task: { type: 'string' },
      via: { type: 'string' },
      'send-numbers-on-task': { type: 'boolean' },
      'resend-uncertain': { type: 'boolean' },
      'skip-uncertain': { type: 'boolean' },
    },
    ['LIST_ID'],
  );
  const resend = parsed.values['resend-uncertain'] === true;
  const skip = parsed.values['skip-uncertain'] === true;
  if (resend && skip)
    throw new UsageError('badValue', { option: '--skip-uncertain', value: '--resend-uncertain' });
  const sendNumbersOnTask = parsed.values['send-numbers-on-task'] === true;
  const listId = positiveInteger(parsed.positionals[0], 'LIST_ID');
  const taskId = stringOption(parsed, 'task');
  if (!taskId) throw new UsageError('missingArgument', { name: '--task' });
  const viaOption = stringOption(parsed, 'via');
  const via = viaOption ?? 'data';
  if (via !== 'data' && via !== 'file') throw new UsageError('badValue', { option: '--via', value: via });
  const uploads = typeof service === 'function' ? service() : service;
  if (resend || skip) {
    const target = uploads.forTask(taskId).find((u) => u.listId === listId && u.rows.uncertain > 0);
    if (!target) {
      emit(ctx, { upload: null }, say(ctx.locale, 'noUncertain'));
      return 1;
    }
    if (skip) {
      const rows = target.rows.uncertain;
      const summary = uploads.skipUncertain(target.id);
      emit(ctx, { upload: summary }, say(ctx.locale, 'skippedUncertain', { id: summary.id, rows }));
      return 0;
    }
    const printer = ctx.json ? null : progressPrinter(ctx);
    const handle = await uploads.resendUncertain(
      target.id,
      printer ? { onProgress: printer.onProgress } : {},
    );
    return finishRun(uploads, handle, ctx, null, printer);
  }
  const plan = await uploads.plan({ listId, taskId, via, sendNumbersOnTask });
  if (!ctx.json) ctx.stderr.write(`${planLines(plan, ctx.locale).join('\n')}\n`);
  if (plan.unfinishedUploadId === null && plan.toSend === 0 && plan.alreadyOnTask > 0) {
    // Run again after it finished: nothing is wrong, there is simply nothing left.
    emit(ctx, { plan, upload: null }, say(ctx.locale, 'nothingLeft'));
    return 0;
  }
  const printer = ctx.json ? null : progressPrinter(ctx);
  const options = printer ? { onProgress: printer.onProgress } : {};
  let handle;
  if (plan.unfinishedUploadId !== null) {
    if (!ctx.json) ctx.stderr.write(`${say(ctx.locale, 'resuming', { id: plan.unfinishedUploadId })}\n`);
    // Keep the way the upload was started unless --via asks for the other one.
    handle = await uploads.resume(plan.unfinishedUploadId, {
      ...options,
      ...(viaOption ? { via: plan.via } : {}),
    });
  } else handle = await uploads.start({ listId, taskId, via: plan.via, sendNumbersOnTask }, options);
  return finishRun(uploads, handle, ctx, plan, printer);
}

/** Waits for a run, prints its outcome and the rows left uncertain; answers the exit code. */
async function finishRun(
  uploads: UploadService,
  handle: UploadHandle,
  ctx: CliContext,
  plan: UploadPlan | null,
  printer: { done: () => void } | null,
): Promise<number> {
  let interrupted = false;
  void ctx.interrupted.then(() => {
    interrupted = true;
    handle.pause();
  });
  const summary = await handle.done;
  printer?.done();
  const o = summary.outcome;
  const lines = [
    say(ctx.locale, 'outcome', {
      id: summary.id,
      state: STATE_WORDS[summary.state][ctx.locale],
      ...o,
    }),
  ];
  if (summary.error) lines.push(`${summary.error.message[ctx.locale]} [${summary.error.code}]`);
  if (summary.state === 'paused') lines.push(say(ctx.locale, 'paused'));
  const uncertain = summary.rows.uncertain;
  if (uncertain > 0) {
    lines.push(say(ctx.locale, 'uncertain', { rows: uncertain }));
    for (const row of uploads.rows(summary.id, { states: ['uncertain'], limit: 20 }))
      lines.push(say(ctx.locale, 'uncertainRow', { outid: row.outid, telephone: row.telephone }));
    if (uncertain > 20) lines.push('  …');
  }
  emit(ctx, { plan, upload: summary }, lines.join('\n'));
  if (uncertain > 0) return 1;
  if (summary.state === 'done') return 0;
  return summary.state === 'paused' && interrupted ? 130 : 1;
}

/** `campaign-desk upload LIST_ID --task TASK_ID [--via data|file]` for the active account. */
export const uploadCommand: CliCommand = {
  name: 'upload',
  usage: USAGE,
  summary: {
    'zh-CN': '把名单上传到外呼任务（可中断后继续）',
    en: 'upload a call list into a task (resumable after an interruption)',
  },
  help: [
    { 'zh-CN': '--task 任务ID       目标任务', en: '--task TASK_ID      the task to upload into' },
    {
      'zh-CN': '--via data|file    分批上传（默认）或一次上传一个工作簿',
      en: '--via data|file     in batches (default) or as one workbook',
    },
    {
      'zh-CN':
        '--send-numbers-on-task  号码已在任务中（其他名单上传过或已拨打过）的行也上传；免打扰号码始终不上传',
      en: '--send-numbers-on-task  also send rows whose number is already in the task (another list, or dialled); do-not-call numbers never go',
    },
    {
      'zh-CN':
        '--resend-uncertain | --skip-uncertain  发出后没有答复、平台又无法查询的行（华为 CEC）：重发，或不再发送',
      en: '--resend-uncertain | --skip-uncertain  rows that got no answer and the provider cannot look up (Huawei CEC): send again, or leave them',
    },
    {
      'zh-CN': 'Ctrl-C 在当前批次后暂停；再次运行同一命令继续',
      en: 'Ctrl-C pauses after the batch in flight; run the same command again to resume',
    },
  ],
  async run(args, ctx) {
    try {
      return await runUpload(() => ctx.core().uploads, args, ctx);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return reportFailure(ctx, error);
    }
  },
};

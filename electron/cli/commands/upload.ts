import { ROW_PROBLEMS, type RowProblemCode } from '../../../shared/callList';
import { format, type Locale, type Localized } from '../../../shared/locale';
import type { UploadPlan, UploadProgress, UploadSummary, UploadVia } from '../../../shared/uploads';
import { describeError } from '../../services/contract/failure';
import { createNodeAccounts } from '../../services/core/hostServices';
import { openListServices } from '../../services/lists';
import { describeProviderError } from '../../services/providers/registry';
import { createUploadService, type UploadService } from '../../services/uploads';
import { optionValue } from '../args';
import type { CliCommand, CliContext } from '../command';
import { emit, emitError } from '../output';
import { positionals } from './import';

const USAGE = 'upload LIST_ID --task TASK_ID [--via data|file]';

const TEXT = {
  usage: { 'zh-CN': `用法：campaign-desk ${USAGE}`, en: `Usage: campaign-desk ${USAGE}` },
  plan: {
    'zh-CN':
      '名单 #{list}“{name}”→ 任务 {task}：将上传 {send} 行，排除 {excluded} 行，{repeated} 行已在任务中',
    en: 'List #{list} “{name}” → task {task}: {send} rows to upload, {excluded} excluded, {repeated} already in the task',
  },
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
    lines.push(`  ${ROW_PROBLEMS[code as RowProblemCode][locale]}: ${n}`);
  return lines;
}

/** Progress on stderr, at most twice a second (plus phase changes), so logs stay readable. */
function progressPrinter(ctx: CliContext): (p: UploadProgress) => void {
  let lastAt = 0;
  let lastPhase = '';
  return (p) => {
    if (p.phase === 'reconciling' && lastPhase !== 'reconciling')
      ctx.stderr.write(`${say(ctx.locale, 'reconciling')}\n`);
    lastPhase = p.phase;
    const now = Date.now();
    if (p.phase !== 'sending' || now - lastAt < 500) return;
    lastAt = now;
    const { done, total, accepted, rejected, batchesDone: batches, rowsPerSecond: rate } = p;
    ctx.stderr.write(`${say(ctx.locale, 'progress', { done, total, accepted, rejected, batches, rate })}\n`);
  };
}

/**
 * `campaign-desk upload …` over an upload service (exported for tests): starts the upload, or
 * resumes the unfinished one of this list into this task (after a crash or Ctrl-C). Ctrl-C
 * pauses after the batch in flight. Exit codes: 0 done, 1 failed or cancelled, 2 usage,
 * 130 paused by Ctrl-C.
 */
export async function runUpload(
  uploads: UploadService,
  args: readonly string[],
  ctx: CliContext,
): Promise<number> {
  const [listArg] = positionals(args, ['--task', '--via']);
  const taskId = optionValue(args, '--task');
  const viaOption = optionValue(args, '--via');
  const via = viaOption ?? 'data';
  const listId = Number(listArg);
  if (!Number.isInteger(listId) || !taskId || (via !== 'data' && via !== 'file')) {
    ctx.stderr.write(`${say(ctx.locale, 'usage')}\n`);
    return 2;
  }
  const plan = await uploads.plan({ listId, taskId, via: via as UploadVia });
  if (!ctx.json) ctx.stderr.write(`${planLines(plan, ctx.locale).join('\n')}\n`);
  const onProgress = ctx.json ? undefined : progressPrinter(ctx);
  const options = onProgress ? { onProgress } : {};
  let handle;
  if (plan.unfinishedUploadId !== null) {
    if (!ctx.json) ctx.stderr.write(`${say(ctx.locale, 'resuming', { id: plan.unfinishedUploadId })}\n`);
    // Keep the way the upload was started unless --via asks for the other one.
    handle = await uploads.resume(plan.unfinishedUploadId, {
      ...options,
      ...(viaOption ? { via: plan.via } : {}),
    });
  } else handle = await uploads.start({ listId, taskId, via: plan.via }, options);
  let interrupted = false;
  void ctx.interrupted.then(() => {
    interrupted = true;
    handle.pause();
  });
  const summary = await handle.done;
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
  emit(ctx, { plan, upload: summary }, lines.join('\n'));
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
  async run(args, ctx) {
    const services = openListServices(ctx.dataDir);
    const { accounts, sandbox } = createNodeAccounts(ctx.dataDir);
    const uploads = createUploadService({
      db: services.db,
      lists: services.store,
      sessionFor: (accountId) => accounts.sessionFor(accountId),
      factoryFor: (accountId) => accounts.factoryFor(accountId),
      activeId: () => accounts.activeId(),
    });
    try {
      return await runUpload(uploads, args, ctx);
    } catch (error) {
      return emitError(ctx, describeError(error, ctx.locale, [describeProviderError]));
    } finally {
      await uploads.close();
      services.close();
      await sandbox.close();
    }
  },
};

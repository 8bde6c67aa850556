import { describeError } from '../services/contract/failure';
import { describeTransportError } from '../services/http/describe';
import { describeProviderError } from '../services/providers/registry';
import type { CliContext } from './command';
import { emitError } from './output';

/**
 * Reports a failure in the user's language (exit code 1). Something unexpected is written to
 * the app's log with its stack, and the message says where the log is — never a stack on screen.
 */
export function reportFailure(ctx: CliContext, error: unknown): number {
  const described = describeError(error, ctx.locale, [describeTransportError, describeProviderError]);
  if (described.code !== 'app.unexpected') return emitError(ctx, described);
  let logFile: string | null = null;
  try {
    const core = ctx.core();
    core.log.error('cli: command failed', {
      error: error instanceof Error ? error.message : String(error),
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
    });
    logFile = core.logFile;
  } catch {
    // No core (a test driving a command directly): the message alone.
  }
  const where = logFile ? (ctx.locale === 'zh-CN' ? `：${logFile}` : `: ${logFile}`) : '';
  return emitError(ctx, { ...described, message: `${described.message}${where}` });
}

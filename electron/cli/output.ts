import type { AppError } from '../../shared/result';
import type { CliContext } from './command';

/** Prints a command's answer: the JSON document with `--json`, the human text otherwise. */
export function emit(ctx: CliContext, value: unknown, human: string): void {
  ctx.stdout.write(
    ctx.json ? `${JSON.stringify(value, null, 2)}\n` : human.endsWith('\n') ? human : `${human}\n`,
  );
}

/**
 * Reports a failure in the user's language. With `--json` it is `{ "error": { code, message } }`
 * on stdout so scripts can read it; otherwise a line on stderr. Returns the exit code 1.
 */
export function emitError(ctx: CliContext, error: AppError): number {
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ error }, null, 2)}\n`);
  else ctx.stderr.write(`${error.message}${error.detail ? ` (${error.detail})` : ''} [${error.code}]\n`);
  return 1;
}

/** Reports a wrong command line (`cli.invalid_option`) like {@link emitError}; returns the exit code 2. */
export function emitUsage(ctx: CliContext, message: string): number {
  emitError(ctx, { code: 'cli.invalid_option', message });
  return 2;
}

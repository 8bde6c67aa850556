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

/** A progress line on stderr: redrawn in place on a terminal, an occasional line otherwise. */
export interface ProgressLine {
  /** Shows `text` (throttled); `force` shows it even if the last one was just now. */
  update(text: string, force?: boolean): void;
  /** Ends the line (a terminal's cursor moves on; nothing is printed otherwise). */
  done(): void;
}

/**
 * Progress for a long command. With `--json` nothing is shown (stdout stays one document, and
 * stderr stays quiet for scripts).
 */
export function progressLine(ctx: CliContext): ProgressLine {
  let shown = false;
  let lastAt = 0;
  const every = ctx.tty ? 100 : 2000;
  return {
    update(text, force = false) {
      if (ctx.json) return;
      const now = Date.now();
      if (!force && now - lastAt < every) return;
      lastAt = now;
      if (ctx.tty) ctx.stderr.write(`\r${text}\u001b[K`);
      else ctx.stderr.write(`${text}\n`);
      shown = true;
    },
    done() {
      if (shown && ctx.tty) ctx.stderr.write('\n');
      shown = false;
    },
  };
}

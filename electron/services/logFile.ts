/**
 * The app's log file: one JSON line per entry in `<data folder>/logs/campaign-desk.log`,
 * rotated by size (the current file plus `campaign-desk.1.log` … `.N.log`, oldest dropped), so
 * it never grows without bound. Every entry passes through the redactor first: a secret the
 * app has read (a Sobot signature, a Huawei SK) is replaced wherever it appears — in a message,
 * a field, a stack — so no credential reaches the disk outside the keychain.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact, type Logger } from './log';

export const LOG_FILE_NAME = 'campaign-desk.log';

export interface FileLoggerOptions {
  /** The folder (`<data folder>/logs`). */
  dir: string;
  /** Size at which the file is rotated (default 1 MB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (default 4). */
  keep?: number;
  /** Lowest level written (default `info`). */
  level?: 'debug' | 'info' | 'warn' | 'error';
  now?: () => number;
  /** Also written to, for a host that shows its log (the CLI's `--verbose`, the harness's stderr). */
  mirror?: (line: string) => void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/**
 * The secrets to keep out of the log. Services register each secret when they read it from the
 * vault; a registered value stays registered (a rotated key must not appear either).
 */
export class SecretRegistry {
  private readonly secrets = new Set<string>();

  /** Registers secrets worth hiding (very short values would redact ordinary words: skipped). */
  add(...values: readonly (string | undefined)[]): void {
    for (const value of values) if (value && value.length >= 6) this.secrets.add(value);
  }

  values(): Iterable<string> {
    return this.secrets;
  }
}

/** A logger writing redacted JSON lines to a rotating file. Writing never throws. */
export function createFileLogger(
  options: FileLoggerOptions,
  secrets: SecretRegistry = new SecretRegistry(),
): Logger & { file: string } {
  const file = join(options.dir, LOG_FILE_NAME);
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 4;
  const min = LEVELS.indexOf(options.level ?? 'info');
  const now = options.now ?? Date.now;
  let size = -1;
  let broken = false;

  const rotated = (n: number): string => join(options.dir, LOG_FILE_NAME.replace(/\.log$/, `.${n}.log`));
  const rotate = (): void => {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    if (existsSync(file)) renameSync(file, rotated(1));
    size = 0;
  };

  const write = (level: (typeof LEVELS)[number], message: string, fields?: Record<string, unknown>): void => {
    if (LEVELS.indexOf(level) < min || broken) return;
    const entry: Record<string, unknown> = { t: new Date(now()).toISOString(), level, msg: message };
    for (const [key, value] of Object.entries(fields ?? {}))
      entry[key] = value instanceof Error ? errorFields(value) : value;
    let line: string;
    try {
      line = `${redact(JSON.stringify(entry), secrets.values())}\n`;
    } catch {
      line = `${JSON.stringify({ t: entry['t'], level, msg: redact(message, secrets.values()) })}\n`;
    }
    try {
      if (size < 0) {
        mkdirSync(options.dir, { recursive: true });
        size = existsSync(file) ? statSync(file).size : 0;
      }
      if (size + line.length > maxBytes && size > 0) rotate();
      appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // A full disk or a read-only folder must not take the app down; stop trying.
      broken = true;
    }
    options.mirror?.(line);
  };

  return {
    file,
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** An error as log fields: its name, message and stack (all redacted with the rest of the line). */
export function errorFields(error: Error): Record<string, string> {
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
}

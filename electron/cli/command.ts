import type { Readable, Writable } from 'node:stream';
import type { Locale } from '../../shared/locale';

/** What every CLI command receives from the host: global options and the process streams. */
export interface CliContext {
  /** The data folder (`--data-dir`, default: the app's data folder). */
  dataDir: string;
  /** `--json`: machine-readable output on stdout, one JSON document per command. */
  json: boolean;
  locale: Locale;
  version: string;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Resolves when the user asks to stop (Ctrl-C); long-running commands await it. */
  interrupted: Promise<void>;
}

/** One `campaign-desk <name> …` command. Later issues add files under `commands/`. */
export interface CliCommand {
  name: string;
  /** One line per locale for `--help`. */
  summary: Record<Locale, string>;
  /** The usage line after `campaign-desk `, e.g. `sandbox [--port N] [--speed X]`. */
  usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: string[], ctx: CliContext): Promise<number>;
}

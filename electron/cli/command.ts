import type { Readable, Writable } from 'node:stream';
import type { Locale, Localized } from '../../shared/locale';
import type { Core } from '../services/core/createCore';

/** What every CLI command receives from the host: global options, the process streams, the core. */
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
  /** Whether stderr is a terminal: progress is then redrawn in place, otherwise not shown. */
  tty: boolean;
  /** Resolves when the user asks to stop (Ctrl-C); long-running commands await it. */
  interrupted: Promise<void>;
  /**
   * The app's services over the data folder (the same core the desktop app builds), made on
   * first use; the CLI closes it when the command ends.
   */
  core(): Core;
}

/** One `campaign-desk <name> …` command. */
export interface CliCommand {
  name: string;
  /** One line per locale for `--help`. */
  summary: Localized;
  /** The usage line after `campaign-desk `, e.g. `sandbox [--port N] [--speed X]`. */
  usage: string;
  /** `campaign-desk <name> --help`: one line per option or argument, after the usage. */
  help?: readonly Localized[];
  /**
   * Runs the command with the arguments after its name; resolves to the exit code. A wrong
   * command line throws a UsageError (exit code 2).
   */
  run(args: string[], ctx: CliContext): Promise<number>;
}

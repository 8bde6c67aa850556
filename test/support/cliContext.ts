import { PassThrough } from 'node:stream';
import type { CliContext } from '../../electron/cli/command';
import type { Core } from '../../electron/services/core/createCore';

/**
 * A CLI context whose stdout and stderr are captured into `out`, for tests that call a command's
 * `run` directly. `interrupted` never resolves unless the test passes its own.
 */
export function capturedCliContext(
  json: boolean,
  interrupted: Promise<void> = new Promise(() => undefined),
  core?: () => Core,
): { ctx: CliContext; out: { stdout: string; stderr: string } } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = { stdout: '', stderr: '' };
  stdout.on('data', (chunk) => (out.stdout += String(chunk)));
  stderr.on('data', (chunk) => (out.stderr += String(chunk)));
  const ctx: CliContext = {
    dataDir: '/unused',
    json,
    locale: 'en',
    version: '0.0.0',
    stdin: new PassThrough(),
    stdout,
    stderr,
    tty: false,
    interrupted,
    core:
      core ??
      (() => {
        throw new Error('this test gives the command its services directly');
      }),
  };
  return { ctx, out };
}

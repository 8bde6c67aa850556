/**
 * Workbooks written by another program: LibreOffice (Debian's libreoffice-calc-nogui) converts
 * files generated during the test run. Every start of soffice costs seconds, so convert many
 * files per call. Each call uses its own throw-away profile: two soffice processes sharing a
 * profile (parallel test files) would hand their work to each other or fail.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

let found: boolean | undefined;

/** Whether `soffice` can be run here. CI installs it, so there its absence fails instead of skipping. */
export function hasSoffice(): boolean {
  found ??= spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }).status === 0;
  if (!found && process.env.CI)
    throw new Error('LibreOffice (soffice) must be installed in CI (.ci/run installs it)');
  return found;
}

/** The reason printed when LibreOffice tests are skipped. */
export const SOFFICE_MISSING =
  'LibreOffice (soffice) is not installed: skipping tests on workbooks written by another program. ' +
  'Install libreoffice-calc-nogui to run them (CI does).';

export interface ConvertOptions {
  /** Input filter with options, e.g. `CSV:44,34,76` (comma, double quote, UTF-8). */
  infilter?: string;
}

/**
 * Converts files in one soffice run. `to` is a target such as `xlsx`, `xls` or
 * `csv:Text - txt - csv (StarCalc):44,34,76`. Returns the output paths, in input order.
 */
export function convert(
  files: readonly string[],
  to: string,
  outDir: string,
  options: ConvertOptions = {},
): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'cd-soffice-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...files,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const extension = to.split(':')[0] as string;
  return files.map((file) => join(outDir, `${basename(file, extname(file))}.${extension}`));
}

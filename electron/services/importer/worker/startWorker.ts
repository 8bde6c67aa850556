import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a service's worker thread the same way in every host:
 *
 * - **From the built Electron main bundle** (`electron-vite build` → `out/main`): the entry is
 *   its own main-process input in `electron.vite.config.ts`, written as `out/main/<bundleName>`;
 *   it is looked up beside the calling chunk (or one folder up, where rollup put shared code in
 *   `out/main/chunks/`).
 * - **From source** (vitest, the CLI and the browser harness, all run through tsx): the caller's
 *   module URL ends in `.ts`. A worker thread does not inherit tsx's loader, and loading tsx in
 *   each worker costs most of a second, so the entry is bundled once per process with esbuild
 *   (a development dependency, present wherever tsx is) into a cached `.mjs` in the temp folder,
 *   named by its content's hash; a worker then starts in tens of milliseconds, as in the app.
 *
 * The worker's URL is built with path functions, not `new URL('./x', import.meta.url)`, which
 * Vite would rewrite into an asset import.
 *
 * A later worker (the database, say) follows the same pattern: an entry file
 * `<feature>/worker/<name>Worker.ts`, an input `<name>Worker` beside `importWorker` in
 * `electron.vite.config.ts`, and `startWorker({ callerUrl: import.meta.url, sourceEntry:
 * './<name>Worker.ts', bundleName: '<name>Worker.js', … })`; messages typed in a `protocol.ts`,
 * bulk data in transferred ArrayBuffers, and a `resourceLimits` chosen for what it holds.
 */
export interface StartWorkerOptions {
  /** `import.meta.url` of the module starting the worker. */
  callerUrl: string;
  /** The worker's entry relative to the caller, as a `.ts` source file. */
  sourceEntry: string;
  /** The entry's file name in the built main bundle. */
  bundleName: string;
  workerData: unknown;
  resourceLimits?: ResourceLimits;
}

/** Source entry → the path of its bundled `.mjs`, built once per process. */
const sourceBundles = new Map<string, Promise<string>>();

/** The nearest node_modules folder above a source file, or null. */
function projectModules(entry: string): string | null {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules');
  return null;
}

async function bundleSource(entry: string): Promise<string> {
  // A specifier the bundler cannot see: the built app never bundles from source, and must not
  // carry esbuild in its main bundle.
  const specifier = 'esbuild';
  const esbuild = (await import(/* @vite-ignore */ specifier)) as typeof import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error(`esbuild wrote nothing for ${entry}`);
  // Beside the project's node_modules, so a worker's external packages (better-sqlite3) resolve.
  const folder = join(projectModules(entry) ?? tmpdir(), '.cache', 'campaign-desk-workers');
  mkdirSync(folder, { recursive: true });
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const path = join(folder, `${hash}.mjs`);
  if (!existsSync(path)) {
    // Another process may write the same file at the same time: write aside, then rename.
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, path);
  }
  return path;
}

export async function startWorker(options: StartWorkerOptions): Promise<Worker> {
  const caller = fileURLToPath(options.callerUrl);
  const common = {
    workerData: options.workerData,
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  };
  if (caller.endsWith('.ts')) {
    const entry = join(dirname(caller), options.sourceEntry);
    let bundle = sourceBundles.get(entry);
    if (!bundle) {
      bundle = bundleSource(entry);
      sourceBundles.set(entry, bundle);
      bundle.catch(() => sourceBundles.delete(entry));
    }
    // Nothing of tsx's: the bundle is plain JavaScript, and tsx's hooks would cost their start-up again.
    return new Worker(pathToFileURL(await bundle), { ...common, execArgv: [] });
  }
  const here = dirname(caller);
  const bundled = [join(here, options.bundleName), join(here, '..', options.bundleName)].find((path) =>
    existsSync(path),
  );
  if (!bundled) throw new Error(`worker bundle ${options.bundleName} not found beside ${caller}`);
  return new Worker(pathToFileURL(bundled), common);
}

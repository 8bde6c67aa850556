import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a service's worker thread the same way in every host:
 *
 * - **From source** (vitest, the CLI and the browser harness, all run through tsx): the caller's
 *   module URL ends in `.ts`. A worker thread does not inherit tsx's loader, so the worker is
 *   started as a one-line script that loads tsx's API and imports the `.ts` entry through it.
 * - **From the built Electron main bundle** (`electron-vite build` → `out/main`): the entry is
 *   its own main-process input in `electron.vite.config.ts`, written as `out/main/<bundleName>`;
 *   it is looked up beside the calling chunk (or one folder up, where rollup put shared code in
 *   `out/main/chunks/`).
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

export function startWorker(options: StartWorkerOptions): Worker {
  const caller = fileURLToPath(options.callerUrl);
  const common = {
    workerData: options.workerData,
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  };
  if (caller.endsWith('.ts')) {
    const entry = pathToFileURL(join(dirname(caller), options.sourceEntry)).href;
    // The ESM build of tsx's API (a plain resolve answers its CommonJS twin).
    const api = createRequire(options.callerUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    const tsx = pathToFileURL(api).href;
    const script = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
    return new Worker(script, { ...common, eval: true });
  }
  const here = dirname(caller);
  const bundled = [join(here, options.bundleName), join(here, '..', options.bundleName)].find((path) =>
    existsSync(path),
  );
  if (!bundled) throw new Error(`worker bundle ${options.bundleName} not found beside ${caller}`);
  return new Worker(pathToFileURL(bundled), common);
}

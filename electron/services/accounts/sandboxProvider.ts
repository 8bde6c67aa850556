import { AppFailure } from '../contract/failure';
import { releaseLease, sharedSandbox, takeLease } from './sandboxLease';
import { startSandbox, type SandboxOptions } from '../sandbox/index';
import {
  inProcess,
  startSandboxWorker,
  workerCanRun,
  type RemoteSandbox,
  type RemoteSandboxControl,
} from '../sandbox/worker/remote';

/** The embedded sandbox as the sandbox account uses it: started on first use, closed by the host. */
export interface SandboxProvider {
  /** The sandbox's base URL, starting it if it is not running yet. */
  url(): Promise<string>;
  /** The running sandbox's test controls (faults, clock), starting it if needed. Tests only. */
  control(): Promise<RemoteSandboxControl>;
  close(): Promise<void>;
}

/** The sandbox this provider uses: its own, or the one another process runs for the same state. */
interface Serving {
  url: string;
  own: RemoteSandbox | null;
}

/**
 * Starts the sandbox lazily, once, however many calls arrive together. With a `stateFile`, a
 * sandbox another process already runs over that file (the app while a CLI command runs, or the
 * reverse) is used instead, so both see one server (see sandboxLease.ts).
 *
 * With `inWorker` (the app and the harness) it runs on its own thread, unless the options pin
 * its clock (a function cannot cross); a worker that crashes is replaced at the next use.
 */
export function createLazySandbox(options: SandboxOptions = {}, inWorker = false): SandboxProvider {
  const stateFile = options.stateFile;
  let serving: Promise<Serving> | null = null;
  // A worker that crashed: the next use starts another (and this one's lease is given back).
  const lose = (lost: RemoteSandbox): void => {
    void serving?.then((current) => {
      if (current.own !== lost) return;
      serving = null;
      if (stateFile) releaseLease(stateFile, lost.url);
    });
  };
  const startOwn = async (): Promise<RemoteSandbox> => {
    if (inWorker && workerCanRun(options)) {
      const own: RemoteSandbox = await startSandboxWorker(options, () => lose(own));
      return own;
    }
    return inProcess(await startSandbox(options));
  };

  const begin = async (): Promise<Serving> => {
    if (stateFile) {
      const url = await sharedSandbox(stateFile);
      if (url) return { url, own: null };
    }
    const handle = await startOwn();
    if (stateFile && !(await takeLease(stateFile, handle.url))) {
      // Another process started one at the same moment and won: use theirs.
      const url = await sharedSandbox(stateFile);
      if (url) {
        await handle.close();
        return { url, own: null };
      }
    }
    return { url: handle.url, own: handle };
  };
  const start = (): Promise<Serving> =>
    (serving ??= begin().catch((error: unknown) => {
      serving = null;
      throw AppFailure.of('sandbox.start_failed', error instanceof Error ? error.message : undefined);
    }));

  return {
    async url() {
      return (await start()).url;
    },
    async control() {
      const { own } = await start();
      if (!own) throw AppFailure.of('sandbox.start_failed', 'the sandbox runs in another process');
      return own.control;
    },
    async close() {
      const current = serving;
      serving = null;
      if (!current) return;
      const { url, own } = await current;
      if (!own) return;
      await own.close();
      if (stateFile) releaseLease(stateFile, url);
    },
  };
}

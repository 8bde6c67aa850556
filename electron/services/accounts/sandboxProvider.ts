import { AppFailure } from '../contract/failure';
import { releaseLease, sharedSandbox, takeLease } from './sandboxLease';
import { startSandbox, type SandboxControl, type SandboxHandle, type SandboxOptions } from '../sandbox/index';

/** The embedded sandbox as the sandbox account uses it: started on first use, closed by the host. */
export interface SandboxProvider {
  /** The sandbox's base URL, starting it if it is not running yet. */
  url(): Promise<string>;
  /** The running sandbox's test controls (faults, clock), starting it if needed. Tests only. */
  control(): Promise<SandboxControl>;
  close(): Promise<void>;
}

/** The sandbox this provider uses: its own, or the one another process runs for the same state. */
interface Serving {
  url: string;
  own: SandboxHandle | null;
}

/**
 * Starts the sandbox lazily, once, however many calls arrive together. With a `stateFile`, a
 * sandbox another process already runs over that file (the app while a CLI command runs, or the
 * reverse) is used instead, so both see one server (see sandboxLease.ts).
 */
export function createLazySandbox(options: SandboxOptions = {}): SandboxProvider {
  const stateFile = options.stateFile;
  let serving: Promise<Serving> | null = null;

  const begin = async (): Promise<Serving> => {
    if (stateFile) {
      const url = await sharedSandbox(stateFile);
      if (url) return { url, own: null };
    }
    const handle = await startSandbox(options);
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

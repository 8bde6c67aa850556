import { AppFailure } from '../contract/failure';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../sandbox/index';

/** The embedded sandbox as the sandbox account uses it: started on first use, closed by the host. */
export interface SandboxProvider {
  /** The sandbox's base URL, starting it if it is not running yet. */
  url(): Promise<string>;
  close(): Promise<void>;
}

/** Starts the sandbox lazily, once, however many calls arrive together. */
export function createLazySandbox(options: SandboxOptions = {}): SandboxProvider {
  let running: Promise<SandboxHandle> | null = null;
  return {
    async url() {
      running ??= startSandbox(options).catch((error: unknown) => {
        running = null;
        throw AppFailure.of('sandbox.start_failed', error instanceof Error ? error.message : undefined);
      });
      return (await running).url;
    },
    async close() {
      const handle = running;
      running = null;
      if (handle) await (await handle).close();
    },
  };
}

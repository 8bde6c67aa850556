import { AppFailure } from '../contract/failure';
import { startSandbox, type SandboxControl, type SandboxHandle, type SandboxOptions } from '../sandbox/index';

/** The embedded sandbox as the sandbox account uses it: started on first use, closed by the host. */
export interface SandboxProvider {
  /** The sandbox's base URL, starting it if it is not running yet. */
  url(): Promise<string>;
  /** The running sandbox's test controls (faults, clock), starting it if needed. Tests only. */
  control(): Promise<SandboxControl>;
  close(): Promise<void>;
}

/** Starts the sandbox lazily, once, however many calls arrive together. */
export function createLazySandbox(options: SandboxOptions = {}): SandboxProvider {
  let running: Promise<SandboxHandle> | null = null;
  const start = (): Promise<SandboxHandle> =>
    (running ??= startSandbox(options).catch((error: unknown) => {
      running = null;
      throw AppFailure.of('sandbox.start_failed', error instanceof Error ? error.message : undefined);
    }));
  return {
    async url() {
      return (await start()).url;
    },
    async control() {
      return (await start()).control;
    },
    async close() {
      const handle = running;
      running = null;
      if (handle) await (await handle).close();
    },
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/services/core/createCore';
import { nodeAdapters } from '../../electron/services/core/nodeHost';
import { memoryVault } from './memory';

/** The page origin the test cores accept, and a sender from it (as the harness's WebSocket). */
export const TEST_ORIGIN = 'http://tests.local';
export const TEST_SENDER = { url: `${TEST_ORIGIN}/`, isTopFrame: true };

/**
 * The core as the harness builds it — the embedded sandbox (on its thread, clock stopped), the
 * database worker, secrets in memory — over a fresh data folder. `closers` gets its close and
 * the folder's removal, to run in reverse after the test.
 */
export function openHarnessCore(seed: number, closers: (() => Promise<void> | void)[]): Core {
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-core-'));
  closers.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const core = createCore(
    nodeAdapters(dataDir, 'harness', {
      vault: memoryVault(),
      allowedOrigins: [TEST_ORIGIN],
      exclusive: true,
      sandbox: { seed, autoRun: false },
    }),
  );
  closers.push(() => core.close());
  return core;
}

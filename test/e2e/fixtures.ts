import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxOptions } from '../../electron/services/sandbox/index';
import { startHarness, type Harness } from '../harness/server';

interface HarnessOptions {
  /** How the embedded sandbox runs; `test.use({ sandboxOptions: { latencyMs } })` slows it down. */
  sandboxOptions: SandboxOptions;
}

interface HarnessFixtures {
  /** A fresh data folder for this test. */
  dataDir: string;
  /** The harness serving the built renderer over that data folder. */
  harness: Harness;
}

export const test = base.extend<HarnessFixtures & HarnessOptions>({
  sandboxOptions: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-desk-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir, sandboxOptions }, use) => {
    const harness = await startHarness({ dataDir, sandbox: sandboxOptions });
    await use(harness);
    await harness.close();
  },
});

export { expect };

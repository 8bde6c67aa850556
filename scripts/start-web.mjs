#!/usr/bin/env node
// `npm run start:web`: builds the renderer and serves the app to a normal browser through the
// loopback harness (same services and contract as the desktop app). Options pass through:
// `npm run start:web -- --port 5800 --data-dir ./my-data`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const build = spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const harness = spawnSync(
  join(root, 'node_modules/.bin/tsx'),
  [join(root, 'test/harness/run.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(harness.status ?? 1);

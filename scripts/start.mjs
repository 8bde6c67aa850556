#!/usr/bin/env node
// `npm start`: builds and launches the desktop app. Where Electron's binary is not installed
// (it is downloaded by its install script, which needs the internet), it says so and starts the
// same app in the browser harness instead, so the command always gives a working app.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

/**
 * better-sqlite3 is a native module: `npm ci` builds it for Node (the tests, the CLI); the
 * desktop app needs it built for Electron's ABI. Rebuild once when switching (a marker remembers
 * which build is in node_modules); `npm test` switches back by itself (scripts/test-all.mjs).
 */
function nativeForElectron() {
  const marker = join(root, 'node_modules/.native-abi');
  const version = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const wanted = `electron-${version}`;
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === wanted) return 0;
  process.stdout.write(`Building the native modules for Electron ${version} (once)…\n`);
  const status = run(join(root, 'node_modules/.bin/electron-builder'), ['install-app-deps']);
  if (status === 0) writeFileSync(marker, `${wanted}\n`);
  return status;
}

if (electronBinary()) {
  const status = nativeForElectron();
  if (status !== 0) process.exit(status);
  process.exit(run(join(root, 'node_modules/.bin/electron-vite'), ['preview']));
}
process.stdout.write(
  'Electron is not installed on this machine (its binary could not be downloaded), so the app\n' +
    'starts in the browser harness instead. To get the desktop app, run\n' +
    '`node node_modules/electron/install.js` with internet access, then `npm start` again.\n\n',
);
process.exit(run(process.execPath, [join(root, 'scripts/start-web.mjs'), ...process.argv.slice(2)]));

import { spawnSync } from 'node:child_process';
import asar from '@electron/asar';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUSE_SENTINEL } from '../../scripts/packaging/check';

/**
 * A stand-in for Electron's unpacked distribution: one executable holding a fuse wire with
 * Electron's defaults, so electron-builder can pack the app and flip fuses without the binary
 * (which this machine cannot download).
 */
export function writeStandInElectron(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\n# ${FUSE_SENTINEL}`),
    Buffer.from([1, 8]),
    Buffer.from('10110001\n'),
  ]);
  writeFileSync(join(dir, 'electron'), wire, { mode: 0o755 });
  return dir;
}

/**
 * Packs the built app (`out/`) as electron-builder would for Linux `--dir`, over the stand-in
 * Electron, skipping only the native rebuild (it needs Electron's headers from the network).
 * Answers the unpacked app folder.
 */
export function packWithStandIn(root: string, workDir: string): string {
  const electronDist = writeStandInElectron(join(workDir, 'electron'));
  const output = join(workDir, 'dist');
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CI: 'true' } },
  );
  if (run.status !== 0)
    throw new Error(`electron-builder failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return join(output, 'linux-unpacked');
}

/** Modules that import `electron` get this stand-in when loaded under plain Node. */
const ELECTRON_STUB = `exports.app = { getPath: () => '/tmp', getVersion: () => '0.0.0', getName: () => 'x', on() {}, isPackaged: false };
exports.ipcMain = { on() {}, handle() {} };
exports.shell = {};
`;

/** Extracts app.asar (with its unpacked files) into `<workDir>/extracted`, with a stand-in electron. */
export function extractPacked(resourcesDir: string, workDir: string): string {
  const root = join(workDir, 'extracted');
  asar.extractAll(join(resourcesDir, 'app.asar'), root);
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'electron', 'index.js'), ELECTRON_STUB);
  writeFileSync(
    join(root, 'node_modules', 'electron', 'package.json'),
    '{"name":"electron","main":"index.js"}',
  );
  return root;
}

/**
 * Imports each package from an extracted app's node_modules in a plain Node process, so a
 * file the packing rules dropped that a package needs shows up here instead of as a crash at
 * the user's first start. Answers the failures.
 */
export function importPackedPackages(root: string, names: string[]): string[] {
  const script = join(root, 'import-smoke.mjs');
  writeFileSync(
    script,
    `const failures = [];
for (const name of JSON.parse(process.argv[2])) {
  try { await import(name); } catch (error) { failures.push(name + ': ' + String(error.message).split('\\n')[0]); }
}
process.stdout.write(JSON.stringify(failures));
`,
  );
  const run = spawnSync(process.execPath, [script, JSON.stringify(names)], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) return [`the import check itself failed: ${run.stderr}`];
  return JSON.parse(run.stdout) as string[];
}

import { spawnSync } from 'node:child_process';
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

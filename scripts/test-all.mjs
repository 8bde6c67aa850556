#!/usr/bin/env node
// `npm test`: every check the project has, in the order a failure is cheapest to read.
// Type-check, lint, build, unit tests (Vitest), end-to-end tests (Playwright in the OS's
// Chromium through the harness), and the electronegativity security scan. Every step runs even
// when an earlier one failed, so one run shows everything; the last line counts the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

// On Linux the keychain tests need a Secret Service: run everything on a private session bus
// with an unlocked throwaway gnome-keyring (scripts/keychain-session.sh), once.
const onPath = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
if (
  process.platform === 'linux' &&
  !process.env.CAMPAIGN_DESK_KEYCHAIN_SESSION &&
  onPath('dbus-run-session') &&
  onPath('gnome-keyring-daemon')
) {
  const inner = spawnSync(
    'dbus-run-session',
    ['--', 'bash', join(root, 'scripts/keychain-session.sh'), process.execPath, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, CAMPAIGN_DESK_KEYCHAIN_SESSION: '1' } },
  );
  process.exit(inner.status ?? 1);
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

// `npm start` may have rebuilt better-sqlite3 for Electron's ABI (see scripts/start.mjs): the
// tests run in Node, so build it back for Node when Node cannot load it.
const nativeMarker = join(root, 'node_modules', '.native-abi');
const loadsInNode = () =>
  spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    stdio: 'ignore',
  }).status === 0;
if (!loadsInNode()) {
  process.stdout.write('better-sqlite3 is built for another ABI (Electron?): rebuilding it for Node…\n');
  spawnSync('npm', ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit' });
  rmSync(nativeMarker, { force: true });
}
const results = join(root, 'test-results');

const steps = [
  { name: 'typecheck (node)', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.node.json'] },
  { name: 'typecheck (web)', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.web.json'] },
  { name: 'typecheck (e2e)', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.e2e.json'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  {
    name: 'import cycles',
    cmd: bin('madge'),
    args: [
      '--circular',
      '--no-spinner',
      '--extensions',
      'ts,tsx',
      '--ts-config',
      'tsconfig.node.json',
      'electron',
      'shared',
    ],
  },
  { name: 'format', cmd: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
  { name: 'build', cmd: bin('electron-vite'), args: ['build'] },
  {
    name: 'unit tests',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile=${join(results, 'unit.json')}`],
  },
  { name: 'e2e tests', cmd: bin('playwright'), args: ['test'] },
  { name: 'security scan', cmd: process.execPath, args: [join(root, 'scripts/electronegativity.mjs')] },
];

rmSync(join(results, 'unit.json'), { force: true });
rmSync(join(results, 'e2e.json'), { force: true });

const failedSteps = [];
for (const step of steps) {
  process.stdout.write(`\n━━ ${step.name}\n`);
  const started = Date.now();
  const run = spawnSync(step.cmd, step.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  process.stdout.write(
    `━━ ${step.name}: ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds}s\n`,
  );
  if (!ok) failedSteps.push(step.name);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const skipReasons = [];

if (existsSync(join(results, 'unit.json'))) {
  const unit = JSON.parse(readFileSync(join(results, 'unit.json'), 'utf8'));
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  for (const file of unit.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'skipped' || test.status === 'pending') skipReasons.push(`unit: ${test.fullName}`);
    }
  }
}

function walkSuites(suite, visit) {
  for (const spec of suite.specs ?? []) visit(spec);
  for (const child of suite.suites ?? []) walkSuites(child, visit);
}
if (existsSync(join(results, 'e2e.json'))) {
  const e2e = JSON.parse(readFileSync(join(results, 'e2e.json'), 'utf8'));
  for (const suite of e2e.suites ?? []) {
    walkSuites(suite, (spec) => {
      for (const test of spec.tests ?? []) {
        const last = test.results?.at(-1);
        if (test.status === 'skipped') {
          counts.skipped++;
          const why = test.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
          skipReasons.push(`e2e [${test.projectName}] ${spec.title}: ${why}`);
        } else if (test.status === 'expected' || last?.status === 'passed') counts.passed++;
        else counts.failed++;
      }
    });
  }
}

process.stdout.write('\n━━ summary\n');
for (const reason of skipReasons) process.stdout.write(`skipped: ${reason}\n`);
if (failedSteps.length > 0) process.stdout.write(`failed steps: ${failedSteps.join(', ')}\n`);
if (counts.passed + counts.failed === 0) process.stdout.write('no test ran\n');
process.stdout.write(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
process.exit(failedSteps.length === 0 && counts.failed === 0 && counts.passed > 0 ? 0 : 1);

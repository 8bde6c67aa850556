import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dependencyProblems,
  listPacked,
  packageOfSpecifier,
  readFuses,
  type PackedFile,
} from '../../../scripts/packaging/check';
import { checkPackedApp, loadBuilderConfig, loadPackageJson, ROOT } from '../../../scripts/packaging/cli';
import { extractPacked, importPackedPackages, packWithStandIn } from '../../support/packing';

// electron-builder packs the built app (npm test builds out/ before the unit tests) over a
// stand-in Electron: the real file list, asar and fuse flipping, in about 15 s.
const built = existsSync(join(ROOT, 'out', 'main', 'index.js'));

describe('the packed app', () => {
  let work: string;
  let app: string;
  let files: PackedFile[];
  let extracted: string;

  beforeAll(() => {
    if (!built) throw new Error('out/ is not built: run `npm run build` first (npm test does)');
    work = mkdtempSync(join(tmpdir(), 'cd-pack-'));
    app = packWithStandIn(ROOT, work);
    files = listPacked(join(app, 'resources'));
    extracted = extractPacked(join(app, 'resources'), work);
  }, 180_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('has no packing problems (natives unpacked, no tests, fixtures, sources or dev packages)', () => {
    expect(checkPackedApp(app)).toEqual([]);
  });

  it('unpacks the native modules beside app.asar', () => {
    const natives = files.filter((file) => file.path.endsWith('.node'));
    expect(natives.map((file) => file.path)).toEqual(
      expect.arrayContaining([
        '/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        expect.stringMatching(/^\/node_modules\/@napi-rs\/keyring-[^/]+\/keyring\.[^/]+\.node$/),
      ]),
    );
    for (const native of natives) {
      expect(native.unpacked).toBe(true);
      expect(existsSync(join(app, 'resources', 'app.asar.unpacked', native.path))).toBe(true);
    }
    // better-sqlite3's build leftovers and its test extension stay out.
    const sqlite = files.filter((file) => file.path.startsWith('/node_modules/better-sqlite3/'));
    expect(
      sqlite.filter((file) => /test_extension|\/obj(\.target)?\/|\/deps\/|\/src\//.test(file.path)),
    ).toEqual([]);
  });

  it('packs only out/, package.json and production dependencies', () => {
    const tops = new Set(files.map((file) => file.path.split('/')[1]));
    expect([...tops].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const packages = new Set(
      files.map((file) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file.path)?.[1]),
    );
    for (const dev of [
      'electron',
      'electron-builder',
      'react',
      'antd',
      'wavesurfer.js',
      'vitest',
      'typescript',
    ]) {
      expect(packages.has(dev), dev).toBe(false);
    }
    for (const runtime of [
      'better-sqlite3',
      'electron-store',
      'electron-updater',
      'exceljs',
      'undici',
      'zod',
    ]) {
      expect(packages.has(runtime), runtime).toBe(true);
    }
  });

  it('flips the fuses electron-builder.yml sets', () => {
    const fuses = readFuses(readFileSync(join(app, 'campaign-desk')));
    expect(fuses).toMatchObject(loadBuilderConfig().electronFuses);
    expect(fuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
  });

  it('every dependency loads from the packed files (nothing it needs was left out)', () => {
    const names = Object.keys(loadPackageJson().dependencies ?? {});
    expect(names.length).toBeGreaterThan(5);
    expect(importPackedPackages(extracted, names)).toEqual([]);
  });

  it('the packed parse worker opens a workbook with the packed dependencies', async () => {
    const csv = join(work, 'list.csv');
    writeFileSync(csv, '姓名,手机号\n张三,13800138000\n');
    const worker = new Worker(pathToFileURL(join(extracted, 'out', 'main', 'importWorker.js')), {
      workerData: { path: csv },
    });
    try {
      const first = await new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(first).toMatchObject({ type: 'opened', format: 'csv' });
    } finally {
      await worker.terminate();
    }
  });

  it('the built main imports exactly the dependencies (read from out/main, as packed)', async () => {
    const dir = join(ROOT, 'out', 'main');
    const result = await build({
      entryPoints: readdirSync(dir)
        .filter((name) => name.endsWith('.js'))
        .map((name) => join(dir, name)),
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      metafile: true,
      outdir: join(work, 'esbuild'),
      logLevel: 'silent',
    });
    const imported = new Set(
      Object.values(result.metafile.outputs).flatMap((output) =>
        output.imports.flatMap((entry) => {
          const name = entry.external ? packageOfSpecifier(entry.path) : null;
          return name ? [name] : [];
        }),
      ),
    );
    expect(dependencyProblems(imported, loadPackageJson())).toEqual([]);
  });

  it('writes the updater settings file electron-updater reads', () => {
    expect(readFileSync(join(app, 'resources', 'app-update.yml'), 'utf8')).toMatch(/provider: generic/);
  });
});

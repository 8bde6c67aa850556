/**
 * Checks an app electron-builder packed (`dist/win-unpacked`, `dist/mac-arm64`, …): what
 * app.asar holds, the native modules unpacked, the fuses flipped as electron-builder.yml says.
 * `npx tsx scripts/packaging/cli.ts <appOutDir>…`; exit 1 with the problems listed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  fuseProblems,
  listPacked,
  nativeArchProblems,
  packingProblems,
  productionClosure,
  type Arch,
  type PackageJson,
} from './check';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BuilderConfig {
  productName: string;
  electronFuses: Record<string, boolean>;
  [key: string]: unknown;
}

export function loadBuilderConfig(root = ROOT): BuilderConfig {
  return parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

export function loadPackageJson(root = ROOT): PackageJson & { name: string } {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson & { name: string };
}

/** Where the resources folder and the binary holding the fuse wire are, per platform layout. */
export function locateApp(appOutDir: string, config: BuilderConfig, packageName: string) {
  const bundle = readdirSync(appOutDir).find((name) => name.endsWith('.app'));
  if (bundle) {
    const contents = join(appOutDir, bundle, 'Contents');
    return {
      resources: join(contents, 'Resources'),
      binary: join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'),
    };
  }
  const exe = join(appOutDir, `${config.productName}.exe`);
  return {
    resources: join(appOutDir, 'resources'),
    binary: existsSync(exe) ? exe : join(appOutDir, packageName),
  };
}

/** electron-builder's folder names: `win-arm64-unpacked`, `mac-arm64`; no arch means x64. */
export function archOfAppDir(appOutDir: string): Arch {
  return basename(appOutDir).includes('arm64') ? 'arm64' : 'x64';
}

/** Every problem with one packed app. */
export function checkPackedApp(appOutDir: string, root = ROOT): string[] {
  const config = loadBuilderConfig(root);
  const pkg = loadPackageJson(root);
  const { resources, binary } = locateApp(appOutDir, config, pkg.name);
  const files = listPacked(resources);
  return [
    ...packingProblems(files, pkg, productionClosure(root, pkg)),
    ...nativeArchProblems(join(resources, 'app.asar.unpacked'), files, archOfAppDir(appOutDir)),
    ...fuseProblems(readFileSync(binary), config.electronFuses),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    process.stderr.write('usage: tsx scripts/packaging/cli.ts <appOutDir>…\n');
    process.exit(2);
  }
  let failed = false;
  for (const dir of dirs) {
    const problems = checkPackedApp(dir);
    process.stdout.write(`${dir}: ${problems.length === 0 ? 'ok' : `${problems.length} problems`}\n`);
    for (const problem of problems) process.stdout.write(`  ${problem}\n`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}

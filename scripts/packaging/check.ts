/**
 * What a packed app must and must not hold. Used by test/unit/packaging (on an app packed here
 * with a stand-in Electron) and by the release workflow on the real installers' unpacked app
 * (`npx tsx scripts/packaging/cli.ts dist/<platform>-unpacked`).
 */
import asar from '@electron/asar';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One file in the packed app: its path inside app.asar and whether it lives unpacked beside it. */
export interface PackedFile {
  path: string;
  unpacked: boolean;
}

/** The files in `<resources>/app.asar` (unpacked ones included, flagged). */
export function listPacked(resourcesDir: string): PackedFile[] {
  const archive = join(resourcesDir, 'app.asar');
  return asar.listPackage(archive, { isPack: false }).flatMap((listed) => {
    // Listed with the platform's separator; looked up the same way, reported with '/'.
    const entry = asar.statFile(archive, listed.slice(1), false) as { files?: unknown; unpacked?: boolean };
    return entry.files ? [] : [{ path: listed.replaceAll('\\', '/'), unpacked: entry.unpacked === true }];
  });
}

/** The built app's own files that must be packed. */
export const REQUIRED_FILES = [
  '/package.json',
  '/out/main/index.js',
  '/out/main/importWorker.js',
  '/out/preload/index.cjs',
  '/out/renderer/index.html',
];

/** Path segments that mean tests, fixtures or sources of the app. */
const FORBIDDEN_PATH =
  /\/(test|tests|__tests__|spec|fixtures?|__fixtures__|e2e|bench)\/|\/(test|test-[^/]*|[^/]+\.(test|spec))\.[cm]?js$/;
const APP_SOURCE_ROOTS =
  /^\/(electron|renderer|shared|scripts|test|resources|security|bin|build|\.github|\.ci)\//;
const SOURCE_FILE = /(?<!\.d)\.(ts|tsx|mts|cts)$|\.map$/;

export interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * Names of the production dependencies and everything they need, resolved in node_modules the
 * way Node does (a nested copy first, then the folders above it).
 */
export function productionClosure(root: string, pkg: PackageJson): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const queue: [string, string][] = Object.keys(pkg.dependencies ?? {}).map((name) => [name, root]);
  while (queue.length > 0) {
    const [name, from] = queue.pop() as [string, string];
    names.add(name);
    const dir = resolvePackage(root, from, name);
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const child = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
    for (const dep of [
      ...Object.keys(child.dependencies ?? {}),
      ...Object.keys(child.optionalDependencies ?? {}),
    ]) {
      queue.push([dep, dir]);
    }
  }
  return names;
}

function resolvePackage(root: string, from: string, name: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return null;
  }
}

/** The top-level package a `node_modules` path belongs to (`@scope/name` or `name`). */
export function packageOf(path: string): string | null {
  const match = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return match ? (match[1] as string) : null;
}

/**
 * Everything wrong with a packed file list: a native addon inside the archive (it cannot load
 * there), tests, fixtures or sources packed, a required file or production dependency missing,
 * a development-only package packed.
 */
export function packingProblems(files: PackedFile[], pkg: PackageJson, production: Set<string>): string[] {
  const problems: string[] = [];
  const paths = new Set(files.map((file) => file.path));
  for (const file of files) {
    if (file.path.endsWith('.node') && !file.unpacked) {
      problems.push(`native module inside app.asar (not unpacked): ${file.path}`);
    }
    if (FORBIDDEN_PATH.test(file.path)) problems.push(`test or fixture packed: ${file.path}`);
    if (APP_SOURCE_ROOTS.test(file.path)) problems.push(`app source packed: ${file.path}`);
    if (SOURCE_FILE.test(file.path)) problems.push(`source or source map packed: ${file.path}`);
    const top = file.path.split('/')[1];
    if (top !== 'out' && top !== 'node_modules' && file.path !== '/package.json') {
      problems.push(`unexpected file packed: ${file.path}`);
    }
    const owner = packageOf(file.path);
    if (owner && !production.has(owner)) problems.push(`development-only package packed: ${owner}`);
  }
  for (const required of REQUIRED_FILES) {
    if (!paths.has(required)) problems.push(`missing from the package: ${required}`);
  }
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    if (!paths.has(`/node_modules/${name}/package.json`)) problems.push(`dependency not packed: ${name}`);
  }
  return [...new Set(problems)];
}

/**
 * Bare packages the main process imports (from an esbuild metafile of its entries) against
 * package.json: each must be a production dependency (electron-vite leaves those to
 * node_modules), and each production dependency must be imported (the renderer is bundled, so
 * its libraries belong in devDependencies).
 */
export function dependencyProblems(imported: Iterable<string>, pkg: PackageJson): string[] {
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  const used = new Set(imported);
  const problems: string[] = [];
  for (const name of used) {
    if (!declared.has(name)) problems.push(`main imports ${name}, which is not in dependencies`);
  }
  for (const name of declared) {
    if (!used.has(name)) problems.push(`${name} is in dependencies but the main process never imports it`);
  }
  return problems;
}

/** The package name of an import specifier, or null for relative paths, Node and Electron. */
export function packageOfSpecifier(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
  return name === 'electron' ? null : name;
}

/** Electron's fuse wire: the sentinel, a version byte, a length byte, then one char per fuse. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** electron-builder's `electronFuses` keys in wire order (FuseV1Options). */
export const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

/** Fuses in a binary (`true`/`false`; absent when the wire is shorter). */
export function readFuses(binary: Buffer): Record<string, boolean> {
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error('no fuse wire in the Electron binary');
  const length = binary[at + FUSE_SENTINEL.length + 1] ?? 0;
  const fuses: Record<string, boolean> = {};
  FUSE_ORDER.forEach((name, index) => {
    if (index < length) fuses[name] = binary[at + FUSE_SENTINEL.length + 2 + index] === 0x31;
  });
  return fuses;
}

/** Each configured fuse whose state in the binary differs. */
export function fuseProblems(binary: Buffer, expected: Record<string, boolean>): string[] {
  const actual = readFuses(binary);
  return Object.entries(expected)
    .filter(([name, value]) => actual[name] !== value)
    .map(([name, value]) => `fuse ${name} is ${String(actual[name])}, configured ${String(value)}`);
}

export type Arch = 'x64' | 'arm64';

/** The CPU a native binary (ELF, Mach-O or PE) was built for, or null when it cannot tell. */
export function archOfBinary(data: Buffer): Arch | null {
  if (data.length < 64) return null;
  if (data.readUInt32BE(0) === 0x7f454c46) {
    const machine = data.readUInt16LE(18);
    return machine === 0x3e ? 'x64' : machine === 0xb7 ? 'arm64' : null;
  }
  if (data.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = data.readUInt32LE(4);
    return cpu === 0x01000007 ? 'x64' : cpu === 0x0100000c ? 'arm64' : null;
  }
  if (data.toString('latin1', 0, 2) === 'MZ') {
    const pe = data.readUInt32LE(0x3c);
    if (pe + 6 > data.length || data.toString('latin1', pe, pe + 4) !== 'PE\0\0') return null;
    const machine = data.readUInt16LE(pe + 4);
    return machine === 0x8664 ? 'x64' : machine === 0xaa64 ? 'arm64' : null;
  }
  return null;
}

/**
 * Each unpacked native addon must be built for the app's architecture (an x64 installer built
 * on an arm64 runner must not carry the runner's binaries), and the keyring's prebuilt package
 * for that architecture must be there.
 */
export function nativeArchProblems(unpackedDir: string, files: PackedFile[], arch: Arch): string[] {
  const problems: string[] = [];
  const natives = files.filter((file) => file.path.endsWith('.node'));
  // The release runners install the keyring's package for both architectures; the loader
  // picks `process.arch`'s, so the other one is carried but never loaded.
  const otherKeyring = (path: string) =>
    /^\/node_modules\/@napi-rs\/keyring-/.test(path) && !path.includes(arch);
  for (const file of natives.filter((native) => !otherKeyring(native.path))) {
    const found = archOfBinary(readFileSync(join(unpackedDir, file.path)));
    if (found !== arch) problems.push(`${file.path} is built for ${String(found)}, the app is ${arch}`);
  }
  if (
    !natives.some(
      (file) => file.path.startsWith('/node_modules/@napi-rs/keyring-') && file.path.includes(arch),
    )
  ) {
    problems.push(`no @napi-rs/keyring binary for ${arch}`);
  }
  return problems;
}

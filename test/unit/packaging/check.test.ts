import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  archOfBinary,
  fuseProblems,
  FUSE_SENTINEL,
  nativeArchProblems,
  packingProblems,
  readFuses,
  type PackedFile,
} from '../../../scripts/packaging/check';

const app = (paths: string[], unpacked: string[] = []): PackedFile[] =>
  paths.map((path) => ({ path, unpacked: unpacked.includes(path) }));
const GOOD = [
  '/package.json',
  '/out/main/index.js',
  '/out/main/importWorker.js',
  '/out/preload/index.cjs',
  '/out/renderer/index.html',
  '/node_modules/zod/package.json',
  '/node_modules/better-sqlite3/package.json',
  '/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
];
const pkg = { dependencies: { zod: '4', 'better-sqlite3': '12' } };
const production = new Set(['zod', 'better-sqlite3', 'bindings']);
const NATIVE = '/node_modules/better-sqlite3/build/Release/better_sqlite3.node';

describe('packingProblems', () => {
  it('accepts a clean package', () => {
    expect(packingProblems(app(GOOD, [NATIVE]), pkg, production)).toEqual([]);
  });

  it('fails when a native module is not unpacked', () => {
    expect(packingProblems(app(GOOD), pkg, production)).toEqual([
      `native module inside app.asar (not unpacked): ${NATIVE}`,
    ]);
  });

  it('fails when tests, fixtures or sources would be packed', () => {
    const extra = [
      '/test/fixtures/list.xlsx',
      '/electron/main/index.ts',
      '/out/main/index.js.map',
      '/node_modules/zod/test/a.js',
      '/node_modules/zod/src/index.ts',
      '/node_modules/zod/spec/fixtures/x.js',
      '/node_modules/zod/index.test.js',
    ];
    const problems = packingProblems(app([...GOOD, ...extra], [NATIVE]), pkg, production);
    for (const path of extra) expect(problems.join('\n')).toContain(path);
  });

  it('fails when a dependency or the built app is missing, or a dev package is packed', () => {
    const files = app(
      [
        ...GOOD.filter((path) => !path.includes('zod') && path !== '/out/preload/index.cjs'),
        '/node_modules/react/index.js',
      ],
      [NATIVE],
    );
    expect(packingProblems(files, pkg, production)).toEqual([
      'development-only package packed: react',
      'missing from the package: /out/preload/index.cjs',
      'dependency not packed: zod',
    ]);
  });
});

describe('fuses', () => {
  const binary = (wire: string) =>
    Buffer.concat([Buffer.from(`ELF…${FUSE_SENTINEL}`), Buffer.from([1, wire.length]), Buffer.from(wire)]);

  it('reads the wire in FuseV1 order', () => {
    expect(readFuses(binary('10110001'))).toEqual({
      runAsNode: true,
      enableCookieEncryption: false,
      enableNodeOptionsEnvironmentVariable: true,
      enableNodeCliInspectArguments: true,
      enableEmbeddedAsarIntegrityValidation: false,
      onlyLoadAppFromAsar: false,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('names a fuse left unflipped', () => {
    expect(
      fuseProblems(binary('10110001'), { runAsNode: false, enableNodeCliInspectArguments: true }),
    ).toEqual(['fuse runAsNode is true, configured false']);
    expect(() => readFuses(Buffer.from('no wire here'))).toThrow(/no fuse wire/);
  });
});

describe('native architecture', () => {
  const elf = (machine: number) => {
    const data = Buffer.alloc(64);
    data.writeUInt32BE(0x7f454c46, 0);
    data.writeUInt16LE(machine, 18);
    return data;
  };
  const macho = (cpu: number) => {
    const data = Buffer.alloc(64);
    data.writeUInt32LE(0xfeedfacf, 0);
    data.writeUInt32LE(cpu, 4);
    return data;
  };
  const pe = (machine: number) => {
    const data = Buffer.alloc(256);
    data.write('MZ', 0, 'latin1');
    data.writeUInt32LE(0x80, 0x3c);
    data.write('PE\0\0', 0x80, 'latin1');
    data.writeUInt16LE(machine, 0x84);
    return data;
  };

  it('tells x64 from arm64 in ELF, Mach-O and PE binaries', () => {
    expect(
      [elf(0x3e), elf(0xb7), macho(0x01000007), macho(0x0100000c), pe(0x8664), pe(0xaa64)].map(archOfBinary),
    ).toEqual(['x64', 'arm64', 'x64', 'arm64', 'x64', 'arm64']);
    expect(archOfBinary(Buffer.from('#!/bin/sh\n'))).toBeNull();
  });

  it('fails when an addon is for another architecture or the keyring binary is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-arch-'));
    const put = (path: string, data: Buffer) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), data);
    };
    const keyring = '/node_modules/@napi-rs/keyring-darwin-arm64/keyring.darwin-arm64.node';
    put(NATIVE, macho(0x0100000c));
    put(keyring, macho(0x0100000c));
    const files = app([NATIVE, keyring], [NATIVE, keyring]);
    expect(nativeArchProblems(dir, files, 'arm64')).toEqual([]);
    expect(nativeArchProblems(dir, files, 'x64')).toEqual([
      `${NATIVE} is built for arm64, the app is x64`,
      'no @napi-rs/keyring binary for x64',
    ]);
    // The other architecture's keyring package is carried (never loaded); this one's must match.
    const keyringX64 = '/node_modules/@napi-rs/keyring-darwin-x64/keyring.darwin-x64.node';
    put(keyringX64, macho(0x0100000c));
    expect(
      nativeArchProblems(dir, app([NATIVE, keyring, keyringX64], [NATIVE, keyring, keyringX64]), 'arm64'),
    ).toEqual([]);
    expect(nativeArchProblems(dir, app([keyring, keyringX64], [keyring, keyringX64]), 'x64')).toEqual([
      `${keyringX64} is built for arm64, the app is x64`,
    ]);
  });
});

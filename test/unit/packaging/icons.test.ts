import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { ICNS_TYPES, ICO_SIZES, PNG_SIZES, writeIcons } from '../../../scripts/icons.mjs';
import { ROOT } from '../../../scripts/packaging/cli';

const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('scripts/icons.mjs', () => {
  const out = mkdtempSync(join(tmpdir(), 'cd-icons-'));
  const written = writeIcons(join(ROOT, 'resources', 'icon.svg'), out) as string[];

  it('renders every PNG size from the one SVG', () => {
    expect(written).toHaveLength((PNG_SIZES as number[]).length + 3);
    for (const size of PNG_SIZES as number[]) {
      const png = readFileSync(join(out, 'icons', `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(pngSize(png)).toEqual([size, size]);
    }
  });

  it('writes an ICO whose entries point at PNGs of the listed sizes', () => {
    const ico = readFileSync(join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    (ICO_SIZES as number[]).forEach((size, index) => {
      const at = 6 + index * 16;
      expect(ico.readUInt8(at)).toBe(size >= 256 ? 0 : size);
      const offset = ico.readUInt32LE(at + 12);
      const png = ico.subarray(offset, offset + ico.readUInt32LE(at + 8));
      expect(pngSize(png)).toEqual([size, size]);
    });
  });

  it('writes an ICNS whose element lengths add up and hold PNGs of the right sizes', () => {
    const icns = readFileSync(join(out, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    let at = 8;
    for (const [type, size] of ICNS_TYPES as [string, number][]) {
      expect(icns.toString('latin1', at, at + 4)).toBe(type);
      const length = icns.readUInt32BE(at + 4);
      expect(pngSize(icns.subarray(at + 8, at + length))).toEqual([size, size]);
      at += length;
    }
    expect(at).toBe(icns.length);
  });
});

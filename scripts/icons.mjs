#!/usr/bin/env node
// Renders the app icon from resources/icon.svg (the one source) into build/, where
// electron-builder reads it: build/icons/<size>x<size>.png, build/icon.png (1024),
// build/icon.ico (PNG-compressed entries, Windows Vista and later) and build/icon.icns.
// Nothing here is committed; `npm run dist` runs it before electron-builder.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types and the PNG edge each holds (the @2x types are the larger bitmaps). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

/** One PNG per edge length, rendered from the SVG text. */
export function renderPngs(svg, sizes) {
  const out = new Map();
  for (const size of sizes) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    out.set(size, Buffer.from(png));
  }
  return out;
}

/** An ICO file whose entries are PNG streams (a 256 edge is written as 0). */
export function icoFrom(pngs) {
  const entries = [...pngs.entries()];
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(entries.length, 4);
  const directory = Buffer.alloc(16 * entries.length);
  let offset = header.length + directory.length;
  entries.forEach(([size, png], index) => {
    const at = index * 16;
    directory.writeUInt8(size >= 256 ? 0 : size, at);
    directory.writeUInt8(size >= 256 ? 0 : size, at + 1);
    directory.writeUInt8(0, at + 2); // no palette
    directory.writeUInt8(0, at + 3);
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(png.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...entries.map(([, png]) => png)]);
}

/** An ICNS file: `icns` + total length, then one (type, length, PNG) element per type. */
export function icnsFrom(pngs) {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const png = pngs.get(size);
    if (!png) throw new Error(`no ${size}px PNG for ICNS type ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + elements.reduce((sum, element) => sum + element.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

/** Writes every icon file into `outDir` and answers their paths. */
export function writeIcons(svgPath, outDir) {
  const svg = readFileSync(svgPath, 'utf8');
  const pngs = renderPngs(svg, PNG_SIZES);
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  const written = [];
  const write = (path, data) => {
    writeFileSync(path, data);
    written.push(path);
  };
  for (const [size, png] of pngs) write(join(outDir, 'icons', `${size}x${size}.png`), png);
  write(join(outDir, 'icon.png'), pngs.get(1024));
  write(join(outDir, 'icon.ico'), icoFrom(new Map(ICO_SIZES.map((size) => [size, pngs.get(size)]))));
  write(join(outDir, 'icon.icns'), icnsFrom(pngs));
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = process.argv[2] ?? join(root, 'build');
  const written = writeIcons(join(root, 'resources', 'icon.svg'), outDir);
  process.stdout.write(`icons: ${written.length} files in ${outDir}\n`);
}

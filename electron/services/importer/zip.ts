import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { importFailure } from './errors';

/** One file inside the archive, from the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * Reads a zip (an .xlsx) from its central directory and streams single entries through
 * zlib, so a 100k-row sheet is never held in memory whole. Only what .xlsx writers produce is
 * supported: stored or deflated entries, zip64 sizes; a missing end record means the file was
 * cut short (`import.truncated`).
 */
export class ZipArchive {
  private constructor(
    readonly path: string,
    readonly size: number,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const tailLength = Math.min(size, 65_557);
      const tail = await readAt(handle, size - tailLength, tailLength);
      let at = -1;
      for (let i = tail.length - 22; i >= 0; i--)
        if (tail.readUInt32LE(i) === EOCD) {
          at = i;
          break;
        }
      // A zip is written front to back and ends with its directory: no end record, cut short.
      if (at < 0) throw importFailure('import.truncated');
      let count = tail.readUInt16LE(at + 10);
      let directorySize = tail.readUInt32LE(at + 12);
      let directoryOffset = tail.readUInt32LE(at + 16);
      if (directoryOffset === 0xffffffff || count === 0xffff) {
        const locatorAt = at - 20;
        if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR)
          throw importFailure('import.corrupt');
        const record = await readAt(handle, Number(tail.readBigUInt64LE(locatorAt + 8)), 56);
        if (record.length < 56) throw importFailure('import.truncated');
        count = Number(record.readBigUInt64LE(32));
        directorySize = Number(record.readBigUInt64LE(40));
        directoryOffset = Number(record.readBigUInt64LE(48));
      }
      if (directoryOffset + directorySize > size) throw importFailure('import.truncated');
      const directory = await readAt(handle, directoryOffset, directorySize);
      return new ZipArchive(path, size, parseDirectory(directory, count));
    } finally {
      await handle.close();
    }
  }

  has(name: string): boolean {
    return this.entries.has(entryKey(name));
  }

  /**
   * The entry's bytes as a stream. `onCompressedBytes` reports raw bytes read from the file,
   * which is what progress can be measured against (the compressed size is known up front).
   */
  async stream(name: string, onCompressedBytes?: (bytes: number) => void): Promise<Readable> {
    const entry = this.entries.get(entryKey(name));
    if (!entry) throw importFailure('import.corrupt', name);
    if (entry.flags & 1) throw importFailure('import.encrypted');
    if (entry.method !== 0 && entry.method !== 8)
      throw importFailure('import.corrupt', `method ${entry.method}`);
    const handle = await open(this.path, 'r');
    let header: Buffer;
    try {
      header = await readAt(handle, entry.localHeaderOffset, 30);
    } finally {
      await handle.close();
    }
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw importFailure('import.corrupt', name);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > this.size) throw importFailure('import.truncated');
    const output = entry.method === 8 ? createInflateRaw() : new PassThrough();
    if (entry.compressedSize === 0) {
      output.end();
      return output;
    }
    const file = createReadStream(this.path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: 64 * 1024,
    });
    if (onCompressedBytes) file.on('data', (chunk) => onCompressedBytes(chunk.length));
    file.on('error', (error) => output.destroy(error));
    output.on('close', () => file.destroy());
    file.pipe(output);
    return output;
  }

  /** A small entry (workbook, relationships, styles) read whole and decoded as UTF-8. */
  async text(name: string, limit = 64 * 1024 * 1024): Promise<string> {
    const entry = this.entries.get(entryKey(name));
    if (entry && entry.uncompressedSize > limit) throw importFailure('import.too_large', name);
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(name)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}

/**
 * Part names are case-insensitive in OPC and writers differ (`xl/sharedStrings.xml` vs
 * `xl/SharedStrings.xml`, backslashes from some Windows tools), so look them up normalised.
 */
function entryKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
}

function parseDirectory(directory: Buffer, count: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL)
      throw importFailure('import.corrupt');
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    readZip64Extra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.set(entryKey(name), entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets that did not fit 32 bits live in the zip64 extra field, in this order. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= at + 4 + length ? Number(extra.readBigUInt64LE(field)) : NaN;
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
    }
    at += 4 + length;
  }
}

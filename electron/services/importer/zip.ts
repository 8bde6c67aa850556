import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { importFailure } from './errors';

/** One file inside the archive, from the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** How far one entry may inflate, whatever it declares (see `ZipArchive.chunks`). */
export interface EntryLimit {
  /** Inflated bytes past this are refused as `import.too_large`. */
  maxBytes: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes read per file read; inflated output comes in chunks of the same size. */
const READ_CHUNK = 64 * 1024;

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
 *
 * Nothing an entry declares is trusted: inflated bytes are counted as they come and reading
 * stops at the declared size (a "1 KB" part that inflates to gigabytes is a bomb:
 * `import.too_large`) and at the caller's hard cap; at the end the size and the CRC-32 must
 * match (a sheet damaged in the middle is `import.corrupt`, never half a list).
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
      // 46 bytes per directory record at least: a count beyond that is a lie.
      if (count > directorySize / 46) throw importFailure('import.corrupt', 'entry count');
      const directory = await readAt(handle, directoryOffset, directorySize);
      return new ZipArchive(path, size, parseDirectory(directory, count));
    } finally {
      await handle.close();
    }
  }

  has(name: string): boolean {
    return this.entries.has(entryKey(name));
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(entryKey(name));
  }

  /**
   * The entry's inflated bytes, chunk by chunk, bounded by `limit` and by what the entry
   * declares, checked against its CRC-32 when it ends. `onCompressedBytes` reports raw bytes
   * read from the file, which is what progress can be measured against. Stopping early (a
   * `break` in the caller's loop) closes the file.
   */
  async *chunks(
    name: string,
    limit: EntryLimit,
    onCompressedBytes?: (bytes: number) => void,
  ): AsyncGenerator<Buffer> {
    const entry = this.entries.get(entryKey(name));
    if (!entry) throw importFailure('import.corrupt', name);
    if (entry.flags & 1) throw importFailure('import.encrypted');
    if (entry.method !== 0 && entry.method !== 8)
      throw importFailure('import.corrupt', `method ${entry.method}`);
    if (entry.uncompressedSize > limit.maxBytes) throw importFailure('import.too_large', name);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize)
      throw importFailure('import.corrupt', `${name}: stored sizes differ`);
    const handle = await open(this.path, 'r');
    const inflate = entry.method === 8 ? createInflateRaw({ chunkSize: READ_CHUNK }) : undefined;
    try {
      const header = await readAt(handle, entry.localHeaderOffset, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw importFailure('import.corrupt', name);
      const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      if (start + entry.compressedSize > this.size) throw importFailure('import.truncated');
      const source = readRange(handle, start, entry.compressedSize, onCompressedBytes);
      let inflated = 0;
      let crc = 0;
      for await (const chunk of inflate ? inflateAll(source, inflate) : source) {
        inflated += chunk.length;
        // More than declared: the directory lies, the way a zip bomb does.
        if (inflated > entry.uncompressedSize)
          throw importFailure('import.too_large', `${name}: past its size`);
        crc = crc32(chunk, crc);
        yield chunk;
      }
      if (inflated !== entry.uncompressedSize) throw importFailure('import.corrupt', `${name}: short`);
      if (crc >>> 0 !== entry.crc >>> 0) throw importFailure('import.corrupt', `${name}: CRC`);
    } finally {
      inflate?.destroy();
      await handle.close();
    }
  }

  /** A small entry (workbook, relationships, styles) read whole and decoded as UTF-8. */
  async text(name: string, maxBytes = 16 * 1024 * 1024): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.chunks(name, { maxBytes })) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** The compressed bytes of one entry, in file order. */
async function* readRange(
  handle: FileHandle,
  start: number,
  length: number,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  for (let done = 0; done < length;) {
    const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, length - done));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start + done);
    if (bytesRead === 0) throw importFailure('import.truncated');
    done += bytesRead;
    onBytes?.(bytesRead);
    yield buffer.subarray(0, bytesRead);
  }
}

/**
 * Inflates `source` through `inflate`, pulling input only as output is consumed: zlib never
 * runs ahead of the reader, so a bomb costs one chunk of memory until the count stops it.
 */
async function* inflateAll(
  source: AsyncGenerator<Buffer>,
  inflate: ReturnType<typeof createInflateRaw>,
): AsyncGenerator<Buffer> {
  let failure: Error | undefined;
  inflate.on('error', (error) => (failure = error));
  const output = inflate[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const feed = (async () => {
    for await (const chunk of source) {
      if (failure) return;
      if (!inflate.write(chunk)) await new Promise((resolve) => inflate.once('drain', resolve));
    }
    inflate.end();
  })();
  // A read or truncation error in `feed` must surface here, and never as an unhandled rejection.
  feed.catch((error: Error) => {
    failure = error;
    inflate.destroy(error);
  });
  try {
    for (;;) {
      const next = await output.next().catch((error: Error) => {
        throw failure ?? error;
      });
      if (next.done) break;
      yield next.value;
    }
    await feed;
    if (failure) throw failure;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') throw importFailure('import.truncated', code);
    if (code?.startsWith('Z_') || code?.startsWith('ERR_')) throw importFailure('import.corrupt', code);
    throw error;
  } finally {
    await output.return?.();
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
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    readZip64Extra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    const key = entryKey(name);
    // Two parts one name apart only in case: which one Excel would read is anybody's guess.
    if (entries.has(key)) throw importFailure('import.corrupt', `two entries named ${name}`);
    entries.set(key, entry);
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

/**
 * The first `.wav` of a small zip held in memory: what CC-FS `downloadRecord` answers for a
 * callId with several recordings. Only what such an archive needs is read (stored or deflated
 * entries from the central directory); anything larger than the cap is refused before it is
 * inflated, and inflating stops at the cap too, so a hostile archive cannot exhaust memory.
 */
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Why an archive could not give a recording. */
export class ZipReadError extends Error {
  override readonly name = 'ZipReadError';
}

/** Whether the bytes start like a zip. */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/**
 * The name and bytes of the archive's first `.wav` (central-directory order), or null when it
 * holds none.
 * @throws ZipReadError for a damaged archive, a zip64 or encrypted entry, or one over `maxBytes`
 */
export function firstWav(zip: Uint8Array, maxBytes: number): { name: string; bytes: Uint8Array } | null {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw new ZipReadError('no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL)
      throw new ZipReadError('damaged central directory');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf
      .subarray(at + 46, at + 46 + nameLength)
      .toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1');
    at += 46 + skip;
    if (!/\.wav$/i.test(name)) continue;
    if (compressed === 0xffffffff || size === 0xffffffff)
      throw new ZipReadError('zip64 entries are not read');
    if ((flags & 1) !== 0) throw new ZipReadError('encrypted entry');
    if (size > maxBytes || compressed > maxBytes) throw new ZipReadError('entry larger than allowed');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL)
      throw new ZipReadError('damaged local header');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataAt + compressed > buf.length) throw new ZipReadError('entry cut short');
    const data = buf.subarray(dataAt, dataAt + compressed);
    if (method === 0) return { name, bytes: new Uint8Array(data) };
    if (method !== 8) throw new ZipReadError(`compression method ${method}`);
    try {
      return {
        name,
        bytes: new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) })),
      };
    } catch {
      throw new ZipReadError('entry could not be inflated');
    }
  }
  return null;
}

/**
 * G.711 decoding (ITU-T G.711): 8-bit A-law and μ-law samples to 16-bit linear PCM. Call
 * recordings are often A-law WAV (format tag 6), which browsers' decodeAudioData refuses, so
 * main turns them into PCM before the renderer sees them. Pure TypeScript, table-driven.
 */

function alawToLinear(byte: number): number {
  const a = byte ^ 0x55;
  const exponent = (a & 0x70) >> 4;
  let magnitude = (a & 0x0f) << 4;
  magnitude += exponent === 0 ? 8 : 0x108;
  if (exponent > 1) magnitude <<= exponent - 1;
  return a & 0x80 ? magnitude : -magnitude;
}

function mulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u & 0x70) >> 4;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
  return u & 0x80 ? -magnitude : magnitude;
}

/** Linear value of each of the 256 A-law codes. */
export const ALAW_TABLE: Int16Array = Int16Array.from({ length: 256 }, (_, i) => alawToLinear(i));
/** Linear value of each of the 256 μ-law codes. */
export const MULAW_TABLE: Int16Array = Int16Array.from({ length: 256 }, (_, i) => mulawToLinear(i));

/** Decodes A-law bytes to 16-bit PCM samples. */
export function decodeAlaw(bytes: Uint8Array): Int16Array {
  const out = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = ALAW_TABLE[bytes[i]!]!;
  return out;
}

/** Decodes μ-law bytes to 16-bit PCM samples. */
export function decodeMulaw(bytes: Uint8Array): Int16Array {
  const out = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = MULAW_TABLE[bytes[i]!]!;
  return out;
}

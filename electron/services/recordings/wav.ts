/**
 * Reading WAV files just enough to play and draw call recordings: the `fmt ` and `data` chunks,
 * PCM (8/16/24/32-bit), IEEE float, A-law and μ-law, plain or WAVE_FORMAT_EXTENSIBLE. G.711 is
 * rewritten as 16-bit PCM, which every browser decodes.
 */
import { ALAW_TABLE, decodeAlaw, decodeMulaw, MULAW_TABLE } from './g711';
import { computeG711Peaks, computePeaks } from './peaks';

export const WAVE_FORMAT = { pcm: 1, float: 3, alaw: 6, mulaw: 7, extensible: 0xfffe } as const;

/** What a WAV file holds. */
export interface WavInfo {
  /** The effective format tag (the sub-format of an extensible file). */
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Where the sample bytes are in the file. */
  dataOffset: number;
  dataLength: number;
}

/** Why a file cannot be read as a WAV the app decodes. */
export class WavError extends Error {
  override name = 'WavError';
}

const ascii = (b: Uint8Array, at: number): string =>
  String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/** Whether the bytes start like a RIFF/WAVE file. */
export function isWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0) === 'RIFF' && ascii(bytes, 8) === 'WAVE';
}

/**
 * Reads the header. A `data` chunk whose declared size runs past the end (a recording cut off
 * while being written, or a streaming writer's 0xFFFFFFFF) is taken up to the end of the file.
 * @throws WavError when it is not a WAV file or has no usable fmt/data chunk
 */
export function readWavInfo(bytes: Uint8Array): WavInfo {
  if (!isWav(bytes)) throw new WavError('not a RIFF/WAVE file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataLength'> | null = null;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new WavError('short fmt chunk');
      let format = view.getUint16(body, true);
      if (format === WAVE_FORMAT.extensible && size >= 40 && body + 26 <= bytes.length) {
        format = view.getUint16(body + 24, true); // the GUID's first two bytes are the tag
      }
      fmt = {
        format,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!fmt) throw new WavError('data before fmt');
      const dataLength = Math.min(size, bytes.length - body);
      return { ...fmt, dataOffset: body, dataLength };
    }
    at = body + size + (size % 2); // chunks are word-aligned
  }
  throw new WavError(fmt ? 'no data chunk' : 'no fmt chunk');
}

/** Whether the app can decode this format (for peaks and, after conversion, for playback). */
export function isDecodable(info: WavInfo): boolean {
  if (info.channels < 1 || info.sampleRate < 1) return false;
  if (info.format === WAVE_FORMAT.alaw || info.format === WAVE_FORMAT.mulaw) return info.bitsPerSample === 8;
  if (info.format === WAVE_FORMAT.pcm) return [8, 16, 24, 32].includes(info.bitsPerSample);
  if (info.format === WAVE_FORMAT.float) return info.bitsPerSample === 32;
  return false;
}

/** Interleaved samples scaled to [-1, 1], one value per sample per channel. */
export function samplesOf(bytes: Uint8Array, info: WavInfo): Float32Array {
  const data = bytes.subarray(info.dataOffset, info.dataOffset + info.dataLength);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = info.bitsPerSample / 8;
  const count = Math.floor(data.length / width);
  const out = new Float32Array(count);
  if (info.format === WAVE_FORMAT.alaw || info.format === WAVE_FORMAT.mulaw) {
    const pcm = info.format === WAVE_FORMAT.alaw ? decodeAlaw(data) : decodeMulaw(data);
    for (let i = 0; i < count; i++) out[i] = pcm[i]! / 32768;
  } else if (info.format === WAVE_FORMAT.float) {
    for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
  } else if (width === 1) {
    for (let i = 0; i < count; i++) out[i] = (data[i]! - 128) / 128;
  } else if (width === 2) {
    for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, true) / 32768;
  } else if (width === 3) {
    for (let i = 0; i < count; i++) {
      const v = data[i * 3]! | (data[i * 3 + 1]! << 8) | (data[i * 3 + 2]! << 16);
      out[i] = ((v << 8) >> 8) / 8388608;
    }
  } else {
    for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4, true) / 2147483648;
  }
  return out;
}

/**
 * Waveform peaks of a decodable WAV's audio, `perSecond` buckets a second: G.711 straight from
 * its codes (no PCM made), everything else from its samples.
 */
export function peaksOfWav(bytes: Uint8Array, info: WavInfo, perSecond: number): Uint8Array {
  if (info.format === WAVE_FORMAT.alaw || info.format === WAVE_FORMAT.mulaw) {
    const codes = bytes.subarray(info.dataOffset, info.dataOffset + info.dataLength);
    const table = info.format === WAVE_FORMAT.alaw ? ALAW_TABLE : MULAW_TABLE;
    return computeG711Peaks(codes, table, info.channels, info.sampleRate, perSecond);
  }
  return computePeaks(samplesOf(bytes, info), info.channels, info.sampleRate, perSecond);
}

/** The length of the audio in ms. */
export function durationMsOf(info: WavInfo): number {
  const frames = info.dataLength / ((info.bitsPerSample / 8) * info.channels);
  return Math.round((Math.floor(frames) * 1000) / info.sampleRate);
}

/** Whether this machine stores numbers little-endian, as WAV does (every platform we ship on). */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** A 16-bit PCM WAV file of `count` interleaved samples, `fill` writing them after the header. */
function pcm16Wav(
  count: number,
  channels: number,
  sampleRate: number,
  fill: (samples: Int16Array) => void,
): Uint8Array {
  const out = new Uint8Array(44 + count * 2);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string): void => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + count * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, WAVE_FORMAT.pcm, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, count * 2, true);
  if (LITTLE_ENDIAN) {
    // Written in place: an Int16Array over the data chunk (44 is even) is already little-endian.
    fill(new Int16Array(out.buffer, 44, count));
  } else {
    const samples = new Int16Array(count);
    fill(samples);
    for (let i = 0; i < count; i++) view.setInt16(44 + i * 2, samples[i]!, true);
  }
  return out;
}

/** A 16-bit PCM WAV file of interleaved samples. */
export function encodePcm16Wav(samples: Int16Array, channels: number, sampleRate: number): Uint8Array {
  return pcm16Wav(samples.length, channels, sampleRate, (out) => out.set(samples));
}

/**
 * The bytes to serve for a downloaded file: A-law and μ-law WAV become 16-bit PCM WAV (browsers
 * do not decode G.711), each code looked up straight into the new file; everything else is
 * served as it came.
 */
export function playableAudio(bytes: Uint8Array): Uint8Array {
  if (!isWav(bytes)) return bytes;
  let info: WavInfo;
  try {
    info = readWavInfo(bytes);
  } catch {
    return bytes;
  }
  if ((info.format !== WAVE_FORMAT.alaw && info.format !== WAVE_FORMAT.mulaw) || !isDecodable(info))
    return bytes;
  const codes = bytes.subarray(info.dataOffset, info.dataOffset + info.dataLength);
  const table = info.format === WAVE_FORMAT.alaw ? ALAW_TABLE : MULAW_TABLE;
  return pcm16Wav(codes.length, info.channels, info.sampleRate, (out) => {
    for (let i = 0; i < codes.length; i++) out[i] = table[codes[i]!]!;
  });
}

/**
 * Synthetic telephone audio: 8 kHz mono, written as 16-bit PCM WAV (format 1) or G.711 A-law WAV
 * (format 6, as many real call recordings are). Speech is imitated by voiced bursts with a
 * syllable-like envelope, so a waveform view shows where each utterance is; between utterances
 * there is near silence (faint comfort noise).
 */

import { mulberry32, randInt, type Rng } from './random';

export const SAMPLE_RATE = 8000;

export type SegmentKind = 'robot' | 'customer' | 'ringback' | 'busy' | 'announcement';

/** A sound placed on the recording's timeline. */
export interface AudioSegment {
  offsetMs: number;
  durationMs: number;
  kind: SegmentKind;
}

export type WavEncoding = 'pcm16' | 'alaw';

const COMFORT_NOISE = 12;
const TONE_HZ = 450; // Chinese ring-back and busy tones

/** Renders the segments over a silent timeline of `totalMs`. */
export function synthesize(totalMs: number, segments: readonly AudioSegment[], seed: number): Int16Array {
  const length = Math.max(0, Math.round((totalMs * SAMPLE_RATE) / 1000));
  const out = new Float32Array(length);
  const rng = mulberry32(seed);
  for (let i = 0; i < length; i++) out[i] = (rng() * 2 - 1) * COMFORT_NOISE;
  for (const segment of segments) {
    const from = Math.max(0, Math.round((segment.offsetMs * SAMPLE_RATE) / 1000));
    const to = Math.min(length, Math.round(((segment.offsetMs + segment.durationMs) * SAMPLE_RATE) / 1000));
    if (to <= from) continue;
    if (segment.kind === 'ringback') addTone(out, from, to, 1000, 4000);
    else if (segment.kind === 'busy') addTone(out, from, to, 350, 350);
    else
      addSpeech(
        out,
        from,
        to,
        segment.kind === 'customer' ? 125 : 205,
        segment.kind === 'customer' ? 7000 : 9000,
        rng,
      );
  }
  const pcm = new Int16Array(length);
  for (let i = 0; i < length; i++) pcm[i] = Math.max(-32768, Math.min(32767, Math.round(out[i]!)));
  return pcm;
}

function addTone(out: Float32Array, from: number, to: number, onMs: number, offMs: number): void {
  const on = (onMs * SAMPLE_RATE) / 1000;
  const period = on + (offMs * SAMPLE_RATE) / 1000;
  for (let i = from; i < to; i++) {
    if ((i - from) % period < on) out[i]! += 6000 * Math.sin((2 * Math.PI * TONE_HZ * i) / SAMPLE_RATE);
  }
}

/** Voiced syllables: a few harmonics of a drifting pitch plus breath noise, under a sine envelope. */
function addSpeech(
  out: Float32Array,
  from: number,
  to: number,
  pitch: number,
  amplitude: number,
  rng: Rng,
): void {
  let i = from;
  let phase = 0;
  while (i < to) {
    const syllable = Math.min(to - i, (randInt(rng, 140, 260) * SAMPLE_RATE) / 1000);
    const f0 = pitch * (0.85 + rng() * 0.3);
    for (let k = 0; k < syllable; k++) {
      const envelope = Math.sin((Math.PI * k) / syllable);
      phase += (2 * Math.PI * f0) / SAMPLE_RATE;
      const voiced =
        Math.sin(phase) + 0.6 * Math.sin(2 * phase) + 0.35 * Math.sin(3 * phase) + 0.2 * Math.sin(4 * phase);
      out[i + k]! += amplitude * envelope * (0.5 * voiced + 0.15 * (rng() * 2 - 1));
    }
    i += Math.round(syllable) + (randInt(rng, 15, 40) * SAMPLE_RATE) / 1000;
  }
}

/**
 * Encodes samples as a WAV file; with `channels` > 1 the samples are interleaved frames
 * (left, right, left, …), as stereo call recordings are.
 */
export function encodeWav(samples: Int16Array, encoding: WavEncoding, channels = 1): Buffer {
  if (encoding === 'alaw') {
    const data = Buffer.alloc(samples.length);
    for (let i = 0; i < samples.length; i++) data[i] = linearToAlaw(samples[i]!);
    // Non-PCM formats carry an 18-byte fmt chunk and a fact chunk with the sample count.
    const header = Buffer.alloc(58);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(50 + data.length, 4);
    header.write('WAVE', 8, 'ascii');
    header.write('fmt ', 12, 'ascii');
    header.writeUInt32LE(18, 16);
    header.writeUInt16LE(6, 20); // WAVE_FORMAT_ALAW
    header.writeUInt16LE(channels, 22);
    header.writeUInt32LE(SAMPLE_RATE, 24);
    header.writeUInt32LE(SAMPLE_RATE * channels, 28);
    header.writeUInt16LE(channels, 32);
    header.writeUInt16LE(8, 34);
    header.writeUInt16LE(0, 36);
    header.write('fact', 38, 'ascii');
    header.writeUInt32LE(4, 42);
    header.writeUInt32LE(samples.length / channels, 46);
    header.write('data', 50, 'ascii');
    header.writeUInt32LE(data.length, 54);
    return Buffer.concat([header, data]);
  }
  const header = Buffer.alloc(44);
  const dataBytes = samples.length * 2;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2 * channels, 28);
  header.writeUInt16LE(2 * channels, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  const data = Buffer.from(samples.buffer, samples.byteOffset, dataBytes);
  return Buffer.concat([header, data]);
}

const ALAW_SEGMENT_ENDS = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];

/** G.711 A-law encoding of one 16-bit sample (the reference algorithm, Sun's g711.c). */
export function linearToAlaw(sample: number): number {
  let pcm = sample >> 3;
  let mask: number;
  if (pcm >= 0) mask = 0xd5;
  else {
    mask = 0x55;
    pcm = -pcm - 1;
  }
  let segment = 0;
  while (segment < 8 && pcm > ALAW_SEGMENT_ENDS[segment]!) segment++;
  if (segment >= 8) return 0x7f ^ mask;
  let value = segment << 4;
  value |= segment < 2 ? (pcm >> 1) & 0x0f : (pcm >> segment) & 0x0f;
  return value ^ mask;
}

/** Interleaves two channels of equal length into stereo frames. */
export function interleave(left: Int16Array, right: Int16Array): Int16Array {
  const frames = Math.min(left.length, right.length);
  const out = new Int16Array(frames * 2);
  for (let i = 0; i < frames; i++) {
    out[2 * i] = left[i]!;
    out[2 * i + 1] = right[i]!;
  }
  return out;
}

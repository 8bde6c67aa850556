import { describe, expect, it } from 'vitest';
import { ALAW_TABLE, decodeAlaw, decodeMulaw } from '../../../electron/services/recordings/g711';
import {
  durationMsOf,
  playableAudio,
  readWavInfo,
  samplesOf,
  WAVE_FORMAT,
} from '../../../electron/services/recordings/wav';
import { encodeWav, linearToAlaw, synthesize } from '../../../electron/services/sandbox/wav';

describe('G.711 decoding', () => {
  it('matches the reference A-law values', () => {
    // ITU-T G.711 table: 0xD5/0x55 are the smallest steps, 0xAA/0x2A the largest.
    expect(Array.from(decodeAlaw(Uint8Array.of(0xd5, 0x55, 0xaa, 0x2a, 0x80, 0x00)))).toEqual([
      8, -8, 32256, -32256, 5504, -5504,
    ]);
    expect(Array.from(decodeMulaw(Uint8Array.of(0xff, 0x7f, 0x80, 0x00)))).toEqual([0, 0, 32124, -32124]);
  });

  it('inverts the reference encoder within one quantisation step', () => {
    for (let x = -32768; x < 32768; x += 7) {
      const back = ALAW_TABLE[linearToAlaw(x)]!;
      // A-law steps grow with the magnitude: 16 near zero, 1024 at full scale.
      const step = Math.max(16, 2 ** (Math.floor(Math.log2(Math.max(1, Math.abs(x)))) - 4));
      expect(Math.abs(back - x)).toBeLessThanOrEqual(step);
    }
  });
});

describe('A-law WAV → PCM WAV', () => {
  it('turns an A-law recording into a 16-bit PCM WAV with the same sound and length', () => {
    const pcm = synthesize(3000, [{ offsetMs: 500, durationMs: 1500, kind: 'robot' }], 3);
    const alaw = new Uint8Array(encodeWav(pcm, 'alaw'));
    expect(readWavInfo(alaw).format).toBe(WAVE_FORMAT.alaw);
    const out = playableAudio(alaw);
    const info = readWavInfo(out);
    expect(info).toMatchObject({ format: WAVE_FORMAT.pcm, bitsPerSample: 16, channels: 1, sampleRate: 8000 });
    expect(durationMsOf(info)).toBe(3000);
    const decoded = samplesOf(out, info);
    expect(decoded.length).toBe(pcm.length);
    let worst = 0;
    for (let i = 0; i < pcm.length; i++) worst = Math.max(worst, Math.abs(decoded[i]! * 32768 - pcm[i]!));
    expect(worst).toBeLessThanOrEqual(1024);
  });

  it('writes exactly the decoded samples, for A-law and μ-law, in stereo', () => {
    const pcm = synthesize(1000, [{ offsetMs: 100, durationMs: 800, kind: 'customer' }], 5);
    for (const [decode, format] of [
      [decodeAlaw, WAVE_FORMAT.alaw],
      [decodeMulaw, WAVE_FORMAT.mulaw],
    ] as const) {
      // The same codes read as μ-law when the format tag says so, and as two channels.
      const g711 = new Uint8Array(encodeWav(pcm, 'alaw'));
      g711[20] = format;
      g711[22] = 2;
      const info = readWavInfo(g711);
      expect(info.format).toBe(format);
      const out = playableAudio(g711);
      const back = readWavInfo(out);
      expect(back).toMatchObject({ format: WAVE_FORMAT.pcm, channels: 2, sampleRate: 8000 });
      const codes = g711.subarray(info.dataOffset, info.dataOffset + info.dataLength);
      const samples = new Int16Array(out.slice(back.dataOffset).buffer);
      expect(Array.from(samples)).toEqual(Array.from(decode(codes)));
    }
  });

  it('leaves PCM WAV and other files as they are', () => {
    const pcm = new Uint8Array(encodeWav(synthesize(500, [], 1), 'pcm16'));
    expect(playableAudio(pcm)).toBe(pcm);
    const mp3 = Uint8Array.of(0x49, 0x44, 0x33, 4, 0, 0);
    expect(playableAudio(mp3)).toBe(mp3);
  });
});

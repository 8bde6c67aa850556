import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, makeRows, openApi, type Api, type Json } from './helpers';

let api: Api;
let results: Json[];

beforeAll(async () => {
  api = await openApi();
  const taskid = await api.createTask({ robot_num: '4' });
  await api.addRows(taskid, makeRows(60));
  api.sb.control.advance(24 * HOUR);
  results = await api.allResults(taskid);
});
afterAll(() => api.close());

interface Wav {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  samples: Float64Array;
}

/** G.711 A-law to linear (the reference decoder). */
function alawToLinear(value: number): number {
  const a = value ^ 0x55;
  let t = (a & 0x0f) << 4;
  const segment = (a & 0x70) >> 4;
  if (segment === 0) t += 8;
  else if (segment === 1) t += 0x108;
  else t = (t + 0x108) << (segment - 1);
  return a & 0x80 ? t : -t;
}

/** A minimal RIFF reader: walks the chunks, decodes PCM16 or A-law samples. */
function decodeWav(bytes: Buffer): Wav {
  expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
  expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
  expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
  let offset = 12;
  let fmt: Omit<Wav, 'samples'> | null = null;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = {
        format: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bitsPerSample: bytes.readUInt16LE(body + 14),
      };
      const blockAlign = bytes.readUInt16LE(body + 12);
      expect(bytes.readUInt32LE(body + 8)).toBe(fmt.sampleRate * blockAlign);
      expect(blockAlign).toBe((fmt.channels * fmt.bitsPerSample) / 8);
    }
    if (id === 'data') {
      if (!fmt) throw new Error('data before fmt');
      expect(body + size).toBe(bytes.length);
      const count = size / (fmt.bitsPerSample / 8);
      const samples = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        samples[i] = fmt.format === 1 ? bytes.readInt16LE(body + 2 * i) : alawToLinear(bytes[body + i]!);
      }
      return { ...fmt, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

function rms(samples: Float64Array, fromMs: number, toMs: number): number {
  const from = Math.max(0, Math.round(fromMs * 8));
  const to = Math.min(samples.length, Math.round(toMs * 8));
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / Math.max(1, to - from));
}

async function fetchWav(url: string): Promise<Wav> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('audio/wav');
  return decodeWav(Buffer.from(await response.arrayBuffer()));
}

describe('call recordings', () => {
  it('are 8 kHz mono WAVs, PCM16 or (every fifth or so) A-law', async () => {
    const formats = new Set<number>();
    for (const r of results.slice(0, 30)) {
      const wav = await fetchWav(r.detail.voice_url);
      expect(wav.channels).toBe(1);
      expect(wav.sampleRate).toBe(8000);
      expect([1, 6]).toContain(wav.format);
      expect(wav.bitsPerSample).toBe(wav.format === 1 ? 16 : 8);
      formats.add(wav.format);
    }
    expect(formats).toEqual(new Set([1, 6]));
  });

  it('last fee_duration for connected calls, with speech at each utterance offset and silence between', async () => {
    const connected = results.filter((r) => r.detail.status === '2');
    expect(connected.length).toBeGreaterThan(15);
    let checked = 0;
    for (const { detail, msg } of connected.slice(0, 15)) {
      const wav = await fetchWav(detail.voice_url);
      const durationMs = (wav.samples.length / 8000) * 1000;
      expect(Math.abs(durationMs - Number(detail.fee_duration))).toBeLessThanOrEqual(1);
      const answer = Number(detail.answer_time);
      const offsets = msg.map((m: Json) => Math.max(0, Number(m.date_time) - answer));
      expect(offsets[0]).toBe(0); // the first line, stamped before the answer, plays from the start
      for (let i = 0; i < offsets.length; i++) {
        expect(
          rms(wav.samples, offsets[i] + 30, offsets[i] + 250),
          `speech at utterance ${i}`,
        ).toBeGreaterThan(800);
        if (i > 0) {
          // The 300 ms before an utterance is silence (utterances are at least 450 ms apart).
          expect(rms(wav.samples, offsets[i] - 330, offsets[i] - 30), `silence before ${i}`).toBeLessThan(60);
        }
      }
      // And nothing is said in the last moment before the hang-up.
      expect(rms(wav.samples, durationMs - 350, durationMs)).toBeLessThan(60);
      checked++;
    }
    expect(checked).toBe(15);
  });

  it('cover start→end (call_duration) for unanswered calls', async () => {
    const unanswered = results.filter((r) => r.detail.status !== '2').slice(0, 5);
    expect(unanswered.length).toBe(5);
    for (const { detail } of unanswered) {
      const wav = await fetchWav(detail.voice_url);
      expect(Math.abs((wav.samples.length / 8000) * 1000 - Number(detail.call_duration))).toBeLessThanOrEqual(
        1,
      );
      expect(rms(wav.samples, 0, 300)).toBeLessThan(60);
      expect(rms(wav.samples, 0, Number(detail.call_duration))).toBeGreaterThan(200);
    }
  });

  it('are deterministic and support HEAD and byte ranges', async () => {
    const url = results[0]!.detail.voice_url as string;
    const whole = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(whole)).toBe(true);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(whole.length));
    const part = await fetch(url, { headers: { range: 'bytes=10-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-99/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(10, 100))).toBe(true);
    const bad = await fetch(url, { headers: { range: `bytes=${whole.length + 5}-` } });
    expect(bad.status).toBe(416);
  });

  it('answer 404 for unknown calls and templates', async () => {
    expect((await fetch(`${api.sb.origin}/sandbox-media/call/soboticall0000.wav`)).status).toBe(404);
    expect(
      (await fetch(`${api.sb.origin}/sandbox-media/template/6a6d592bf37e4898bcfafd1cb4384f29/1.wav`)).status,
    ).toBe(404);
  });
});

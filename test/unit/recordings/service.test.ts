import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMediaProxy, MEDIA_ROUTE } from '../../../electron/services/media/proxy';
import { PeaksCache } from '../../../electron/services/recordings/peaksCache';
import { recordingKey, RecordingService } from '../../../electron/services/recordings/service';
import { readWavInfo, WAVE_FORMAT } from '../../../electron/services/recordings/wav';
import { encodeWav, synthesize } from '../../../electron/services/sandbox/wav';

// A stand-in for object storage: an A-law WAV, a WAV in a codec nobody decodes, and 403s.
const alaw = encodeWav(synthesize(4000, [{ offsetMs: 1000, durationMs: 2000, kind: 'customer' }], 2), 'alaw');
const shorter = encodeWav(synthesize(3000, [{ offsetMs: 500, durationMs: 1000, kind: 'robot' }], 3), 'pcm16');
const gsm = Buffer.from(alaw);
gsm.writeUInt16LE(0x31, 20); // WAVE_FORMAT_GSM610
const hits: Record<string, number> = {};
const server = createServer((req, res) => {
  hits[req.url ?? ''] = (hits[req.url ?? ''] ?? 0) + 1;
  if (req.url === '/a.wav') res.writeHead(200, { 'content-type': 'audio/wav' }).end(alaw);
  else if (req.url === '/b.wav') res.writeHead(200, { 'content-type': 'audio/wav' }).end(shorter);
  else if (req.url === '/gsm.wav') res.writeHead(200, { 'content-type': 'audio/wav' }).end(gsm);
  else if (req.url === '/expired.wav')
    res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error/>');
  else res.writeHead(404).end();
});
let origin = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function setup(caps: { mediaBytes?: number; peaksBytes?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cd-rec-'));
  const proxy = createMediaProxy({
    dir: join(dir, 'media'),
    maxCacheBytes: caps.mediaBytes,
    trustedHosts: ['127.0.0.1'],
  });
  // `open` watched: the service reads the cached file back only when it has no other bytes.
  const media = { ...proxy, open: vi.fn(proxy.open) };
  const peaks = new PeaksCache(join(dir, 'peaks'), { maxTotalBytes: caps.peaksBytes });
  return { dir, media, service: new RecordingService({ media, peaks }) };
}

describe('recordings', () => {
  it('serves an A-law recording as PCM from the app’s origin with peaks, then reopens from the cache', async () => {
    const { media, service } = setup();
    const first = await service.open({ kind: 'url', url: `${origin}/a.wav` });
    if (!first.ok) throw new Error(first.problem);
    // The peaks came from the A-law bytes as downloaded, not from the PCM file read back.
    expect(media.open).not.toHaveBeenCalled();
    expect(first.url.startsWith(MEDIA_ROUTE)).toBe(true);
    expect(first.durationMs).toBe(4000);
    expect(first.peaksPerSecond).toBe(100);
    expect(first.peaks!.length).toBe(400);
    // Loud where the customer speaks (1–3 s), near silent elsewhere.
    expect(Math.max(...first.peaks!.slice(120, 280))).toBeGreaterThan(30);
    expect(Math.max(...first.peaks!.slice(0, 90))).toBeLessThan(5);
    const file = await media.open(first.url.slice(MEDIA_ROUTE.length));
    expect(readWavInfo(new Uint8Array(readFileSync(file!.path))).format).toBe(WAVE_FORMAT.pcm);

    const again = await service.open({ kind: 'url', url: `${origin}/a.wav` });
    expect(again).toEqual(first);
  });

  it('says clearly when there is no recording, the address expired, or the audio cannot be decoded', async () => {
    const { service } = setup();
    expect(await service.open(null)).toEqual({ ok: false, problem: 'none' });
    expect(await service.open({ kind: 'url', url: `${origin}/expired.wav` })).toMatchObject({
      ok: false,
      problem: 'expired',
      detail: 'HTTP 403',
    });
    expect(await service.open({ kind: 'url', url: `${origin}/gone.wav` })).toMatchObject({
      ok: false,
      problem: 'expired',
      detail: 'HTTP 404',
    });
    expect(await service.open({ kind: 'url', url: `${origin}/gsm.wav` })).toMatchObject({
      ok: false,
      problem: 'undecodable',
    });
  });
});

describe('recordings under small caches', () => {
  it('fetches the audio and computes the peaks again for a recording the caches evicted', async () => {
    // Room for one recording only: a is 4 s (64 kB as PCM, 412 B of peaks), b 3 s (48 kB, 312 B).
    const { dir, service, media } = setup({ mediaBytes: 70_000, peaksBytes: 500 });
    const [a, b] = [`${origin}/a.wav`, `${origin}/b.wav`];
    const fetched = hits['/a.wav'] ?? 0;
    const first = await service.open({ kind: 'url', url: a });
    if (!first.ok) throw new Error(first.problem);
    expect(hits['/a.wav']).toBe(fetched + 1);
    expect(await service.open({ kind: 'url', url: b })).toMatchObject({ ok: true, durationMs: 3000 });
    expect(readdirSync(join(dir, 'peaks'))).toEqual([`${recordingKey(b)}.peaks`]);
    expect(readdirSync(join(dir, 'media'))).toEqual([`${recordingKey(b)}.wav`]);

    const again = await service.open({ kind: 'url', url: a });
    expect(again).toEqual(first);
    expect(hits['/a.wav']).toBe(fetched + 2);
    expect(media.open).not.toHaveBeenCalled();
    expect(existsSync(join(dir, 'peaks', `${recordingKey(a)}.peaks`))).toBe(true);
    expect(existsSync(join(dir, 'peaks', `${recordingKey(b)}.peaks`))).toBe(false);
  });

  it('computes the peaks again from the PCM file when only the peaks were evicted', async () => {
    // Room for both recordings' audio, for one's peaks: a's are computed again from its PCM file.
    const { service, media } = setup({ peaksBytes: 500 });
    const [a, b] = [`${origin}/a.wav`, `${origin}/b.wav`];
    const fetched = hits['/a.wav'] ?? 0;
    const first = await service.open({ kind: 'url', url: a });
    await service.open({ kind: 'url', url: b });
    const again = await service.open({ kind: 'url', url: a });
    expect(again).toEqual(first);
    expect(hits['/a.wav']).toBe(fetched + 1);
    expect(media.open).toHaveBeenCalledTimes(1);
  });
});

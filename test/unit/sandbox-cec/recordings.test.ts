/**
 * Recordings and transcripts on the CEC sandbox, through the client: CC-FS by drive path, by
 * callId (a zip of two parts), the voicebot folder (mode "1"), object-storage links left to the
 * media proxy, failures as HTTP 200 JSON (0300011, 0300008 waited out), and QC transcripts whose
 * lines sit where the speech is in the stereo A-law file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type CallOutcome, type CecError, type RecordingFetch } from '../../../electron/services/huawei';
import { readWavInfo, samplesOf, WAVE_FORMAT } from '../../../electron/services/recordings/wav';
import { DAY, MINUTE, numberRows, openCec, T0, type Cec } from './helpers';

let cec: Cec;
afterEach(async () => cec?.close());

/** A campaign with 80 finished calls, and their outcomes. */
async function finishedCalls(): Promise<CallOutcome[]> {
  const id = await cec.campaign({ slots: [{ begin: '00:00', end: '23:59' }], callCount: 4 });
  cec.sb.control.cec.seedNumbers(id, numberRows(80));
  cec.sb.control.advance(DAY);
  return cec
    .client()
    .callResults(id, { from: T0, to: T0 + DAY })
    .fetchAll();
}

/** RMS of one channel between two instants. */
function rms(samples: Float32Array, channel: number, fromMs: number, toMs: number): number {
  let sum = 0;
  let n = 0;
  for (let f = Math.floor((fromMs * 8000) / 1000); f < Math.floor((toMs * 8000) / 1000); f++) {
    const v = samples[f * 2 + channel];
    if (v === undefined) break;
    sum += v * v;
    n++;
  }
  return n === 0 ? 0 : Math.sqrt(sum / n);
}

describe('CEC recordings and transcripts', () => {
  it('downloads a drive-path recording: stereo 8 kHz A-law, speech where the QC segments are', async () => {
    cec = await openCec();
    const calls = await finishedCalls();
    cec.sb.control.advance(10 * MINUTE);
    const client = cec.client();
    // The first drive-path call whose transcript is done.
    let found: { call: CallOutcome; transcript: Awaited<ReturnType<typeof client.qcTranscript>> } | null =
      null;
    for (const call of calls.filter((c) => c.recordPath.startsWith('Y:/'))) {
      const transcript = await client.qcTranscript(call.callId);
      if (transcript.state === 'done') {
        found = { call, transcript };
        break;
      }
    }
    expect(found).not.toBeNull();
    const { call } = found!;
    const source = client.recordingSource(call.recordPath, call.callId);
    expect(source).toEqual({ kind: 'ccfs-record', fileName: call.recordPath });
    const rec = await client.downloadRecording(source);
    if (rec.kind !== 'wav') throw new Error(rec.kind);
    const info = readWavInfo(rec.bytes);
    expect(info).toMatchObject({ format: WAVE_FORMAT.alaw, channels: 2, sampleRate: 8000 });
    const durationMs = (info.dataLength / 2 / 8000) * 1000;
    const transcript = await client.qcTranscript(call.callId, { recordingMs: durationMs });
    expect(transcript.state).toBe('done');
    expect(transcript.durationMs).toBe(durationMs);
    const samples = samplesOf(rec.bytes, info);
    for (const line of transcript.utterances) {
      const channel = line.speaker === 'customer' ? 0 : 1;
      const mid = (line.startMs + line.endMs) / 2;
      expect(rms(samples, channel, mid - 100, mid + 100), line.text).toBeGreaterThan(0.05);
      expect(line.endMs).toBeLessThanOrEqual(durationMs);
    }
    // Silence on the robot's channel while only the customer speaks, and before the first line.
    expect(rms(samples, 1, 0, Math.max(0, transcript.utterances[0]!.startMs - 50))).toBeLessThan(0.01);
  });

  it('has done, pending and failed transcripts, stereo overlaps, and lines ordered by start', async () => {
    cec = await openCec();
    const calls = (await finishedCalls()).filter((c) => c.callStatus === 6 && c.callId);
    cec.sb.control.advance(10 * MINUTE);
    const client = cec.client();
    const states = new Map<string, number>();
    let overlaps = 0;
    for (const call of calls) {
      const t = await client.qcTranscript(call.callId);
      states.set(t.state, (states.get(t.state) ?? 0) + 1);
      for (let i = 1; i < t.utterances.length; i++) {
        expect(t.utterances[i]!.startMs).toBeGreaterThanOrEqual(t.utterances[i - 1]!.startMs);
        if (t.utterances[i]!.startMs < t.utterances[i - 1]!.endMs) overlaps++;
      }
    }
    expect(states.get('done')).toBeGreaterThan(0);
    expect(states.get('pending')).toBeGreaterThan(0);
    expect(states.get('failed')).toBeGreaterThan(0);
    expect(overlaps).toBeGreaterThan(0);
  });

  it('shows a transcript as pending right after the call and done a little later', async () => {
    cec = await openCec();
    const id = await cec.campaign({ slots: [{ begin: '00:00', end: '23:59' }], callCount: 4 });
    cec.sb.control.cec.seedNumbers(id, numberRows(24));
    const client = cec.client();
    const firstLook = new Map<string, string>();
    for (let step = 0; step < 300; step++) {
      cec.sb.control.advance(2_000);
      for (const c of await client.callResults(id, { from: T0, to: T0 + DAY }).fetchAll())
        if (c.callStatus === 6 && c.callId && !firstLook.has(c.callId))
          firstLook.set(c.callId, (await client.qcTranscript(c.callId)).state);
    }
    expect(firstLook.size).toBeGreaterThan(3);
    // Within 2 s of the hang-up no transcript is done yet (QC takes 20–90 s).
    expect([...firstLook.values()].filter((s) => s === 'done')).toEqual([]);
    cec.sb.control.advance(5 * MINUTE);
    const later = await Promise.all([...firstLook.keys()].map((callId) => client.qcTranscript(callId)));
    expect(later.filter((t) => t.state === 'done').length).toBeGreaterThan(0);
  });

  it('takes the first .wav of the zip a callId with two recordings answers', async () => {
    cec = await openCec();
    const calls = await finishedCalls();
    const client = cec.client();
    const empty = calls.filter((c) => c.recordPath === '' && c.callStatus === 6 && c.callId);
    let zipped = 0;
    for (const call of empty) {
      let rec: RecordingFetch;
      try {
        rec = await client.downloadRecording(client.recordingSource('', call.callId));
      } catch (err) {
        expect((err as CecError).code).toBe('0300011');
        continue;
      }
      if (rec.kind !== 'wav') throw new Error('no wav');
      if (rec.entryName) {
        zipped++;
        expect(rec.entryName).toBe(`${call.callId}_1.wav`);
        expect(readWavInfo(rec.bytes).channels).toBe(2);
      }
    }
    expect(zipped).toBeGreaterThan(0);
  });

  it('leaves object-storage links to the media proxy, and the link serves the file', async () => {
    cec = await openCec();
    const call = (await finishedCalls()).find((c) => /^https?:/.test(c.recordPath))!;
    const client = cec.client();
    const rec = await client.downloadRecording(client.recordingSource(call.recordPath, call.callId));
    expect(rec).toEqual({ kind: 'url', url: call.recordPath });
    const res = await fetch(call.recordPath);
    expect(res.status).toBe(200);
    expect(readWavInfo(new Uint8Array(await res.arrayBuffer())).channels).toBe(2);
  });

  it('fetches the voicebot folder with mode "1", refuses a folder of two files and a missing file (0300011)', async () => {
    cec = await openCec();
    const client = cec.client();
    const prompt = await client.downloadRecording(client.recordingSource('Y:/3rdfile/1/thirdvoicebotfile'));
    expect(prompt.kind).toBe('wav');
    const body = cec.sb.control.cec.lastSignedRequest()!.body.toString('utf8');
    expect(body).toBe(
      '{"request":{"version":"2.0"},"msgBody":{"filePath":"Y:/3rdfile/1/thirdvoicebotfile","mode":"1"}}',
    );
    await expect(
      client.downloadRecording(client.recordingSource('Y:/3rdfile/1/IVRrecordFile')),
    ).rejects.toMatchObject({ code: '0300011' });
    await expect(
      client.downloadRecording(client.recordingSource('Y:/1/1/20240304/1/nothing.V3')),
    ).rejects.toMatchObject({ code: '0300011' });
    expect(client.recordingSource('')).toEqual({ kind: 'none' });
  });

  it('waits out CC-FS flow control (0300008) and never sends a Range header', async () => {
    cec = await openCec();
    const client = cec.client({
      fetch: (input, init) => {
        expect(new Headers(init.headers as Record<string, string>).has('range')).toBe(false);
        return fetch(input, init);
      },
    });
    cec.sb.control.cec.setFault('downloadFile', 'code:0300008', 'once');
    const waits: number[] = [];
    const rec = await client.downloadRecording(client.recordingSource('Y:/3rdfile/1/thirdvoicebotfile'), {
      sleep: async (ms) => void waits.push(ms),
    });
    expect(rec.kind).toBe('wav');
    expect(waits).toEqual([1000]);
    cec.sb.control.cec.setFault('downloadFile', 'code:0300008', 'persistent');
    await expect(
      client.downloadRecording(client.recordingSource('Y:/3rdfile/1/thirdvoicebotfile'), {
        sleep: async () => undefined,
      }),
    ).rejects.toMatchObject({ code: '0300008' });
  });
});

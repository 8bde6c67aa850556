/** QC segments as utterances: ordered, placed in ms, speakers through the channels. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SPEC_PATH = join(__dirname, '../../../../shared/spec/huawei-cec-fragments.txt');
import { toQcTranscript } from '../../../electron/services/huawei';
import { isJsonObject, parseTolerantJson, type JsonObject } from '../../../electron/services/huawei/json';

const exampleText = readFileSync(join(__dirname, '../../fixtures/huawei/qc-detail-example.json'), 'utf8');
const parse = (text: string): JsonObject => {
  const v = parseTolerantJson(text);
  if (!isJsonObject(v)) throw new Error('not an object');
  return v;
};

describe('QC transcript', () => {
  it.skipIf(!existsSync(SPEC_PATH))('the fixture is the fragments’ own example', () => {
    const spec = readFileSync(SPEC_PATH, 'utf8');
    expect(spec).toContain(exampleText.trim());
  });

  it('places the fragments’ example: seconds to ms, customer and staff from the channels', () => {
    const t = toQcTranscript(parse(exampleText), { staff: 'agent' });
    expect(t.state).toBe('done');
    expect(t.status).toBe(2);
    expect(t.durationMs).toBe(104_120);
    expect(t.utterances).toEqual([
      { segmentId: '1', speaker: 'customer', text: '请问是您想询价吗', startMs: 0, endMs: 11_320 },
      { segmentId: '2', speaker: 'agent', text: '对', startMs: 13_360, endMs: 13_880 },
      {
        segmentId: '3',
        speaker: 'customer',
        text: '那您是打算在北京这边买车是吗',
        startMs: 14_560,
        endMs: 16_740,
      },
      { segmentId: '4', speaker: 'agent', text: '是的', startMs: 18_740, endMs: 19_680 },
    ]);
    expect(toQcTranscript(parse(exampleText)).utterances[1]!.speaker).toBe('robot');
  });

  it('sorts by start then segment_id (numerically), keeps overlaps, clamps to the recording', () => {
    const body = parse(
      JSON.stringify({
        status: 2,
        left_channel: 'staff',
        right_channel: 'customer',
        segments: [
          { segment_id: 10, start_time: 5, end_time: 9, speaker: 'left', asr_text: 'c' },
          { segment_id: 9, start_time: 5, end_time: 6, speaker: 'right', asr_text: 'b' },
          { segment_id: 2, start_time: 1.2345, end_time: 7, speaker: 0, asr_text: 'a' },
          { segment_id: 11, start_time: 30, end_time: 40, speaker: 1, asr_text: 'late' },
        ],
      }),
    );
    const t = toQcTranscript(body, { recordingMs: 20_000 });
    expect(t.utterances.map((u) => [u.segmentId, u.speaker, u.startMs, u.endMs])).toEqual([
      ['2', 'robot', 1235, 7000],
      ['9', 'customer', 5000, 6000],
      ['10', 'robot', 5000, 9000],
      ['11', 'customer', 20_000, 20_000],
    ]);
  });

  it('reads numeric channel owners by the example’s layout and role names directly', () => {
    const t = toQcTranscript(
      parse(
        '{"status":"2","left_channel":1,"right_channel":2,"segments":[{"segment_id":1,"start_time":0,"end_time":1,"speaker":"0"},{"segment_id":2,"start_time":2,"end_time":3,"speaker":"customer"},{"segment_id":3,"start_time":4,"end_time":5,"speaker":"staff"}]}',
      ),
    );
    expect(t.utterances.map((u) => u.speaker)).toEqual(['customer', 'customer', 'robot']);
  });

  it('gives no lines for pending or failed inspections', () => {
    for (const [status, state] of [
      [0, 'pending'],
      [1, 'pending'],
      [3, 'pending'],
      [9, 'failed'],
      [31, 'failed'],
      [40, 'failed'],
    ] as const) {
      const t = toQcTranscript(parse(exampleText.replace('"status": 2', `"status": ${status}`)));
      expect(t.state, String(status)).toBe(state);
      expect(t.utterances).toEqual([]);
    }
  });
});

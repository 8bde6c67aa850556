/**
 * Transcripts that come on their own (Huawei CEC quality inspection): a connected call is
 * stored `pending`; the transcript fetched on review is kept when ready or failed, and a later
 * push or sync of the same call (which carries no transcript) neither wipes nor re-pends it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesKnown } from '../../../shared/results';
import { cecFactory } from '../../../electron/services/huawei/provider/index';
import { openListServices } from '../../../electron/services/lists';
import { CallStore } from '../../../electron/services/results/callStore';
import { ResultsReader } from '../../../electron/services/results/resultsQuery';
import { createJournalOutidResolver } from '../../../electron/services/uploads/index';

const PUSH = JSON.stringify([
  {
    campaignId: '1001',
    sessionId: 's-1',
    called: '13911112222',
    callTimeStr: '2026-03-10 10:00:00',
    callStatus: 6,
    failCode: '0',
    vdnId: 1,
    callId: '1644464743-1388',
    customField: '',
    recordPath: 'Y:/voice/1/20260310/1644464743-1388.wav',
  },
  {
    campaignId: '1001',
    sessionId: 's-2',
    called: '13911113333',
    callTimeStr: '2026-03-10 10:01:00',
    callStatus: 5,
    failCode: '34606',
    vdnId: 1,
    callId: '',
    customField: '',
    recordPath: '',
  },
]);

describe('the CEC callback', () => {
  it('reads callTimeStr in the account’s zone, else Asia/Shanghai', () => {
    const at = (settings?: Record<string, string>) =>
      cecFactory.parsePush(PUSH, settings).calls[0]!.startedAt;
    expect(at()).toBe(Date.UTC(2026, 2, 10, 2, 0));
    expect(at({ timeZone: 'UTC' })).toBe(Date.UTC(2026, 2, 10, 10, 0));
    expect(at({ timeZone: 'Europe/Berlin' })).toBe(Date.UTC(2026, 2, 10, 9, 0));
    expect(at({ timeZone: 'not/a-zone' })).toBe(Date.UTC(2026, 2, 10, 2, 0));
    expect(cecFactory.parsePush(PUSH).answer).toEqual({
      status: 200,
      contentType: 'application/json;charset=UTF-8',
      body: '{"retCode":"0","retMsg":"success"}',
    });
    expect(() => cecFactory.parsePush('{"not":"an array"}')).toThrow();
  });
});

describe('transcripts fetched on review', () => {
  it('are kept once ready or failed, through repeated pushes', () => {
    const services = openListServices(mkdtempSync(join(tmpdir(), 'cd-transcripts-')));
    try {
      const calls = new CallStore(services.db, createJournalOutidResolver(services.db));
      const reader = new ResultsReader(services.db);
      const ingest = (): void => {
        calls.ingest(cecFactory.parsePush(PUSH).calls, { accountId: 'a', taskId: null, now: 1 });
      };
      ingest();
      const [connected, never] = cecFactory.parsePush(PUSH).calls;
      expect(connected).toMatchObject({ transcript: 'pending', recording: { kind: 'provider' } });
      // 34606: never placed, an id of its own, nothing to transcribe.
      expect(never).toMatchObject({ transcript: 'none', outcome: 'not_dialled', recording: null });
      expect(never!.id).toMatch(/^derived:/);
      expect(reader.call('a', connected!.id)?.transcript).toBe('pending');
      // Its line count is not known until the transcript comes (its 0 is "not known"); the call
      // never connected has no lines, known.
      const row = (id: string) =>
        reader.page('a', { kind: 'task', taskId: '1001' }, {}, 0, 10).calls.find((c) => c.id === id)!;
      expect(row(connected!.id)).toMatchObject({ transcript: 'pending', utteranceCount: 0 });
      expect(linesKnown(row(connected!.id))).toBe(false);
      expect(linesKnown(row(never!.id))).toBe(true);

      const lines = [
        { speaker: 'robot' as const, text: '您好', at: null, startMs: 0, endMs: 900, remark: null },
        { speaker: 'customer' as const, text: '你好', at: null, startMs: 800, endMs: 1500, remark: null },
      ];
      calls.storeTranscript('a', connected!.id, { state: 'ready', utterances: lines }, 2);
      ingest();
      const review = reader.call('a', connected!.id)!;
      expect(review.transcript).toBe('ready');
      expect(review.call).toMatchObject({ transcript: 'ready', utteranceCount: 2 });
      expect(linesKnown(row(connected!.id))).toBe(true);
      expect(review.lines.map((l) => [l.text, l.startMs, l.endMs])).toEqual([
        ['您好', 0, 900],
        ['你好', 800, 1500],
      ]);
      // Placed as QC says (overlap kept), clamped into the recording.
      expect(
        cecFactory.placeTranscript({ startedAt: 0, answeredAt: 0, callMs: 0, talkMs: 0 }, review.lines, 1200),
      ).toEqual([
        { index: 0, speaker: 'robot', text: '您好', startMs: 0, endMs: 900, remark: null },
        { index: 1, speaker: 'customer', text: '你好', startMs: 800, endMs: 1200, remark: null },
      ]);

      calls.storeTranscript('a', connected!.id, { state: 'failed', utterances: [] }, 3);
      ingest();
      expect(reader.call('a', connected!.id)?.transcript).toBe('failed');
      // Failed for good: no lines, and that is known (a retry may bring some).
      expect(row(connected!.id)).toMatchObject({ transcript: 'failed', utteranceCount: 0 });
      expect(linesKnown(row(connected!.id))).toBe(true);
    } finally {
      services.close();
    }
  });
});

describe('a call’s times looked up on review', () => {
  it('outlive a later push of the call that carries none, which is still written', () => {
    const services = openListServices(mkdtempSync(join(tmpdir(), 'cd-timing-')));
    try {
      const calls = new CallStore(services.db, createJournalOutidResolver(services.db));
      const reader = new ResultsReader(services.db);
      const ingest = (body: string): void => {
        calls.ingest(cecFactory.parsePush(body).calls, { accountId: 'a', taskId: null, now: 1 });
      };
      ingest(PUSH);
      const id = cecFactory.parsePush(PUSH).calls[0]!.id;
      expect(reader.call('a', id)!.call).toMatchObject({ endedAt: null, talkMs: 0 });
      const answeredAt = Date.UTC(2026, 2, 10, 2, 0, 5);
      const timing = { answeredAt, endedAt: answeredAt + 42_000, callMs: 47_000, talkMs: 42_000 };
      calls.storeTiming('a', id, timing, 2);
      expect(reader.call('a', id)!.call).toMatchObject(timing);

      // The same call pushed again with a new recording path: written (the path changes), times kept.
      ingest(PUSH.replace('1644464743-1388.wav', '1644464743-1388-b.wav'));
      const after = reader.call('a', id)!.call;
      expect(after).toMatchObject(timing);
      expect(after.hasRecording).toBe(true);
      const stored = services.db
        .prepare('SELECT recording FROM result_calls WHERE callid = ?')
        .pluck()
        .get(id);
      expect(String(stored)).toContain('1388-b.wav');
    } finally {
      services.close();
    }
  });
});

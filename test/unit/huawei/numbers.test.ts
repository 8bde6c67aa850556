/**
 * Adding numbers, against a scripted sender: the local checks, ≤ 20 rows with distinct numbers
 * per request, a refused request split until its bad rows stand alone, 0200022 waited out, a
 * lost answer leaving its rows uncertain, and 19-digit dataIds kept exact.
 */
import { describe, expect, it } from 'vitest';
import {
  CecError,
  TransportError,
  checkNumberRow,
  checkNumberRows,
  countFates,
  createPacer,
  type NumberRow,
} from '../../../electron/services/huawei';
import {
  addNumberRows,
  planRequests,
  readDataIds,
  type WireNumber,
} from '../../../electron/services/huawei/numbers';
import { isJsonObject, parseTolerantJson, type JsonObject } from '../../../electron/services/huawei/json';

const rows = (n: number, from = 0): NumberRow[] =>
  Array.from({ length: n }, (_, k) => ({
    sessionId: `s${from + k}`,
    called: `139${String(10_000_000 + from + k).slice(-8)}`,
  }));

/** A pacer on a fake clock: no real waiting, but every wait is recorded. */
function fakePacer() {
  let t = 0;
  const waits: number[] = [];
  const pacer = createPacer(1000, {
    now: () => t,
    sleep: async (ms) => {
      waits.push(ms);
      t += ms;
    },
  });
  return { pacer, waits, now: () => t };
}

const ok = (extra: Record<string, unknown> = {}): JsonObject => {
  const v = parseTolerantJson(JSON.stringify({ returnCode: '0200000', resultCode: '0200000', ...extra }));
  if (!isJsonObject(v)) throw new Error('x');
  return v;
};

describe('number checks (the upload plan’s)', () => {
  it('refuses each limit with its own problem', () => {
    const base = { sessionId: 'a', called: '13800138000' };
    expect(checkNumberRow(base)).toBeNull();
    expect(checkNumberRow({ ...base, called: '*86#1380' })).toBeNull();
    expect(checkNumberRow({ ...base, sessionId: 'x'.repeat(33) })).toBe('session_id_too_long');
    expect(checkNumberRow({ ...base, sessionId: '长'.repeat(32) })).toBeNull();
    expect(checkNumberRow({ ...base, sessionId: ' ' })).toBe('session_id_empty');
    expect(checkNumberRow({ ...base, called: '138-0013-8000' })).toBe('called_characters');
    expect(checkNumberRow({ ...base, called: '1'.repeat(25) })).toBe('called_too_long');
    expect(checkNumberRow({ ...base, customField: 'x'.repeat(201) })).toBe('custom_field_too_long');
    expect(checkNumberRow({ ...base, customField: '字'.repeat(200) })).toBeNull();
    // 1024 bytes of JSON: {"v":"…"} is 8 bytes of frame; a CJK character is 3 bytes.
    expect(checkNumberRow({ ...base, callData: { v: 'x'.repeat(1016) } })).toBeNull();
    expect(checkNumberRow({ ...base, callData: { v: 'x'.repeat(1017) } })).toBe('call_data_too_large');
    expect(checkNumberRow({ ...base, callData: { v: '字'.repeat(339) } })).toBe('call_data_too_large');
  });

  it('refuses a sessionId repeated in the upload, keeping the first', () => {
    const { ok: good, problems } = checkNumberRows([...rows(3), { sessionId: 's1', called: '13900000009' }]);
    expect(good).toEqual([0, 1, 2]);
    expect(problems).toEqual([{ index: 3, problem: 'session_id_repeated' }]);
  });
});

describe('planRequests', () => {
  it('puts at most 20 rows in a request and never the same number twice in one', () => {
    const wire: WireNumber[] = [
      ...rows(45).map((r) => ({ sessionId: r.sessionId, called: r.called })),
      { sessionId: 'dup1', called: '13910000000' },
      { sessionId: 'dup2', called: '13910000000' },
    ];
    const plan = planRequests(
      wire,
      wire.map((_, i) => i),
      20,
    );
    expect(plan.flat().sort((a, b) => a - b)).toEqual(wire.map((_, i) => i));
    for (const req of plan) {
      expect(req.length).toBeLessThanOrEqual(20);
      const called = req.map((i) => wire[i]!.called);
      expect(new Set(called).size).toBe(called.length);
    }
  });
});

describe('addNumberRows', () => {
  it('sends ≤ 20 rows a request, paced ≥ 1 s apart, all accepted with their dataIds', async () => {
    const { pacer, now } = fakePacer();
    const starts: number[] = [];
    const report = await addNumberRows(
      rows(45),
      async (batch) => {
        starts.push(now());
        expect(batch.length).toBeLessThanOrEqual(20);
        return ok({
          data: batch.map((r, i) => ({ sessionId: r.sessionId, dataId: `9${String(i).padStart(18, '0')}` })),
        });
      },
      { pacer },
    );
    expect(starts).toEqual([0, 1000, 2000]);
    expect(countFates(report.fates)).toEqual({ accepted: 45, rejected: 0, uncertain: 0, not_sent: 0 });
    expect(report.fates[21]).toEqual({ fate: 'accepted', dataId: '9000000000000000001' });
  });

  it('counts the spacing from when a request leaves, not from when its turn came', async () => {
    // The first request waits 300 ms for a slot (or its signature) after its turn; the second
    // leaves at once. Counted from the turns they would leave 700 ms apart, under the limit.
    let t = 0;
    const pacer = createPacer(1000, {
      now: () => t,
      sleep: async (ms) => void (t += ms),
    });
    const left: number[] = [];
    let request = 0;
    await addNumberRows(
      rows(40),
      async (batch, _signal, onDispatch) => {
        if (request++ === 0) t += 300;
        onDispatch?.();
        left.push(t);
        return ok({ data: batch.map((r) => ({ sessionId: r.sessionId, dataId: '9'.repeat(19) })) });
      },
      { pacer },
    );
    expect(left).toEqual([300, 1300]);
  });

  it('isolates a blocklisted row by halving and keeps the rest', async () => {
    const { pacer } = fakePacer();
    const bad = rows(20)[13]!.called;
    let requests = 0;
    const report = await addNumberRows(
      rows(20),
      async (batch) => {
        requests++;
        if (batch.some((r) => r.called === bad)) throw new CecError('0200024', 'addNumbers');
        return ok();
      },
      { pacer },
    );
    expect(report.stoppedBy).toBeUndefined();
    expect(report.fates[13]).toEqual({
      fate: 'rejected',
      code: 'huawei.0200024',
      reason: 'A number is on the blocklist',
    });
    expect(countFates(report.fates)).toEqual({ accepted: 19, rejected: 1, uncertain: 0, not_sent: 0 });
    // 1 + 2·log2(20) at most.
    expect(requests).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(20)));
  });

  it('waits out 0200022 and sends the same request again', async () => {
    const { pacer, waits } = fakePacer();
    let calls = 0;
    const report = await addNumberRows(
      rows(5),
      async () => {
        calls++;
        if (calls === 1) throw new CecError('0200022', 'addNumbers');
        return ok();
      },
      { pacer },
    );
    expect(calls).toBe(2);
    expect(waits).toEqual([1000]);
    expect(countFates(report.fates).accepted).toBe(5);
  });

  it('leaves the rows of a lost answer uncertain and the rest not sent', async () => {
    const { pacer } = fakePacer();
    let calls = 0;
    const sent: number[][] = [];
    const report = await addNumberRows(
      rows(50),
      async () => {
        if (++calls === 2)
          throw new TransportError({ code: 'net.timeout', endpoint: 'addNumbers', sent: 'maybe' });
        return ok();
      },
      { pacer, onSend: (indices) => sent.push([...indices]) },
    );
    expect(report.stoppedBy).toBeInstanceOf(TransportError);
    expect(countFates(report.fates)).toEqual({ accepted: 20, rejected: 0, uncertain: 20, not_sent: 10 });
    expect(report.fates[25]).toEqual({ fate: 'uncertain', code: 'net.timeout' });
    expect(sent).toHaveLength(2);
  });

  it('stops at a campaign-level code (status does not allow numbers) with nothing guessed', async () => {
    const { pacer } = fakePacer();
    const report = await addNumberRows(
      rows(30),
      async () => {
        throw new CecError('0200019', 'addNumbers');
      },
      { pacer },
    );
    expect((report.stoppedBy as CecError).code).toBe('0200019');
    expect(countFates(report.fates)).toEqual({ accepted: 0, rejected: 0, uncertain: 0, not_sent: 30 });
  });

  it('reports locally refused rows and never sends them', async () => {
    const { pacer } = fakePacer();
    const seen: string[] = [];
    const input = [...rows(2), { sessionId: 'bad', called: '12-34' }];
    const report = await addNumberRows(
      input,
      async (batch) => {
        seen.push(...batch.map((r) => r.sessionId));
        return ok();
      },
      { pacer },
    );
    expect(seen).toEqual(['s0', 's1']);
    expect(report.fates[2]).toMatchObject({ fate: 'rejected', code: 'huawei.row_rejected' });
  });
});

describe('readDataIds', () => {
  it('keeps 19-digit dataIds sent as bare numbers exact', () => {
    const v = parseTolerantJson(
      '{"returnCode":"0200000","data":[{"sessionId":"b","dataId":1234567890123456789},{"sessionId":"a","dataId":9007199254740993123}]}',
    );
    if (!isJsonObject(v)) throw new Error('x');
    expect(
      readDataIds(v, [
        { sessionId: 'a', called: '1' },
        { sessionId: 'b', called: '2' },
      ]),
    ).toEqual(['9007199254740993123', '1234567890123456789']);
    expect(JSON.parse('{"d":9007199254740993123}').d).not.toBe(9007199254740993123n.toString());
  });
});

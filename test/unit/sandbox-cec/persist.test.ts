/**
 * The CEC sandbox keeps its campaigns, numbers and calls in its own file beside the Sobot
 * state, goes on after a restart with the same outcomes, and moves a bad file aside.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_STATE_FILE_NAME } from '../../../electron/services/sandbox';
import { DAY, MINUTE, numberRows, openCec, T0, type Cec } from './helpers';

const open: Cec[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});
const start = async (stateFile: string): Promise<Cec> => {
  const cec = await openCec({ stateFile });
  open.push(cec);
  return cec;
};
const stop = async (cec: Cec): Promise<void> => {
  open.splice(open.indexOf(cec), 1);
  await cec.close();
};

describe('CEC sandbox state file', () => {
  it('brings back campaigns, numbers, calls, transcripts and recordings after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cec-state-'));
    const file = join(dir, SANDBOX_STATE_FILE_NAME);
    const first = await start(file);
    const id = await first.campaign({ slots: [{ begin: '00:00', end: '23:59' }], callCount: 2 });
    first.sb.control.cec.seedNumbers(id, numberRows(200));
    first.sb.control.advance(20 * MINUTE);
    const client = first.client();
    const before = await client.callResults(id, { from: T0, to: T0 + DAY }).fetchAll();
    const pending = first.sb.control.cec.campaignNumbers(id).filter((r) => r.state === 'pending').length;
    expect(before.length).toBeGreaterThan(0);
    expect(pending).toBeGreaterThan(0);
    const connected = before.find((c) => c.callStatus === 6 && c.recordPath.startsWith('Y:/'))!;
    const recording = await client.downloadRecording(client.recordingSource(connected.recordPath));
    const firstOrigin = first.sb.origin;
    await stop(first);
    expect(readdirSync(dir).sort()).toEqual(['sandbox-state.cec.json', 'sandbox-state.json']);
    expect(readFileSync(join(dir, 'sandbox-state.cec.json'), 'utf8')).not.toContain('sandbox-demo-sk');

    const second = await start(file);
    const again = second.client();
    expect((await again.campaignDetail(id)).status).toBe(2);
    const after = await again.callResults(id, { from: T0, to: T0 + DAY }).fetchAll();
    // The same calls; only the object-storage links carry the new port.
    const unport = (calls: typeof before, origin: string) =>
      calls.map((c) => ({ ...c, recordPath: c.recordPath.replace(origin, 'ORIGIN') }));
    expect(unport(after.slice(0, before.length), second.sb.origin)).toEqual(unport(before, firstOrigin));
    expect(second.sb.control.cec.campaignNumbers(id)).toHaveLength(200);
    const back = await again.downloadRecording(again.recordingSource(connected.recordPath));
    // Compared as bytes: a deep toEqual of 500 KB took seconds under load, blocking the loop.
    expect(back.kind === 'wav' && recording.kind === 'wav').toBe(true);
    if (back.kind === 'wav' && recording.kind === 'wav')
      expect(Buffer.from(back.bytes).equals(Buffer.from(recording.bytes))).toBe(true);
    // It goes on dialling what was left.
    second.sb.control.advance(2 * DAY);
    expect(await again.callResults(id, { from: T0, to: T0 + 2 * DAY }).fetchAll()).toHaveLength(200);
    // New campaigns do not reuse ids.
    expect(Number(await second.campaign({ beginTime: T0 + 3 * DAY, endTime: T0 + 4 * DAY }))).toBeGreaterThan(
      Number(id),
    );
  });

  it('moves a corrupt CEC file aside and starts the CEC tenant empty, the Sobot side untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-cec-state-'));
    const file = join(dir, SANDBOX_STATE_FILE_NAME);
    writeFileSync(
      join(dir, 'sandbox-state.cec.json'),
      '{"format":"campaign-desk.sandbox-cec-state","version":1,"campaigns":[{}]}',
    );
    const cec = await start(file);
    expect((await cec.client().listCampaigns()).campaigns).toEqual([]);
    expect(readdirSync(dir).some((f) => f.startsWith('sandbox-state.cec.json.corrupt-'))).toBe(true);
    await stop(cec);
    expect(existsSync(join(dir, 'sandbox-state.cec.json'))).toBe(false);
  });
});

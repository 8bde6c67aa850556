/**
 * "Retry" on a transcript that comes on its own (CEC quality inspection): review fetches one
 * still pending and keeps a failed one for good; `retryTranscript` asks QC again whatever is
 * stored, stores what it answers (pending included), leaves a ready one alone, and says why
 * when the fetch itself fails (storing nothing). Review also looks up a connected call's answer
 * and end times (CEC's outcomes carry only its start), which a later sync keeps.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cecFactory, cecProvider } from '../../../electron/services/huawei/provider/index';
import { openListServices, type ListServices } from '../../../electron/services/lists/index';
import { createMediaProxy } from '../../../electron/services/media/proxy';
import { ResultsFeature } from '../../../electron/services/results/feature';
import { DAY, MINUTE, numberRows, openCec, type Cec } from '../sandbox-cec/helpers';

const ACCOUNT = 'cec-1';
let cec: Cec | null = null;
let services: ListServices | null = null;
let results: ResultsFeature | null = null;
afterEach(async () => {
  await results?.close();
  services?.close();
  await cec?.close();
  cec = services = results = null;
});

/** A results feature over a CEC account on the sandbox, with a synced campaign's calls. */
async function setup(): Promise<{ cec: Cec; results: ResultsFeature; connected: string[] }> {
  cec = await openCec();
  const open = cec;
  const client = open.client();
  const provider = cecProvider(client, { callerNumbers: [], flows: [] });
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-retry-'));
  services = openListServices(dataDir);
  results = new ResultsFeature({
    db: services.db,
    dataDir,
    accounts: {
      activeId: () => ACCOUNT,
      sessionFor: () =>
        Promise.resolve({ accountId: ACCOUNT, provider, factory: cecFactory, trustedHosts: ['127.0.0.1'] }),
      factoryFor: () => cecFactory,
    },
    lists: services.store,
    media: createMediaProxy({ dir: join(dataDir, 'media'), trustedHosts: ['127.0.0.1'] }),
    now: () => open.sb.control.now(),
    pushHost: '127.0.0.1',
  });
  const campaign = await open.campaign({ slots: [{ begin: '00:00', end: '23:59' }], callCount: 4 });
  open.sb.control.cec.seedNumbers(campaign, numberRows(20));
  open.sb.control.advance(DAY);
  await results.sync(campaign);
  const page = results.query({ kind: 'task', taskId: campaign }, { outcomes: ['connected'] }, 0, 100);
  const connected = page.calls.filter((c) => !c.id.startsWith('derived:')).map((c) => c.id);
  expect(connected.length).toBeGreaterThan(2);
  return { cec: open, results, connected };
}

describe('retrying a transcript', () => {
  it('asks QC again for a failed one, which review keeps for good', async () => {
    const { cec, results, connected } = await setup();
    const id = connected[0]!;
    cec.sb.control.cec.setQcStatus(id, 9);
    expect((await results.review(id)).transcript).toBe('failed');
    // QC has run again: review still shows the stored failure, a retry fetches the lines.
    cec.sb.control.cec.setQcStatus(id, 2);
    expect((await results.review(id)).transcript).toBe('failed');
    const retried = await results.retryTranscript(id);
    expect(retried.transcript).toBe('ready');
    expect(retried.utterances.length).toBeGreaterThan(1);
    expect(results.call(id)).toEqual(retried);

    // Ready stays ready: a retry does not ask again.
    cec.sb.control.cec.setQcStatus(id, 31);
    expect((await results.retryTranscript(id)).transcript).toBe('ready');
  });

  it('stores what QC answers now, pending included', async () => {
    const { cec, results, connected } = await setup();
    const id = connected[1]!;
    cec.sb.control.cec.setQcStatus(id, 35);
    expect((await results.review(id)).transcript).toBe('failed');
    cec.sb.control.cec.setQcStatus(id, 1);
    expect((await results.retryTranscript(id)).transcript).toBe('pending');
    cec.sb.control.advance(10 * MINUTE);
    cec.sb.control.cec.setQcStatus(id, 2);
    // Pending again: review fetches it on its own now.
    expect((await results.review(id)).transcript).toBe('ready');
  });

  it('throws when the fetch fails and keeps what was stored', async () => {
    const { cec, results, connected } = await setup();
    const id = connected[2]!;
    cec.sb.control.cec.setQcStatus(id, 9);
    expect((await results.review(id)).transcript).toBe('failed');
    cec.sb.control.cec.setQcStatus(id, 2);
    cec.sb.control.cec.setFault('qcDetail', 'html', 'persistent');
    await expect(results.retryTranscript(id)).rejects.toThrow();
    cec.sb.control.cec.clearFaults();
    expect(results.call(id).transcript).toBe('failed');
  });
});

describe('a CEC call’s times on review', () => {
  it('are looked up from the call detail once, stored, and kept by a later sync', async () => {
    const { cec, results, connected } = await setup();
    const id = connected[0]!;
    const before = results.call(id).call;
    expect(before.endedAt).toBeNull();
    expect(before.talkMs).toBe(0);

    const detail = await cec.client().callResultDetail(id);
    expect(detail.callEndTime).not.toBeNull();
    const reviewed = (await results.review(id)).call;
    expect(reviewed.endedAt).toBe(detail.callEndTime);
    expect(reviewed.answeredAt).toBe(detail.callBeginTime);
    expect(reviewed.talkMs).toBe(detail.callEndTime! - detail.callBeginTime!);
    expect(reviewed.talkMs).toBeGreaterThan(0);
    expect(reviewed.callMs).toBeGreaterThanOrEqual(reviewed.talkMs);
    expect(results.call(id).call).toEqual(reviewed);

    // A later sync answers the call again without times: the looked-up ones stay.
    const campaign = reviewed.taskId!;
    cec.sb.control.advance(DAY);
    await results.sync(campaign);
    expect(results.call(id).call.talkMs).toBe(reviewed.talkMs);
    expect(results.call(id).call.endedAt).toBe(reviewed.endedAt);
  });

  it('stay unknown when the lookup fails, and are filled by the next review', async () => {
    const { cec, results, connected } = await setup();
    const id = connected[1]!;
    cec.sb.control.cec.setQcStatus(id, 2);
    cec.sb.control.cec.setFault('callResultDetail', 'html', 'persistent');
    const review = await results.review(id);
    expect(review.transcript).toBe('ready');
    expect(review.call.endedAt).toBeNull();
    cec.sb.control.cec.clearFaults();
    expect((await results.review(id)).call.talkMs).toBeGreaterThan(0);
  });
});

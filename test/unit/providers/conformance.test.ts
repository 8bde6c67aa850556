/**
 * The provider conformance suite: the same scenarios against every registered provider on its
 * own sandbox — check the account, create a task, pause and resume it within its life cycle,
 * upload rows with one refused, sync results, take a push, fetch a recording, place a
 * transcript. A provider joins by adding its harness; one missing from `HARNESSES` fails here.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_OUTCOMES, durationsKnown } from '../../../shared/results';
import { isActionAllowed } from '../../../shared/taskLifecycle';
import { TASK_STATUSES } from '../../../shared/tasks';
import { PROVIDERS } from '../../../electron/services/providers/registry';
import type { ProviderCall } from '../../../electron/services/providers/types';
import { durationMsOf, isWav, readWavInfo } from '../../../electron/services/recordings/wav';
import type { ConformanceHarness, ConformanceSession } from './harness';
import { cecHarness } from './cec.harness';
import { sobotHarness } from './sobot.harness';

const HARNESSES: readonly ConformanceHarness[] = [sobotHarness, cecHarness];

describe('every registered provider has a conformance harness', () => {
  it('lists each provider of the registry once', () => {
    expect(HARNESSES.map((h) => h.id).sort()).toEqual(Object.keys(PROVIDERS).sort());
  });
});

for (const harness of HARNESSES) {
  describe(`provider conformance: ${harness.id}`, () => {
    let session: ConformanceSession;
    let receiver: Server;
    let pushUrl = '';
    const pushes: string[] = [];
    let taskId = '';
    let calls: ProviderCall[] = [];
    const rows = harness.goodRows(6, `conf-${harness.id}`);

    beforeAll(async () => {
      session = await harness.start();
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          pushes.push(body);
          const answer = session.factory.parsePush(body).answer;
          res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      pushUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/push/x`;
    });
    afterAll(async () => {
      await session?.close();
      await new Promise((resolve) => receiver.close(resolve));
    });

    it('checks the account with a harmless call', async () => {
      const report = await session.provider.check({ deadline: Date.now() + 15_000 });
      expect(report.checks.length).toBeGreaterThan(0);
      expect(report.checks.every((c) => c.outcome !== 'failed')).toBe(true);
      for (const check of report.checks) expect(check.label['zh-CN'] && check.label.en).toBeTruthy();
    });

    it('creates a task the provider then reports, with a status in the app’s words', async () => {
      const draft = await harness.draft(session, `一致性 ${harness.id}`, pushUrl);
      ({ id: taskId } = await session.provider.createTask(draft, draft.callingHours));
      const task = await session.provider.getTask(taskId);
      expect(task).toMatchObject({ id: taskId, name: draft.name });
      expect(TASK_STATUSES).toContain(task!.status);
      expect(task!.statusCode).not.toBe('');
      const listed = await session.provider.listTasks([taskId]);
      expect(listed.map((t) => t.id)).toContain(taskId);
    });

    it('takes rows with a fate for each, isolating the one it refuses', async () => {
      const refused = harness.refusedRow(`conf-${harness.id}`);
      const batch = [...rows.slice(0, 3), refused, ...rows.slice(3)];
      expect(batch.length).toBeLessThanOrEqual(session.provider.capabilities.rows.batchRows);
      const report = await session.provider.sendRows(taskId, batch);
      expect(report.stoppedBy).toBeUndefined();
      expect(report.accepted.sort()).toEqual(rows.map((r) => r.key).sort());
      expect(report.rejected).toEqual([
        expect.objectContaining({ key: refused.key, code: expect.any(String) }),
      ]);
      expect(report.uncertain).toEqual([]);
      expect(report.notSent).toEqual([]);
      if (session.provider.lookUpRows) {
        const seen = new Map<string, boolean>();
        await session.provider.lookUpRows(taskId, [rows[0]!.key, 'never-sent'], 2, (key, onTask) =>
          seen.set(key, onTask),
        );
        expect(Object.fromEntries(seen)).toEqual({ [rows[0]!.key]: true, 'never-sent': false });
      }
    });

    it('pauses and resumes within its life cycle', async () => {
      const { capabilities } = session.provider;
      session.advance(1_000);
      const running = (await session.provider.getTask(taskId))!;
      expect(isActionAllowed(capabilities, running.status, 'pause')).toBe(true);
      await session.provider.changeTask(taskId, 'pause');
      const paused = (await session.provider.getTask(taskId))!;
      expect(paused.status).toBe('paused');
      expect(isActionAllowed(capabilities, paused.status, 'pause')).toBe(false);
      expect(isActionAllowed(capabilities, paused.status, 'resume')).toBe(true);
      await session.provider.changeTask(taskId, 'resume');
      expect(isActionAllowed(capabilities, (await session.provider.getTask(taskId))!.status, 'resume')).toBe(
        false,
      );
    });

    it('dials them and syncs every call, in the app’s words', async () => {
      for (let i = 0; i < 12 && calls.length < rows.length; i++) {
        session.advance(10 * 60_000);
        calls = [];
        const day = 86_400_000;
        const window = { from: session.now() - day, to: session.now() + day };
        for await (const page of session.provider.results(taskId, window)) calls.push(...page.calls);
      }
      expect(calls).toHaveLength(rows.length);
      expect(new Set(calls.map((c) => c.id)).size).toBe(rows.length);
      for (const call of calls) {
        expect(CALL_OUTCOMES).toContain(call.outcome);
        expect(call.outcomeCode).not.toBe('');
        expect(rows.map((r) => r.telephone)).toContain(call.telephone);
        expect(call.startedAt).toEqual(expect.any(Number));
      }
      expect(calls.some((c) => c.outcome === 'connected')).toBe(true);
      if (session.provider.rowCall) {
        // One row's latest call, looked up by its key.
        const call = await session.provider.rowCall(taskId, rows[0]!.key);
        expect(calls.map((c) => c.id)).toContain(call?.id);
        expect(call?.telephone).toBe(rows[0]!.telephone);
      }
    });

    it('sends results to the push receiver, which parses them and answers as the provider expects', async () => {
      await session.flushPushes();
      expect(pushes.length).toBeGreaterThan(0);
      const parsed = pushes.flatMap((body) => session.factory.parsePush(body).calls);
      expect(parsed.map((c) => c.id).every((id) => calls.some((c) => c.id === id))).toBe(true);
      expect(() => session.factory.parsePush('not json at all')).toThrow();
    });

    it('gives each connected call’s recording, and places its transcript on it', async () => {
      const connected = calls.filter((c) => c.outcome === 'connected' && c.recording);
      expect(connected.length).toBeGreaterThan(0);
      let placedCalls = 0;
      for (const call of connected) {
        if (placedCalls === 2) break;
        const ref = call.recording!;
        const bytes =
          ref.kind === 'url'
            ? new Uint8Array(await (await fetch(ref.url)).arrayBuffer())
            : await session.provider.fetchRecording!(ref.ref);
        expect(isWav(bytes)).toBe(true);
        const durationMs = durationMsOf(readWavInfo(bytes));
        expect(durationMs).toBeGreaterThan(0);
        // A provider whose transcripts come on their own fetches it now (it may still be pending).
        let lines = call.utterances;
        if (session.provider.capabilities.transcripts === 'on_review') {
          expect(lines).toEqual([]);
          const fetched = await session.provider.fetchTranscript!(call.id);
          expect(['ready', 'pending', 'failed']).toContain(fetched.state);
          if (fetched.state !== 'ready') continue;
          lines = fetched.utterances;
        }
        expect(lines.length).toBeGreaterThan(0);
        placedCalls++;
        const placed = session.factory.placeTranscript(
          {
            startedAt: call.startedAt,
            answeredAt: call.answeredAt,
            callMs: call.callMs,
            talkMs: call.talkMs,
          },
          lines,
          durationMs,
        );
        expect(placed).toHaveLength(lines.length);
        for (const line of placed) {
          expect(['robot', 'agent', 'customer']).toContain(line.speaker);
          expect(line.startMs).toBeGreaterThanOrEqual(0);
          expect(line.endMs!).toBeLessThanOrEqual(durationMs);
          expect(line.endMs!).toBeGreaterThanOrEqual(line.startMs!);
        }
      }
      expect(placedCalls).toBeGreaterThan(0);
    });

    it('gives a connected call’s times with it, or (durations on review) looks them up on their own', async () => {
      const connected = calls.filter((c) => c.outcome === 'connected');
      expect(connected.length).toBeGreaterThan(0);
      if (session.provider.capabilities.durations === 'with_call') {
        for (const call of connected) expect(durationsKnown(call)).toBe(true);
        return;
      }
      // Not known until reviewed (the Results screen says so under its talk-time filters).
      for (const call of connected) expect(durationsKnown(call)).toBe(false);
      const timing = await session.provider.callTiming!(connected[0]!.id);
      expect(timing).not.toBeNull();
      expect(durationsKnown({ ...connected[0]!, ...timing! })).toBe(true);
    });

    it('removes rows it can, and deletes the task', async () => {
      if (session.provider.capabilities.rows.remove) {
        const fresh = await harness.draft(session, `一致性删除 ${harness.id}`, pushUrl);
        const { id } = await session.provider.createTask(fresh, fresh.callingHours);
        const extra = harness.goodRows(2, `rm-${harness.id}`);
        // Paused first where it can be: a provider may start dialling rows the moment they
        // arrive, and a dialled row cannot be removed. Others pause once the task has rows.
        const before = (await session.provider.getTask(id))!.status;
        const pauseFirst = isActionAllowed(session.provider.capabilities, before, 'pause');
        if (pauseFirst) await session.provider.changeTask(id, 'pause');
        await session.provider.sendRows(id, extra);
        if (!pauseFirst) await session.provider.changeTask(id, 'pause');
        expect(
          (
            await session.provider.removeRows(
              id,
              extra.map((r) => r.key),
            )
          ).deleted,
        ).toBeGreaterThan(0);
        await session.provider.changeTask(id, 'delete');
        expect((await session.provider.getTask(id))?.status ?? 'deleted').toBe('deleted');
      }
    });
  });
}

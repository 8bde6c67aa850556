/**
 * The embedded sandbox: a simulator of the Sobot iCall V1 server (18 endpoints, limits, error
 * codes, task life cycle, dialing at robot concurrency inside calling hours, results with
 * transcripts and synthetic recordings, result pushes). It is the demo account of a fresh
 * install, the server of the end-to-end tests and the load target of the benchmarks.
 *
 * Plain Node: no `electron` import.
 */

import type { AddressInfo } from 'node:net';
import { threadId } from 'node:worker_threads';
import { silentLogger } from '../log';
import { FaultTable } from './faults';
import {
  loadState,
  MAX_CATCH_UP_MS,
  resumeClock,
  sobotSavable,
  StateSaver,
  type SimulatedClock,
} from './persist';
import { cecStateFileFor, createCecSandbox } from './cec/index';
import { RecordingCache } from './recording';
import { API_PREFIX } from './router';
import { seedTask } from './seed';
import { createSandboxServer } from './server';
import { SandboxState } from './state';
import { RequestCounter } from './stats';
import type { SandboxControl, SandboxHandle, SandboxOptions } from './types';

export { SANDBOX_APPID, SANDBOX_EMAIL, SANDBOX_SIGNATURE, ACCOUNT_ROBOTS, CALLER_NUMBERS } from './account';
export { API_PREFIX, ENDPOINT_NAMES, type SandboxEndpoint } from './router';
export type { FaultKind, FaultMode } from './faults';
export type { SeedTaskInput } from './seed';
export type { PushStyle } from './call-render';
export type { SandboxControl, SandboxHandle, SandboxOptions, SandboxStats } from './types';
export { SANDBOX_STATE_FILE_NAME, MAX_CATCH_UP_MS } from './persist';
export {
  CEC_SANDBOX_AK,
  CEC_SANDBOX_SK,
  CEC_SANDBOX_VDN_ID,
  CEC_SANDBOX_QC_APP_KEY,
  CEC_SANDBOX_QC_APP_SECRET,
  CEC_SANDBOX_QC_USER_ID,
  CEC_SANDBOX_TIME_ZONE,
  CEC_CALLER_NUMBERS,
  CEC_FLOWS,
  DEFAULT_BLOCKLIST,
  cecStateFileFor,
  type CecControl,
  type CecFaultKind,
  type CecOperation,
} from './cec/index';

/** How often the real-time timer moves the simulated clock. */
const TICK_MS = 100;

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts a sandbox server. The simulated clock starts at `now()`; with `autoRun` (default) it
 * then runs `speed` times faster than the real clock while some task has work to do, and at the
 * real pace otherwise (see dialer.ts). With `stateFile` it starts from the state saved there,
 * its clock caught up with the time it was not running, and keeps saving it (see persist.ts).
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const now = options.now ?? Date.now;
  const speed = options.speed ?? 60;
  if (!(speed > 0) || !Number.isFinite(speed))
    throw new RangeError('sandbox speed must be a positive number');
  const seed = options.seed ?? 1;
  const autoRun = options.autoRun ?? true;
  const log = options.log ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const fresh = (): SandboxState =>
    new SandboxState({
      seed,
      startTime: now(),
      log,
      pushStyle: options.pushStyle ?? 'json',
      ...(options.pushRetryDelaysMs ? { pushRetryDelaysMs: options.pushRetryDelaysMs } : {}),
    });
  const stateFile = options.stateFile;
  const { sandbox, savedAt } = stateFile
    ? loadState(stateFile, fresh, now(), log)
    : { sandbox: fresh(), savedAt: null };

  // The CEC sandbox runs on the same simulated clock: the Sobot dialer moves first, the CEC
  // dialer follows it to the same instant.
  let cecAdvanceTo = (_time: number): void => undefined;
  let cecHasWork = (): boolean => false;
  let cecJumpTo = (_time: number): void => undefined;
  const simulation: SimulatedClock = {
    get now() {
      return sandbox.dialer.now;
    },
    hasWork: () => sandbox.dialer.hasWork() || cecHasWork(),
    advance: (simMs) => {
      sandbox.dialer.advance(simMs);
      cecAdvanceTo(sandbox.dialer.now);
    },
    jumpTo: (time) => {
      sandbox.dialer.jumpTo(time);
      cecJumpTo(sandbox.dialer.now);
    },
  };

  let lastReal = now();
  const catchUp = (): void => {
    if (!autoRun) return;
    const real = now();
    const elapsed = real - lastReal;
    if (elapsed <= 0) return;
    lastReal = real;
    simulation.advance(elapsed * (simulation.hasWork() ? speed : 1));
  };

  const timers = new Set<NodeJS.Timeout>();
  const pendingDelays = new Set<() => void>();
  const delay = (ms: number): Promise<void> => {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        pendingDelays.delete(resolve);
        resolve();
      }, ms);
      timers.add(timer);
      pendingDelays.add(resolve);
    });
  };

  const faults = new FaultTable();
  const counter = new RequestCounter();
  const cache = new RecordingCache();
  const cecStateFile = options.cecStateFile ?? (stateFile ? cecStateFileFor(stateFile) : undefined);
  const cec = createCecSandbox({
    seed,
    startTime: sandbox.now,
    log,
    counter,
    latencyMs: options.latencyMs ?? 0,
    realNow: now,
    monoNow: () => performance.now(),
    catchUp,
    delay,
    ...(options.cecBlocklist ? { blocklist: options.cecBlocklist } : {}),
    ...(options.cecCallbackRetryDelayMs !== undefined
      ? { callbackRetryDelayMs: options.cecCallbackRetryDelayMs }
      : {}),
    ...(cecStateFile ? { stateFile: cecStateFile } : {}),
  });
  cecAdvanceTo = (time) => cec.state.dialer.advanceTo(time);
  cecHasWork = () => cec.state.dialer.hasWork();
  cecJumpTo = (time) => cec.state.dialer.jumpTo(time);
  const server = createSandboxServer({
    cec: cec.routes,
    sandbox,
    faults,
    counter,
    cache,
    latencyMs: options.latencyMs ?? 0,
    catchUp,
    delay,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${urlHost(host)}:${port}`;
  sandbox.origin = origin;
  cec.state.origin = origin;
  // The thread: 0 when it runs on the host's main thread, another when on its own (worker/).
  log.info('sandbox listening', { origin, speed, autoRun, thread: threadId });

  const saver = stateFile ? new StateSaver(stateFile, sobotSavable(sandbox), () => lastReal, log) : null;
  if (saver) sandbox.onChange = () => saver.schedule();
  cec.startSaving(() => lastReal);
  // Once listening (calls finished while catching up are pushed with this origin): the two
  // dialers onto one instant — the one behind catches up, by at most MAX_CATCH_UP_MS — and then
  // both on to the present.
  const cecNow = cec.state.dialer.now;
  if (cecNow < sandbox.now) {
    cec.state.dialer.jumpTo(Math.max(cecNow, sandbox.now - MAX_CATCH_UP_MS));
    cec.state.dialer.advanceTo(sandbox.now);
  } else if (cecNow > sandbox.now) {
    if (cecNow - sandbox.now > MAX_CATCH_UP_MS) sandbox.dialer.jumpTo(cecNow - MAX_CATCH_UP_MS);
    sandbox.dialer.advance(cecNow - sandbox.now);
  }
  const restoredAt = savedAt ?? cec.savedAt;
  if (restoredAt !== null) {
    const real = now();
    resumeClock(simulation, { realElapsed: real - restoredAt, realNow: real, speed, run: autoRun });
    lastReal = real;
  }

  const ticker = autoRun
    ? setInterval(() => {
        try {
          catchUp();
        } catch (error) {
          log.error('sandbox clock tick failed', { error: String(error) });
        }
      }, TICK_MS)
    : null;
  ticker?.unref();

  const control: SandboxControl = {
    advance: (simMs) => simulation.advance(simMs),
    now: () => sandbox.now,
    seedTask: (input) => {
      const taskid = seedTask(sandbox, seed, input);
      sandbox.touch();
      return taskid;
    },
    stats: () => ({
      ...counter.snapshot(),
      push: sandbox.push.snapshot(),
      simNow: sandbox.now,
      peakCalls: sandbox.dialer.peakAccount,
      peakCallsByTask: Object.fromEntries(sandbox.dialer.peakByTask),
      tasks: sandbox.store.order.length,
      storedRows: sandbox.store.storedRows,
    }),
    taskOutids: (taskid) =>
      (sandbox.store.get(taskid)?.rows ?? [])
        .filter((row) => row.state !== 'removed')
        .map((row) => row.outid),
    resetStats: () => counter.reset(),
    outidArrivals: (taskid) => Object.fromEntries(sandbox.store.arrivals.get(taskid) ?? []),
    storeRepeats: (on) => {
      sandbox.store.storeRepeats = on;
    },
    setFault: (endpoint, kind, mode) => faults.set(endpoint, kind, mode),
    clearFaults: () => faults.clear(),
    flushPushes: () => sandbox.push.idle(),
    cec: cec.control,
  };

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      if (ticker) clearInterval(ticker);
      // First and synchronously: a host may exit without waiting for the promise.
      saver?.close();
      cec.close();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      pendingDelays.clear();
      sandbox.push.close();
      cache.clear();
      server.close(() => resolve());
      // Keep-alive sockets would otherwise hold close() open for seconds.
      server.closeAllConnections();
      log.info('sandbox closed', { origin });
    });
    return closing;
  };

  return {
    url: `${origin}${API_PREFIX}`,
    origin,
    cec: { baseUrl: origin, qcBaseUrl: origin },
    close,
    control,
  };
}

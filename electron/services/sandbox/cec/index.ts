/**
 * The Huawei Cloud CEC sandbox: a simulator of CC-iSales (campaigns, numbers, results,
 * statistics), CC-FS (recordings) and the QC service (tokens, transcripts) for one demo
 * tenant, mounted on the sandbox's HTTP server beside the Sobot routes and driven by the same
 * simulated clock. Plain Node: no `electron` import.
 */
import type { Logger } from '../../log';
import { FaultTable, type FaultMode } from '../faults';
import { StateSaver } from '../persist';
import type { PushStats } from '../push';
import type { RequestCounter } from '../stats';
import {
  createCecRoutes,
  type CecFaultKind,
  type CecOperation,
  type CecRoutes,
  type SignatureLog,
} from './http';
import { cecSavable, loadCecState } from './persist';
import { QC_STATUSES } from './qc';
import { CecState } from './state';
import type { CecRowState } from './store';

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
  MAX_CLOCK_SKEW_MS,
} from './tenant';
export { cecStateFileFor } from './persist';
export type { CecFaultKind, CecOperation } from './http';

/** Test and benchmark controls of the CEC sandbox; not reachable over HTTP. */
export interface CecControl {
  setFault(operation: CecOperation | '*', kind: CecFaultKind | null, mode?: FaultMode): void;
  clearFaults(): void;
  /**
   * Puts numbers into a campaign without the request limits (tests and benchmarks that need
   * many calls); answers their dataIds. Throws for an unknown campaign.
   */
  seedNumbers(
    campaignId: string,
    rows: readonly { sessionId: string; called: string; customField?: string }[],
  ): string[];
  /**
   * Forces the QC status a call's `appraisecall/detail` answers (2 done with its segments; 0, 1,
   * 3 pending; 9, 31–40 failed), whatever its plan says; null goes back to the plan. For tests
   * that need a transcript in a given state; kept in memory only.
   * @throws RangeError for a status the manual does not list
   */
  setQcStatus(callId: string, status: number | null): void;
  /** Replaces the tenant's blocklist (0200024). */
  setBlocklist(numbers: readonly string[]): void;
  /** Resolves when every queued callback was delivered or given up. */
  flushCallbacks(): Promise<void>;
  /** A campaign's numbers in upload order ([] for an unknown campaign). */
  campaignNumbers(
    campaignId: string,
  ): { sessionId: string; called: string; dataId: string; state: CecRowState }[];
  /** Why signatures were refused, in order (the reason only, never the header). */
  signatureRefusals(): SignatureLog['refusals'];
  /** The last request whose signature was accepted, as received (for re-signing in tests). */
  lastSignedRequest(): SignatureLog['lastSigned'];
  stats(): { campaigns: number; storedRows: number; calls: number; peakCalls: number; callbacks: PushStats };
}

/** What the host gives the CEC sandbox. */
export interface CecSandboxOptions {
  seed: number;
  startTime: number;
  log: Logger;
  counter: RequestCounter;
  latencyMs: number;
  realNow(): number;
  monoNow(): number;
  catchUp(): void;
  delay(ms: number): Promise<void>;
  blocklist?: readonly string[];
  callbackRetryDelayMs?: number;
  /** Where its state is kept (see persist.ts); unset: memory only. */
  stateFile?: string;
}

/** The CEC sandbox of one server. */
export interface CecSandbox {
  readonly state: CecState;
  /** The real instant a restored state was saved; null for a fresh one. */
  readonly savedAt: number | null;
  readonly routes: CecRoutes;
  readonly control: CecControl;
  /** Starts saving after changes, with the real instant the shared clock matches. */
  startSaving(savedAt: () => number): void;
  /** Stops: saves (synchronously), drops callbacks. */
  close(): void;
}

/** Builds the CEC sandbox (its routes are mounted by the server). */
export function createCecSandbox(options: CecSandboxOptions): CecSandbox {
  const fresh = (): CecState =>
    new CecState({
      seed: options.seed,
      startTime: options.startTime,
      log: options.log,
      ...(options.blocklist ? { blocklist: options.blocklist } : {}),
      ...(options.callbackRetryDelayMs !== undefined
        ? { callbackRetryDelayMs: options.callbackRetryDelayMs }
        : {}),
    });
  const loaded = options.stateFile
    ? loadCecState(options.stateFile, fresh, options.realNow(), options.log)
    : { state: fresh(), savedAt: null };
  const state = loaded.state;
  const faults = new FaultTable<CecFaultKind>();
  const routes = createCecRoutes({
    state,
    faults,
    counter: options.counter,
    latencyMs: options.latencyMs,
    realNow: options.realNow,
    monoNow: options.monoNow,
    catchUp: options.catchUp,
    delay: options.delay,
  });
  let saver: StateSaver | null = null;

  const control: CecControl = {
    setFault: (operation, kind, mode) => faults.set(operation, kind, mode),
    clearFaults: () => faults.clear(),
    seedNumbers: (campaignId, rows) => {
      const campaign = state.store.campaigns.get(campaignId);
      if (!campaign || campaign.mode === 'deleted') throw new RangeError(`no campaign ${campaignId}`);
      const ids = rows.map(
        (r) =>
          state.store.addRow(campaign, {
            sessionId: r.sessionId,
            called: r.called,
            customField: r.customField ?? '',
            callData: '',
          }).dataId,
      );
      state.dialer.dispatch();
      state.touch();
      return ids;
    },
    setQcStatus: (callId, status) => {
      if (status === null) state.qcForced.delete(callId);
      else if (QC_STATUSES.includes(status)) state.qcForced.set(callId, status);
      else throw new RangeError(`not a QC status: ${status}`);
    },
    setBlocklist: (numbers) => {
      state.blocklist = new Set(numbers);
      state.touch();
    },
    flushCallbacks: () => state.push.idle(),
    campaignNumbers: (campaignId) =>
      (state.store.campaigns.get(campaignId)?.rows ?? []).map((r) => ({
        sessionId: r.sessionId,
        called: r.called,
        dataId: r.dataId,
        state: r.state,
      })),
    signatureRefusals: () => [...routes.log.refusals],
    lastSignedRequest: () => routes.log.lastSigned,
    stats: () => ({
      campaigns: state.store.order.length,
      storedRows: state.store.storedRows,
      calls: state.store.callsById.size,
      peakCalls: state.dialer.peak,
      callbacks: state.push.snapshot(),
    }),
  };

  return {
    state,
    savedAt: loaded.savedAt,
    routes,
    control,
    startSaving(savedAt) {
      const file = options.stateFile;
      if (!file || saver) return;
      const make = (): StateSaver =>
        (saver ??= new StateSaver(file, cecSavable(state), savedAt, options.log));
      // No file for a tenant nobody used: a Sobot-only data folder stays as it was.
      if (loaded.savedAt !== null) make();
      state.onChange = () => make().schedule();
    },
    close() {
      saver?.close();
      state.push.close();
    },
  };
}

/** The sandbox's public types. */

import type { Logger } from '../log';
import type { CecControl } from './cec/index';
import type { PushStyle } from './call-render';
import type { FaultKind, FaultMode } from './faults';
import type { PushStats } from './push';
import type { SandboxEndpoint } from './router';
import type { SeedTaskInput } from './seed';
import type { RequestStats } from './stats';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the demo account's credentials are public, keep it on loopback. */
  host?: string;
  /** Simulated seconds per real second while some task has work; default 60. */
  speed?: number;
  /** Seed of every invented value (ids, outcomes, transcripts, audio); default 1. */
  seed?: number;
  /** Delay added before every answer, for benchmarks. */
  latencyMs?: number;
  /** The real clock; the simulated clock starts at its value. */
  now?: () => number;
  /** Default true: a timer advances the simulated clock. False: only control.advance() does. */
  autoRun?: boolean;
  log?: Logger;
  /**
   * `json` (default): valid JSON pushes. `vendor`: the document's literal, invalid JSON (bare
   * `02180344315`, `000000`, escaped slashes, `http: \/\/`), to test a tolerant receiver.
   */
  pushStyle?: PushStyle;
  /** Delays before push retries (default 500 ms then 2 s); tests shorten them. */
  pushRetryDelaysMs?: readonly number[];
  /**
   * Where the state (tasks, rows, finished calls, clock) is kept between runs, as a real server
   * keeps it: loaded at start when the file exists, saved after changes and on close(). Unset
   * (default): in memory only. See persist.ts.
   */
  stateFile?: string;
  /** Where the CEC sandbox keeps its state; default beside `stateFile` (`x.json` → `x.cec.json`). */
  cecStateFile?: string;
  /** The CEC tenant's blocklist (0200024); default DEFAULT_BLOCKLIST. */
  cecBlocklist?: readonly string[];
  /** Delay before the one repeat of a CEC callback not answered 200 (default 2 s). */
  cecCallbackRetryDelayMs?: number;
}

export interface SandboxStats extends RequestStats {
  push: PushStats;
  /** The simulated clock. */
  simNow: number;
  /** Most simultaneous calls seen on the whole account (≤ its 4 robots). */
  peakCalls: number;
  /** Most simultaneous calls seen per task id (≤ the task's robot_num). */
  peakCallsByTask: Record<string, number>;
  tasks: number;
  storedRows: number;
}

/** Test and benchmark controls; not reachable over HTTP. */
export interface SandboxControl {
  /** Runs the dialing simulation for `simMs` of simulated time, synchronously. */
  advance(simMs: number): void;
  /** The simulated clock (epoch ms). */
  now(): number;
  /** Creates a running task with history; returns its taskid. */
  seedTask(input: SeedTaskInput): string;
  stats(): SandboxStats;
  /** The outids a task holds (uploaded and not removed), in upload order; [] for an unknown task. */
  taskOutids(taskid: string): string[];
  resetStats(): void;
  /**
   * How many times each outid of a task reached the server (every add_task_data and file row,
   * repeats included) — what an exactly-once test counts.
   */
  outidArrivals(taskid: string): Record<string, number>;
  /** Whether a repeated outid is stored (and dialled) again, as a server that does not deduplicate. */
  storeRepeats(on: boolean): void;
  /** Arms (or with `null` disarms) a fault on an endpoint, `media`, or `*` for all. */
  setFault(endpoint: SandboxEndpoint | 'media' | '*', kind: FaultKind | null, mode?: FaultMode): void;
  clearFaults(): void;
  /** Resolves when every queued push has been delivered or given up. */
  flushPushes(): Promise<void>;
  /** The Huawei CEC sandbox's controls. */
  cec: CecControl;
}

export interface SandboxHandle {
  /** Base URL ending in `/api/icall/5/task/`. */
  url: string;
  /** `http://host:port`. */
  origin: string;
  /** The CEC demo tenant: its iSales/CC-FS base URL and its QC domain (both the origin). */
  cec: { baseUrl: string; qcBaseUrl: string };
  close(): Promise<void>;
  control: SandboxControl;
}

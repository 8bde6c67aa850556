/**
 * What the provider conformance suite needs from each provider: its demo account on its own
 * sandbox, a way to let simulated time pass, and the few inputs only the provider can supply
 * (a row it refuses). Every registered provider has one (`HARNESSES`, checked against the
 * registry), so a provider added to the registry without one fails the suite.
 */
import type { ProviderId } from '../../../shared/providers';
import type { TaskDraft } from '../../../shared/tasks';
import type { OutgoingRow, Provider, ProviderFactory } from '../../../electron/services/providers/types';

export interface ConformanceSession {
  provider: Provider;
  factory: ProviderFactory;
  /** Moves the sandbox's simulated clock on (calls get dialled and finish). */
  advance(ms: number): void;
  /** The sandbox's simulated time (epoch ms). */
  now(): number;
  /** Waits until the sandbox has sent its queued result pushes. */
  flushPushes(): Promise<void>;
  close(): Promise<void>;
}

export interface ConformanceHarness {
  id: ProviderId;
  /** Starts the provider's sandbox with its clock stopped (only `advance` moves it). */
  start(): Promise<ConformanceSession>;
  /** A draft the provider takes, dialling all day, pushing results to `pushUrl`. */
  draft(session: ConformanceSession, name: string, pushUrl: string): Promise<TaskDraft>;
  /** `count` rows the provider accepts (distinct keys and numbers). */
  goodRows(count: number, prefix: string): OutgoingRow[];
  /** A row the provider refuses (locally or on the server), to show it is isolated. */
  refusedRow(prefix: string): OutgoingRow;
}

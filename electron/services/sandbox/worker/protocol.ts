/**
 * The messages between the host and the sandbox's worker thread (see sandboxWorker.ts and
 * remote.ts). Plain data only: the options a worker can be given, each control call by name, and
 * every answer, error and log line as data.
 */
import type { CecControl } from '../cec/index';
import type { SandboxControl, SandboxHandle, SandboxOptions } from '../types';

/** The options that cross into the worker: everything but the clock and the logger (functions). */
export type WorkerSandboxOptions = Omit<SandboxOptions, 'now' | 'log'>;

/** The sandbox controls a host may call, by name (the Sobot ones, then the CEC ones). */
export const SOBOT_CONTROLS = [
  'advance',
  'now',
  'seedTask',
  'stats',
  'taskOutids',
  'resetStats',
  'outidArrivals',
  'storeRepeats',
  'setFault',
  'clearFaults',
  'flushPushes',
] as const satisfies readonly Exclude<keyof SandboxControl, 'cec'>[];

export const CEC_CONTROLS = [
  'setFault',
  'clearFaults',
  'seedNumbers',
  'setQcStatus',
  'setBlocklist',
  'flushCallbacks',
  'campaignNumbers',
  'signatureRefusals',
  'lastSignedRequest',
  'stats',
] as const satisfies readonly (keyof CecControl)[];

type Remote<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** The sandbox's test controls as a host holds them: the same calls, each answered later. */
export type RemoteSandboxControl = Remote<Omit<SandboxControl, 'cec'>> & { cec: Remote<CecControl> };

// Each list must name every control: a control added to one interface and not here fails to compile.
type Missing<T, L extends readonly unknown[]> = Exclude<keyof T, L[number]>;
const everySobotControl: Missing<Omit<SandboxControl, 'cec'>, typeof SOBOT_CONTROLS> extends never
  ? true
  : false = true;
const everyCecControl: Missing<CecControl, typeof CEC_CONTROLS> extends never ? true : false = true;
void everySobotControl;
void everyCecControl;

const KNOWN = { sobot: new Set<string>(SOBOT_CONTROLS), cec: new Set<string>(CEC_CONTROLS) };

/** Calls one of a running sandbox's controls by name (on its thread, or in-process). */
export async function invokeControl(
  handle: SandboxHandle,
  scope: 'sobot' | 'cec',
  name: string,
  args: unknown[],
): Promise<unknown> {
  if (!KNOWN[scope].has(name)) throw new Error(`no sandbox control ${scope}.${name}`);
  const target = (scope === 'cec' ? handle.control.cec : handle.control) as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  return await target[name]!(...args);
}

export interface ControlRequest {
  type: 'control';
  id: number;
  scope: 'sobot' | 'cec';
  name: string;
  args: unknown[];
}

export type HostMessage = ControlRequest | { type: 'close'; id: number };

export type WorkerMessage =
  | { type: 'ready'; url: string; origin: string; cec: { baseUrl: string; qcBaseUrl: string } }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; name: string; message: string }
  | {
      type: 'log';
      level: 'debug' | 'info' | 'warn' | 'error';
      message: string;
      fields?: Record<string, unknown>;
    };

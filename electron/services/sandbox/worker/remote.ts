/**
 * The host's side of the sandbox: on its own worker thread (sandboxWorker.ts) in the app and the
 * harness, so its request handling, dialing clock and state saves never hold up the contract;
 * in-process where a worker cannot be given what the caller passed (a pinned clock) or is not
 * worth starting (a CLI command). Either way the host sees one handle whose controls answer
 * later.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../importer/worker/startWorker';
import { silentLogger, type Logger } from '../../log';
import type { SandboxHandle, SandboxOptions } from '../types';
import {
  CEC_CONTROLS,
  SOBOT_CONTROLS,
  invokeControl,
  type HostMessage,
  type RemoteSandboxControl,
  type WorkerMessage,
  type WorkerSandboxOptions,
} from './protocol';

export type { RemoteSandboxControl } from './protocol';

/** A running sandbox as its host holds it. */
export interface RemoteSandbox {
  /** Base URL ending in `/api/icall/5/task/`. */
  url: string;
  origin: string;
  cec: { baseUrl: string; qcBaseUrl: string };
  control: RemoteSandboxControl;
  close(): Promise<void>;
}

type Call = (scope: 'sobot' | 'cec', name: string, args: unknown[]) => Promise<unknown>;

function controlsOver(call: Call): RemoteSandboxControl {
  const sobot = Object.fromEntries(
    SOBOT_CONTROLS.map((name) => [name, (...args: unknown[]) => call('sobot', name, args)]),
  );
  const cec = Object.fromEntries(
    CEC_CONTROLS.map((name) => [name, (...args: unknown[]) => call('cec', name, args)]),
  );
  return { ...sobot, cec } as unknown as RemoteSandboxControl;
}

/** An in-process sandbox behind the same handle (its controls answer on the next tick). */
export function inProcess(handle: SandboxHandle): RemoteSandbox {
  let closed = false;
  const call: Call = async (scope, name, args) => {
    if (closed) throw new Error('sandbox closed');
    return invokeControl(handle, scope, name, args);
  };
  return {
    url: handle.url,
    origin: handle.origin,
    cec: handle.cec,
    control: controlsOver(call),
    close: () => {
      closed = true;
      return handle.close();
    },
  };
}

/** Whether these options can cross into a worker (a pinned clock cannot). */
export function workerCanRun(options: SandboxOptions): boolean {
  return options.now === undefined;
}

/**
 * Starts the sandbox on a worker thread. Its log lines arrive on `options.log`; `onLost` is told
 * when the worker ends without being closed (it crashed), so the host can start another.
 */
export async function startSandboxWorker(
  options: SandboxOptions,
  onLost: (error: Error) => void = () => undefined,
): Promise<RemoteSandbox> {
  if (!workerCanRun(options)) throw new Error('a sandbox with a pinned clock runs in-process');
  const { log: given, now: _now, ...data } = options;
  const log: Logger = given ?? silentLogger;
  const worker: Worker = await startWorker({
    callerUrl: import.meta.url,
    sourceEntry: './sandboxWorker.ts',
    bundleName: 'sandboxWorker.js',
    workerData: data satisfies WorkerSandboxOptions,
  });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 1;
  let closing: Promise<void> | null = null;
  // Set once the handle is returned: only a sandbox that was running can be lost.
  let live = false;

  const ready = new Promise<Extract<WorkerMessage, { type: 'ready' }>>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          resolve(message);
          return;
        case 'failed':
          reject(new Error(message.message));
          return;
        case 'log':
          log[message.level](message.message, message.fields);
          return;
        case 'reply': {
          const waiter = waiting.get(message.id);
          waiting.delete(message.id);
          if (!waiter) return;
          if (message.ok) waiter.resolve(message.value);
          else waiter.reject(Object.assign(new Error(message.message), { name: message.name }));
        }
      }
    });
    const lost = (error: Error): void => {
      reject(error);
      for (const waiter of waiting.values()) waiter.reject(error);
      waiting.clear();
      if (live && !closing) {
        log.error('sandbox worker ended', { error: error.message });
        onLost(error);
      }
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`sandbox worker exited (${code})`)));
  });

  const ask = (message: HostMessage): Promise<unknown> =>
    new Promise((resolve, reject) => {
      waiting.set(message.id, { resolve, reject });
      worker.postMessage(message);
    });
  const call: Call = (scope, name, args) => {
    if (closing) return Promise.reject(new Error('sandbox closed'));
    return ask({ type: 'control', id: next++, scope, name, args });
  };

  let started: Extract<WorkerMessage, { type: 'ready' }>;
  try {
    started = await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  live = true;
  return {
    url: started.url,
    origin: started.origin,
    cec: started.cec,
    control: controlsOver(call),
    close: () =>
      (closing ??= ask({ type: 'close', id: next++ })
        // A worker that already ended has nothing left to close.
        .catch(() => undefined)
        .then(async () => {
          await worker.terminate();
        })),
  };
}

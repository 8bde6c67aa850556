/**
 * The embedded sandbox on its own thread: the simulated servers (Sobot and CEC) with their
 * dialing clock, request handling, call rendering, state saves and pushes, so none of that runs
 * on the thread that answers the app's contract (see remote.ts). It is the same `startSandbox`
 * the CLI's `sandbox` command and the unit tests run in-process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Logger } from '../../log';
import { startSandbox } from '../index';
import type { SandboxHandle } from '../types';
import { invokeControl, type HostMessage, type WorkerMessage, type WorkerSandboxOptions } from './protocol';

const port = parentPort!;
const send = (message: WorkerMessage): void => port.postMessage(message);

function forward(level: 'debug' | 'info' | 'warn' | 'error') {
  return (message: string, fields?: Record<string, unknown>): void => {
    try {
      send({ type: 'log', level, message, ...(fields ? { fields } : {}) });
    } catch {
      // A field that cannot be cloned (a function, say) goes as text.
      send({ type: 'log', level, message, fields: { fields: String(JSON.stringify(fields)) } });
    }
  };
}

const log: Logger = {
  debug: forward('debug'),
  info: forward('info'),
  warn: forward('warn'),
  error: forward('error'),
};

async function main(): Promise<void> {
  let handle: SandboxHandle;
  try {
    handle = await startSandbox({ ...(workerData as WorkerSandboxOptions), log });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.on('message', (message: HostMessage) => {
    if (message.type === 'close') {
      void handle.close().then(() => {
        send({ type: 'reply', id: message.id, ok: true, value: null });
        port.close();
      });
      return;
    }
    invokeControl(handle, message.scope, message.name, message.args).then(
      (value) => send({ type: 'reply', id: message.id, ok: true, value }),
      (error: unknown) =>
        send({
          type: 'reply',
          id: message.id,
          ok: false,
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  send({ type: 'ready', url: handle.url, origin: handle.origin, cec: handle.cec });
}

void main();

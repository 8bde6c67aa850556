import { createApi } from '../../../shared/api';
import type { EventName } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { fromWire, toWire, WS_PATH, type ClientMessage, type ServerMessage } from '../protocol';

/**
 * The browser-side `window.api` of the test harness: the same contract as the preload,
 * carried over a loopback WebSocket. The per-run token comes from the page URL (`?token=`),
 * which the harness printed; without it the server refuses the socket.
 */
const token = new URLSearchParams(window.location.search).get('token') ?? '';
const socketUrl = `ws://${window.location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;

let nextId = 1;
const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const queue: string[] = [];
let socket: WebSocket | null = null;
let open = false;

const lost = (message: string): Result<unknown> => ({
  ok: false,
  error: { code: 'harness.disconnected', message },
});

function connect(): void {
  socket = new WebSocket(socketUrl);
  socket.addEventListener('open', () => {
    open = true;
    for (const text of queue.splice(0)) socket?.send(text);
  });
  socket.addEventListener('message', (event) => {
    const message = fromWire(JSON.parse(String(event.data))) as ServerMessage;
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  });
  socket.addEventListener('close', () => {
    open = false;
    for (const [id, resolve] of pending) {
      resolve(lost('Connection to the test harness was lost'));
      pending.delete(id);
    }
  });
}

connect();

Object.defineProperty(window, 'api', {
  value: createApi({
    invoke(channel, input) {
      const id = nextId++;
      const text = JSON.stringify(toWire({ type: 'call', id, channel, input } satisfies ClientMessage));
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (open) socket?.send(text);
        else queue.push(text);
      });
    },
    subscribe(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  }),
  writable: false,
  configurable: false,
});

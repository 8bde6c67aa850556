import type { Result } from '../../shared/result';

/** Messages between the harness client (browser) and the harness server, as JSON over WebSocket. */
export type ClientMessage = { type: 'call'; id: number; channel: string; input: unknown };

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown };

export const HARNESS_PREFIX = '/__harness';
export const WS_PATH = `${HARNESS_PREFIX}/ws`;
export const CLIENT_PATH = `${HARNESS_PREFIX}/client.js`;

/**
 * JSON has no bytes, but IPC carries Uint8Array (a dropped workbook) as structured clone. The
 * harness wraps each Uint8Array as `{ $bytes: base64 }` on the way out and unwraps it on the way
 * in, so handlers see the same values in both hosts.
 */
export function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let binary = '';
    for (let i = 0; i < value.length; i += 0x8000) {
      binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
    }
    return { $bytes: btoa(binary) };
  }
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toWire(inner)]));
  }
  return value;
}

export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$bytes === 'string' && Object.keys(record).length === 1) {
      const binary = atob(record.$bytes);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return bytes;
    }
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, fromWire(inner)]));
  }
  return value;
}

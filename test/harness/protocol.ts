import type { Result } from '../../shared/result';

/** Messages between the harness client (browser) and the harness server, as JSON over WebSocket. */
export type ClientMessage = { type: 'call'; id: number; channel: string; input: unknown };

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown };

export const HARNESS_PREFIX = '/__harness';
export const WS_PATH = `${HARNESS_PREFIX}/ws`;
export const CLIENT_PATH = `${HARNESS_PREFIX}/client.js`;

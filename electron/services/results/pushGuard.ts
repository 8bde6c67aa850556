/**
 * What keeps the push receiver — a server listening where other machines reach it — from being
 * flooded: a cap on connections in all and per source address, header, request and idle
 * timeouts (a slowloris client trickling its headers is cut off), and a per-source rate limit.
 * A flood then costs a bounded number of sockets for a bounded time, and the rest of the app
 * keeps its file descriptors and its event loop.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface PushLimits {
  /** Open connections in all (default 64). */
  maxConnections: number;
  /** Open connections from one source address (default 16). */
  maxConnectionsPerSource: number;
  /** Time to send the request's headers (default 10 s). */
  headersTimeoutMs: number;
  /** Time to send the whole request (default 30 s). */
  requestTimeoutMs: number;
  /** A socket with no traffic is closed after this (default 15 s). */
  idleTimeoutMs: number;
  /** Requests per second one source may keep up (default 20), */
  ratePerSecond: number;
  /** and in one burst (default 100). */
  burst: number;
}

export const DEFAULT_PUSH_LIMITS: PushLimits = {
  maxConnections: 64,
  maxConnectionsPerSource: 16,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 15_000,
  ratePerSecond: 20,
  burst: 100,
};

/** Applies the connection limits and timeouts to a server; answers the per-source rate check. */
export function guardServer(server: Server, limits: PushLimits, now: () => number = Date.now) {
  server.maxConnections = limits.maxConnections;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = Math.min(5_000, limits.idleTimeoutMs);
  server.setTimeout(limits.idleTimeoutMs, (socket: Socket) => socket.destroy());
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const source = socket.remoteAddress ?? '?';
    const count = (open.get(source) ?? 0) + 1;
    if (count > limits.maxConnectionsPerSource) {
      socket.destroy();
      return;
    }
    open.set(source, count);
    socket.once('close', () => {
      const left = (open.get(source) ?? 1) - 1;
      if (left <= 0) open.delete(source);
      else open.set(source, left);
    });
  });
  // A token bucket per source; sources idle for a minute are forgotten.
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Whether a request from `source` may be served now (false: answer 429). */
    allow(source: string | undefined): boolean {
      const key = source ?? '?';
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: limits.burst, at: t };
      bucket.tokens = Math.min(limits.burst, bucket.tokens + ((t - bucket.at) / 1000) * limits.ratePerSecond);
      bucket.at = t;
      buckets.set(key, bucket);
      if (buckets.size > 10_000) for (const [k, b] of buckets) if (t - b.at > 60_000) buckets.delete(k);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}

/**
 * The result push: POSTs each finished call to the task's push_url, off the request path, with a
 * few retries. A dead or slow receiver must never slow the simulation or crash the sandbox, so
 * the queue is bounded (oldest pushes are dropped first) and every failure is only logged.
 */

import type { Logger } from '../log';

export interface PushStats {
  sent: number;
  failed: number;
  dropped: number;
  pending: number;
}

interface PushJob {
  url: string;
  body: string;
  attempt: number;
}

export interface PushSenderOptions {
  log: Logger;
  concurrency?: number;
  maxQueue?: number;
  /** Delays before each retry; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  /** Which HTTP statuses count as delivered (default: any 2xx). */
  isDelivered?: (status: number) => boolean;
}

export class PushSender {
  private readonly queue: PushJob[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  private inFlight = 0;
  private waiting = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  readonly stats = { sent: 0, failed: 0, dropped: 0 };
  private readonly concurrency: number;
  private readonly maxQueue: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly timeoutMs: number;

  constructor(private readonly options: PushSenderOptions) {
    this.concurrency = options.concurrency ?? 4;
    this.maxQueue = options.maxQueue ?? 10_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [500, 2_000];
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Queues a push; returns at once. */
  enqueue(url: string, body: string): void {
    if (this.closed) return;
    if (!/^https?:\/\//i.test(url)) {
      this.options.log.warn('sandbox push skipped: push_url is not http(s)', { url });
      this.stats.failed++;
      return;
    }
    if (this.queue.length >= this.maxQueue) {
      this.queue.shift();
      this.stats.dropped++;
    }
    this.queue.push({ url, body, attempt: 0 });
    this.pump();
  }

  /** Counts for stats(). */
  snapshot(): PushStats {
    return { ...this.stats, pending: this.queue.length + this.inFlight + this.waiting };
  }

  /** Resolves once nothing is queued, in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.queue.length + this.inFlight + this.waiting === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops: drops the queue, aborts requests in flight, cancels retries. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiting = 0;
    for (const controller of this.controllers) controller.abort();
    this.notifyIdle(true);
  }

  private pump(): void {
    while (!this.closed && this.inFlight < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.inFlight++;
      void this.send(job).finally(() => {
        this.inFlight--;
        this.pump();
        this.notifyIdle(false);
      });
    }
  }

  private async send(job: PushJob): Promise<void> {
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(job.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=UTF-8' },
        body: job.body,
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      const delivered = this.options.isDelivered ? this.options.isDelivered(response.status) : response.ok;
      if (!delivered) throw new Error(`receiver answered HTTP ${response.status}`);
      this.stats.sent++;
    } catch (error) {
      if (this.closed) return;
      this.retryLater(job, error);
    } finally {
      clearTimeout(timeout);
      this.controllers.delete(controller);
    }
  }

  private retryLater(job: PushJob, error: unknown): void {
    const delay = this.retryDelaysMs[job.attempt];
    if (delay === undefined) {
      this.stats.failed++;
      this.options.log.warn('sandbox push failed', { url: job.url, error: String(error) });
      return;
    }
    this.waiting++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.waiting--;
      if (this.closed) return;
      this.queue.push({ ...job, attempt: job.attempt + 1 });
      this.pump();
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private notifyIdle(force: boolean): void {
    if (!force && this.queue.length + this.inFlight + this.waiting > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

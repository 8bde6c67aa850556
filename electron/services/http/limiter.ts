/**
 * A FIFO counting semaphore. One instance is shared by every call of a client so that paging,
 * batching and the UI's own reads together never hold more than `max` requests open against
 * the vendor (who rate-limits accounts, not requests).
 */
export interface Limiter {
  /** Waits for a slot (FIFO); rejects with `onAbort()` if the signal fires first. */
  acquire(signal?: AbortSignal, onAbort?: () => Error): Promise<() => void>;
  /** Requests currently holding a slot. */
  readonly active: number;
  /** Requests waiting for a slot. */
  readonly waiting: number;
  /** The configured maximum. */
  readonly max: number;
}

/**
 * Creates a limiter allowing `max` simultaneous holders.
 * @param max at least 1
 */
export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`maxConcurrency must be an integer ≥ 1, got ${max}`);
  let active = 0;
  const queue: Array<() => void> = [];

  const releaser = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return; // a double release must not free someone else's slot
      released = true;
      const next = queue.shift();
      if (next) next();
      else active--;
    };
  };

  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    max,
    acquire(signal, onAbort) {
      const abortError = (): Error => (onAbort ? onAbort() : new Error('aborted'));
      if (signal?.aborted) return Promise.reject(abortError());
      if (active < max) {
        active++;
        return Promise.resolve(releaser());
      }
      return new Promise((resolve, reject) => {
        // The slot is handed over directly (active stays the same) so a newcomer cannot jump
        // the queue between a release and the waiter's wake-up.
        const grant = (): void => {
          signal?.removeEventListener('abort', abandon);
          resolve(releaser());
        };
        const abandon = (): void => {
          const i = queue.indexOf(grant);
          if (i >= 0) queue.splice(i, 1);
          reject(abortError());
        };
        queue.push(grant);
        signal?.addEventListener('abort', abandon, { once: true });
      });
    },
  };
}

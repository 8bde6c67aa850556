/**
 * Spacing of the requests CC-iSales rate-limits per tenant: adding numbers must be at least 1 s
 * apart (0200022 otherwise). The spacing is measured start to start — from when each request
 * leaves, after its limiter slot and its signature, not from when its turn came (a request held
 * up there would otherwise leave too close behind the one before) — with a small margin so
 * that jitter between here and the server cannot bring two arrivals under the limit. One pacer
 * serves every client of one account (see {@link pacerFor}), so two uploads to two campaigns
 * of the same tenant share the pace instead of tripping each other.
 */
import { abortedError } from '../http/errors';

/** The documented minimum spacing of add-numbers requests. */
export const MIN_ADD_SPACING_MS = 1000;
/** Added to it so arrivals stay ≥ 1 s apart despite jitter (≈ 5 % over the floor). */
export const SPACING_MARGIN_MS = 40;

/** A request's turn: the next one waits until this one has left (or will not), then the spacing. */
export interface Turn {
  /** The request leaves now: the spacing counts from here (a slot or a signature may have delayed it). */
  dispatched(): void;
  /** The request is over (answered, failed, or never sent); harmless after `dispatched`. */
  done(): void;
}

/** Waits for a request's turn. */
export interface Pacer {
  /** Resolves when the next request may start (FIFO); rejects with net.aborted on abort. */
  turn(signal?: AbortSignal): Promise<Turn>;
  /** Pushes the next turn out to at least `ms` from now (after the server said "too fast"). */
  backOff(ms: number): void;
}

/** Sleeps; an injected clock makes tests exact. */
export interface PacerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock, with an abortable sleep. */
export const realPacerClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', stop);
        resolve();
      }, ms);
      const stop = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', stop, { once: true });
    }),
};

/** A pacer allowing one request start every `spacingMs`. */
export function createPacer(
  spacingMs = MIN_ADD_SPACING_MS + SPACING_MARGIN_MS,
  clock = realPacerClock,
): Pacer {
  let next = Number.NEGATIVE_INFINITY;
  let tail: Promise<void> = Promise.resolve();
  return {
    turn(signal) {
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const mine = tail.then(async () => {
        const wait = next - clock.now();
        try {
          if (wait > 0) await clock.sleep(wait, signal);
          else if (signal?.aborted) throw signal.reason;
        } catch {
          throw abortedError('addNumbers');
        }
        // At least this far apart even if it never says when it left.
        next = clock.now() + spacingMs;
      });
      // The next waits until this one has left or is over; a waiter that gave up holds back none.
      tail = mine.then(
        () => finished,
        () => undefined,
      );
      return mine.then(() => ({
        dispatched: () => {
          next = Math.max(next, clock.now() + spacingMs);
          finish();
        },
        done: finish,
      }));
    },
    backOff(ms) {
      next = Math.max(next, clock.now() + ms);
    },
  };
}

const shared = new Map<string, Pacer>();

/** The pacer of one account (tenant host, AK, vdnId): the same object for every client of it. */
export function pacerFor(accountKey: string): Pacer {
  let pacer = shared.get(accountKey);
  if (!pacer) {
    pacer = createPacer();
    shared.set(accountKey, pacer);
  }
  return pacer;
}

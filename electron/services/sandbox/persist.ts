/**
 * Keeping the sandbox's state in a file, so tasks, rows and results outlive the process like
 * they would on a real server: each CLI command and each start of the app is a new process
 * with a new sandbox. The format is in persist-format.ts.
 *
 * - Loading: a missing file is a fresh sandbox; a file that cannot be read or decoded is moved
 *   aside (`<file>.corrupt-<time>`) with a warning and the sandbox starts fresh, so a bad file
 *   never keeps the app or the CLI from starting.
 * - Saving: the whole state, written to a temporary file, flushed to disk and renamed over the
 *   old one, so a crash leaves either the old or the new file. A change schedules a save; while
 *   changes keep coming (the dialing clock files calls all the time) the state is saved at most
 *   once a second, and less often when a save is slow, so saving a large state costs the main
 *   process at most about 5% of its time. A scheduled save builds the text on this thread (its
 *   rows' text cached between saves, see StateText) and writes and flushes it in the background;
 *   only the rename is synchronous, so close() — which saves whatever the last change was,
 *   synchronously — is never overwritten by an older save still in flight.
 * - The clock: see resumeClock.
 */

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../fsAtomic';
import type { Logger } from '../log';
import { decodeState, StateText } from './persist-format';
import type { SandboxState } from './state';

/** The state file's name in the app's (and the CLI's) data folder. */
export const SANDBOX_STATE_FILE_NAME = 'sandbox-state.json';

/** At most this much simulated time is run to catch up on a restart (see resumeClock). */
export const MAX_CATCH_UP_MS = 24 * 3_600_000;

/** Catch-up steps: how often it looks whether a task still has work (as the timer does). */
const CATCH_UP_STEP_MS = 60_000;

/** Saves are at least this far apart… */
const MIN_SAVE_INTERVAL_MS = 1_000;
/** …and at least this many times the last save's duration. */
const SAVE_INTERVAL_PER_SAVE_MS = 20;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Renames an unusable state file out of the way, keeping it for a look. */
export function moveAside(file: string, realNow: number, reason: string, log: Logger): void {
  const stamp = new Date(realNow).toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.corrupt-${stamp}`;
  try {
    renameSync(file, aside);
    log.warn('sandbox state unreadable, moved aside; starting empty', { file, aside, reason });
  } catch (error) {
    log.warn('sandbox state unreadable and could not be moved aside; starting empty', {
      file,
      reason,
      error: errorText(error),
    });
  }
}

/** What loadState found. */
export interface LoadedState {
  sandbox: SandboxState;
  /** The real instant the restored clock matched; null for a fresh sandbox. */
  savedAt: number | null;
}

/**
 * The sandbox the state file holds, or a fresh one (`fresh()`) when there is no usable file.
 * Never throws.
 */
export function loadState(
  file: string,
  fresh: () => SandboxState,
  realNow: number,
  log: Logger,
): LoadedState {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!isMissing(error)) moveAside(file, realNow, errorText(error), log);
    return { sandbox: fresh(), savedAt: null };
  }
  const sandbox = fresh();
  try {
    const { savedAt } = decodeState(sandbox, data);
    log.info('sandbox state restored', { file, tasks: sandbox.store.order.length });
    return { sandbox, savedAt };
  } catch (error) {
    // Whatever went wrong (a bad field, a duplicate id), the half-filled sandbox is dropped.
    moveAside(file, realNow, errorText(error), log);
    return { sandbox: fresh(), savedAt: null };
  }
}

/**
 * Brings a restored clock up to the present the way the running sandbox would have moved it
 * had it kept running: `speed` times the real time while some task has work, the real pace
 * once none has (nothing changes then until a request arrives, so that part is one step). At
 * most MAX_CATCH_UP_MS of busy time is simulated, so a file weeks old does not keep the start
 * spinning; past that the clock jumps without dialing, as if the server had been down.
 * Finally the clock is never left behind the real one, since a fresh sandbox starts at it.
 * `run` false (no autoRun: tests drive the clock) skips the catch-up but not that last rule.
 */
export function resumeClock(
  dialer: SimulatedClock,
  options: { realElapsed: number; realNow: number; speed: number; run: boolean },
): void {
  let real = options.run ? Math.max(0, options.realElapsed) : 0;
  let budget = MAX_CATCH_UP_MS;
  while (real > 0 && budget > 0) {
    if (!dialer.hasWork()) {
      dialer.advance(real);
      break;
    }
    const sim = Math.min(CATCH_UP_STEP_MS, real * options.speed, budget);
    dialer.advance(sim);
    real -= sim / options.speed;
    budget -= sim;
  }
  if (dialer.now < options.realNow) dialer.jumpTo(options.realNow);
}

/** What resumeClock moves: the Sobot dialer, or it together with the CEC dialer. */
export interface SimulatedClock {
  readonly now: number;
  hasWork(): boolean;
  advance(simMs: number): void;
  jumpTo(time: number): void;
}

/** Something a StateSaver writes: a change counter and the file's text for a real instant. */
export interface Savable {
  readonly revision: number;
  text(savedAt: number): string;
}

/** The Sobot sandbox state as a {@link Savable} (its rows' text cached between saves). */
export function sobotSavable(sandbox: SandboxState): Savable {
  const text = new StateText();
  return {
    get revision() {
      return sandbox.revision;
    },
    text: (savedAt) => text.encode(sandbox, savedAt),
  };
}

/** Whether a process with this id runs on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the background saves' temporary files a process left beside `file` when it ended in
 * the middle of one (killed, or a worker thread ended): `<file>.<pid>.<ms>.bg.tmp` whose process
 * is gone. One of a running process is left alone (it may be writing it now).
 */
export function sweepTemporaries(file: string, log: Logger): void {
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.bg.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
    rmSync(join(dirname(file), name), { force: true });
    log.info('sandbox: removed a save cut off by its process ending', { file: name });
  }
}

/** Saves a sandbox's state to its file after changes (see the module comment). */
export class StateSaver {
  private timer: NodeJS.Timeout | null = null;
  private savedRevision: number;
  private lastSaveMs = 0;
  private closed = false;
  private writing = false;
  /** The background save's temporary file while it is written. */
  private temp: string | null = null;

  /** `savedAt()` answers the real instant the simulated clock currently matches. */
  constructor(
    private readonly file: string,
    private readonly sandbox: Savable,
    private readonly savedAt: () => number,
    private readonly log: Logger,
  ) {
    this.savedRevision = sandbox.revision;
    sweepTemporaries(file, log);
  }

  /** Called on every change; cheap when a save is already scheduled. */
  schedule(): void {
    if (this.timer || this.closed) return;
    const delay = Math.max(MIN_SAVE_INTERVAL_MS, SAVE_INTERVAL_PER_SAVE_MS * this.lastSaveMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.sandbox.revision !== this.savedRevision) void this.saveInBackground();
    }, delay);
    // A pending save must not keep a CLI process alive; its close() saves anyway.
    this.timer.unref();
  }

  /** Saves now, synchronously (also when nothing changed, to record the clock). False on failure. */
  save(): boolean {
    const started = performance.now();
    const revision = this.sandbox.revision;
    try {
      writeFileAtomic(this.file, this.sandbox.text(this.savedAt()));
    } catch (error) {
      // Kept dirty: the next change tries again, and close() does.
      this.log.warn('sandbox state could not be saved', { file: this.file, error: errorText(error) });
      return false;
    }
    this.savedRevision = revision;
    this.lastSaveMs = performance.now() - started;
    return true;
  }

  /**
   * A scheduled save: the text now, its write and flush off this thread, then the rename — unless
   * close() came first (its synchronous save is newer) or another save is still writing (the
   * next change schedules again).
   */
  private async saveInBackground(): Promise<void> {
    if (this.writing) return this.schedule();
    const started = performance.now();
    const revision = this.sandbox.revision;
    let text: string;
    try {
      text = this.sandbox.text(this.savedAt());
    } catch (error) {
      this.log.warn('sandbox state could not be saved', { file: this.file, error: errorText(error) });
      return;
    }
    this.lastSaveMs = performance.now() - started;
    const temp = `${this.file}.${process.pid}.${Date.now()}.bg.tmp`;
    this.temp = temp;
    this.writing = true;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      await writeFile(temp, text, { flush: true });
      if (this.closed) return rmSync(temp, { force: true });
      renameSync(temp, this.file);
      this.savedRevision = revision;
    } catch (error) {
      rmSync(temp, { force: true });
      // Kept dirty: the next change tries again, and close() does.
      this.log.warn('sandbox state could not be saved', { file: this.file, error: errorText(error) });
    } finally {
      this.writing = false;
      this.temp = null;
    }
    if (this.sandbox.revision !== this.savedRevision) this.schedule();
  }

  /**
   * Stops scheduling and saves once more. Synchronous, so a host that exits right after
   * calling close() (Electron's will-quit does not wait) still has the file written.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.save();
    // A background save still writing is not waited for (its thread may end next): its file goes now.
    if (this.temp) rmSync(this.temp, { force: true });
  }
}

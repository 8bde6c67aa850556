/**
 * Uploads a service is bringing up, between the call and the runner: the awaits in between (the
 * keychain, the database worker's selection and journal creation) let other calls run meanwhile.
 * - A start is registered under its account, task and list before anything is awaited: once the
 *   worker commits the journal, the upload is `running` and owned by this service with no runner
 *   until main has the worker's answer, and `settle()` must not take it for an upload whose
 *   process died.
 * - A resume is registered under its upload id, checked and set before anything is awaited, so a
 *   second resume of the same upload (two windows, a double click, a resend) gets the first's
 *   handle instead of a second runner.
 */
import type { UploadHandle } from './api';
import type { UploadRecord } from './journal';

/** An upload's account, task and list: at most one unfinished upload per key (see UploadJournal.create). */
export function uploadKey(accountId: string, taskId: string, listId: number): string {
  return JSON.stringify([accountId, taskId, listId]);
}

/** A task of an account: starts into it are made one at a time (see Launches.start). */
export function taskKey(accountId: string, taskId: string): string {
  return JSON.stringify([accountId, taskId]);
}

export class Launches {
  private readonly starts = new Set<{ key: string; run: Promise<unknown> }>();
  private readonly resumes = new Map<number, Promise<UploadHandle>>();
  /** Per task, the last start into it (settled when it answered). */
  private readonly tasks = new Map<string, Promise<void>>();

  /** @param ownerToken this service's owner token (records it owns carry it). */
  constructor(private readonly ownerToken: string) {}

  /**
   * Runs a start, registered under its key (now) until it answers. Starts into one task run one
   * after the other (`run` called once the one before answered): each selection then sees the
   * journal of the one before, whose numbers it must not send again (UploadJournal.numbersOnTask).
   */
  async start<T>(key: string, task: string, run: () => Promise<T>): Promise<T> {
    const before = this.tasks.get(task) ?? Promise.resolve();
    const entry = { key, run: before.then(run) };
    const turn = entry.run.then(
      () => undefined,
      () => undefined,
    );
    this.tasks.set(task, turn);
    this.starts.add(entry);
    try {
      return await entry.run;
    } finally {
      this.starts.delete(entry);
      if (this.tasks.get(task) === turn) this.tasks.delete(task);
    }
  }

  /** The starts of this service the record may be the upload of (running, owned here, same key). */
  startsOf(record: UploadRecord): Promise<unknown>[] {
    if (record.state !== 'running' || record.owner_token !== this.ownerToken) return [];
    const key = uploadKey(record.account_id, record.task_id, record.list_id);
    return [...this.starts].filter((s) => s.key === key).map((s) => s.run);
  }

  /** Whether this service may be starting the record's upload right now (its runner not made yet). */
  starting(record: UploadRecord): boolean {
    return this.startsOf(record).length > 0;
  }

  /**
   * Runs a resume (`run` called now) unless one of this upload is on its way: then answers that
   * one's handle. Checked and registered before anything is awaited.
   */
  resume(uploadId: number, run: () => Promise<UploadHandle>): Promise<UploadHandle> {
    const pending = this.resumes.get(uploadId);
    if (pending) return pending;
    const started = run().finally(() => this.resumes.delete(uploadId));
    this.resumes.set(uploadId, started);
    return started;
  }

  /** Every start and resume on its way now (close() waits for them). */
  pending(): Promise<unknown>[] {
    return [...[...this.starts].map((s) => s.run), ...this.resumes.values()];
  }

  /** Whether a resume of this upload is on its way to its runner. */
  resuming(uploadId: number): boolean {
    return this.resumes.has(uploadId);
  }
}

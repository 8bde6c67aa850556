/**
 * The upload service's changes of an upload's state made outside its runner, each checked and
 * changed in one transaction (another process may be taking the upload over at the same
 * moment): settling a `running` upload whose runner is gone, claiming one to run it here,
 * pausing and cancelling.
 */
import type { Database } from 'better-sqlite3';
import type { UploadVia } from '../../../shared/uploads';
import type { UploadHandle } from './api';
import { uploadFailure } from './errors';
import type { UploadJournal, UploadRecord } from './journal';
import type { Launches } from './launches';
import { interruptedFields, mayTakeOver } from './lease';
import type { UploadRunner } from './runner';

/** An upload this service runs now: its runner and the handle its callers hold. */
export interface LocalRun {
  runner: UploadRunner;
  handle: UploadHandle;
}

export interface ControlContext {
  db: Database;
  journal: UploadJournal;
  now: () => number;
  /** This service as the journal records an upload's owner. */
  owner: { pid: number; token: string };
  /** The uploads this service runs, by id. */
  runners: ReadonlyMap<number, LocalRun>;
  launches: Launches;
}

/** Settle, claim, pause and cancel over one service's journal, runners and launches. */
export function uploadControl({ db, journal, now, owner, runners, launches }: ControlContext) {
  /**
   * A `running` upload whose runner is gone (its process quit or crashed) is stopped in fact:
   * it is journaled as failed with `uploads.interrupted`, so every window shows Resume rather
   * than a progress that never moves. Checked and changed in one transaction, so a process
   * taking the upload over at the same moment wins. One this service is starting is not stopped.
   */
  const settle = (record: UploadRecord): UploadRecord => {
    if (record.state !== 'running' || runners.has(record.id) || launches.starting(record)) return record;
    return db
      .transaction(() => {
        const fresh = journal.get(record.id);
        if (fresh.state !== 'running' || !mayTakeOver(fresh, owner, now())) return fresh;
        journal.update(record.id, interruptedFields());
        return journal.get(record.id);
      })
      .immediate();
  };

  /** Takes the upload over for this service, in one transaction so two processes cannot both win. */
  const claim = (id: number, via: UploadVia | undefined): void => {
    db.transaction(() => {
      const record = journal.get(id);
      if (record.state === 'done' || record.state === 'cancelled')
        throw uploadFailure('uploads.not_resumable', String(id));
      if (!mayTakeOver(record, owner, now())) throw uploadFailure('uploads.busy', String(id));
      journal.update(id, {
        state: 'running',
        requested: null,
        owner_pid: owner.pid,
        owner_token: owner.token,
        heartbeat_at: now(),
        ...(via ? { via } : {}),
      });
    }).immediate();
  };

  const pause = (uploadId: number): void => {
    settle(journal.get(uploadId));
    const local = runners.get(uploadId);
    if (local) local.runner.requestStop('pause');
    else if (journal.get(uploadId).state === 'running') {
      // Another process runs it (or ran it and died: then resume() takes it over anyway).
      journal.update(uploadId, { requested: 'pause' });
    }
  };

  const cancel = (uploadId: number): void => {
    const local = runners.get(uploadId);
    if (local) {
      local.runner.requestStop('cancel');
      return;
    }
    // Checked and changed in one transaction (another process may be taking it over). No runner
    // will look up rows a gone one left `sending`: they become `uncertain`, as in a run that
    // cannot look rows up (perhaps on the task; listed; never sent again on their own).
    db.transaction(() => {
      const record = journal.get(uploadId);
      if (record.state === 'running' && !mayTakeOver(record, owner, now()))
        journal.update(uploadId, { requested: 'cancel' });
      else if (record.state !== 'done' && record.state !== 'cancelled') {
        journal.sendingToUncertain(uploadId);
        journal.update(uploadId, { state: 'cancelled', requested: null, finished_at: now() });
      }
    }).immediate();
  };

  return { settle, claim, pause, cancel };
}

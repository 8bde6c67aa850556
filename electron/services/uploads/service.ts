/**
 * The upload service: plans, starts, pauses, resumes and cancels pushes of call lists into
 * tasks, and removes uploaded rows, all recorded in the upload journal (see runner.ts for the
 * crash rule). Plain Node: the host passes in the database, the list store and a way to get a
 * provider client for an account. The request side (checks, plan, selection) is planning.ts;
 * state changes outside a runner (settle, claim, pause, cancel) are control.ts.
 */
import { randomUUID } from 'node:crypto';
import type { UploadSummary } from '../../../shared/uploads';
import { silentLogger } from '../log';
import type { AccountSession } from '../accounts/service';
import type { RunOptions, UploadHandle, UploadService, UploadServiceDeps } from './api';
import { uploadControl, type LocalRun } from './control';
import { uploadFailure } from './errors';
import { UploadJournal, type UploadRecord } from './journal';
import { Launches, taskKey, uploadKey } from './launches';
import { interruptedFields } from './lease';
import { journalRowsHere } from './offMain';
import { batchRowsOf, fileRowsOf, planUpload, prepare, resolve } from './planning';
import { ROW_STATES } from './records';
import { removeAccepted } from './remove';
import { UploadRunner } from './runner';
import { summaryOf, toSummary } from './summary';
import { reopenUncertain, skipUncertain } from './uncertain';

export type { RunOptions, UploadHandle, UploadService, UploadServiceDeps } from './api';

/** Creates the upload service over a database and a list store. */
export function createUploadService(deps: UploadServiceDeps): UploadService {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? silentLogger;
  const journal = new UploadJournal(deps.db, now);
  // The long statements: on the database worker when the host has one, else here.
  const rowsOf = deps.offMain?.rows ?? journalRowsHere(journal);
  const owner = { pid: process.pid, token: randomUUID() };
  const runners = new Map<number, LocalRun>();
  // Runs that ended but whose summary is still being counted (close() waits for them too).
  const ending = new Set<Promise<UploadSummary>>();
  // Starts and resumes on their way to a runner (see launches.ts).
  const launches = new Launches(owner.token);
  // Set by close(): a runner made from then on (a start or resume already on its way) is
  // stopped before it sends anything, so close() can wait for it.
  let closing = false;

  const { settle, claim, pause, cancel } = uploadControl({
    db: deps.db,
    journal,
    now,
    owner,
    runners,
    launches,
  });
  const toSummaryOf = (record: UploadRecord): UploadSummary => toSummary(journal, settle(record));
  const summary = (id: number): UploadSummary => toSummaryOf(journal.get(id));
  // The same, its rows counted where the long statements run (a 100,000-row upload's counts).
  const readSummaryOf = async (record: UploadRecord): Promise<UploadSummary> => {
    const settled = settle(record);
    return summaryOf(settled, await rowsOf.summaryCounts(settled.id));
  };
  const readSummary = (id: number): Promise<UploadSummary> => readSummaryOf(journal.get(id));

  const launch = (id: number, session: AccountSession, options: RunOptions): UploadHandle => {
    const runner = new UploadRunner({
      journal,
      rows: rowsOf,
      provider: session.provider,
      rules: session.factory,
      uploadId: id,
      now,
      log,
      concurrency: deps.concurrency ?? 8,
      verify: deps.verify ?? 'suspect',
      ...(deps.settleMs !== undefined ? { settleMs: deps.settleMs } : {}),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      emit: (progress) => {
        deps.onProgress?.(progress);
        options.onProgress?.(progress);
      },
    });
    const started = journal.get(id);
    const done = runner
      .run()
      .catch((error: unknown) => log.error('upload run threw', { uploadId: id, error: String(error) }))
      .then(() => {
        runners.delete(id);
        // `done` never rejects: with the worker gone, the rows are counted here; with the
        // database gone too, the run's own counts (the journal says `running`: interrupted).
        const counted = Promise.resolve(id)
          .then(readSummary)
          .catch(() => summary(id))
          .catch(() => summaryOf({ ...started, ...interruptedFields() }, runner.lastCounts()));
        ending.add(counted);
        return counted.finally(() => ending.delete(counted));
      });
    const handle: UploadHandle = {
      uploadId: id,
      done,
      pause: () => runner.requestStop('pause'),
      cancel: () => runner.requestStop('cancel'),
    };
    runners.set(id, { runner, handle });
    if (closing) runner.requestStop('pause');
    return handle;
  };

  return {
    plan: (request) => planUpload(deps, journal, request),

    async start(request, options = {}) {
      const resolved = resolve(deps, request);
      const { accountId, taskId, list, variables, via } = resolved;
      // The quick answer, before the selection, and again in the start's turn (starts into one
      // task take turns: see Launches.start). Two processes can still both pass it, so the
      // journal's create refuses the second in its own transaction.
      const refuseUnfinished = (): void => {
        const unfinished = journal.unfinished(accountId, taskId, list.id);
        if (unfinished)
          throw uploadFailure('uploads.unfinished', String(unfinished.id), { id: unfinished.id });
      };
      refuseUnfinished();
      return launches.start(uploadKey(accountId, taskId, list.id), taskKey(accountId, taskId), async () => {
        refuseUnfinished();
        const prepared = await prepare(deps, journal, request, resolved);
        try {
          refuseUnfinished();
          const toSend = prepared.counts.send;
          if (toSend === 0) throw uploadFailure('uploads.nothing_to_send');
          if (via === 'file' && toSend > fileRowsOf(deps, accountId))
            throw uploadFailure('uploads.file_too_many_rows', String(toSend));
          // Credentials first: a missing keychain entry should not leave a journal behind.
          const session = await deps.sessionFor(accountId);
          const id = await prepared.create({
            accountId,
            taskId,
            listId: list.id,
            listName: list.name,
            via,
            batchRows: batchRowsOf(deps, accountId),
            variables: variables.columns,
            owner,
          });
          log.info('upload started', { uploadId: id, taskId, listId: list.id, rows: toSend, via });
          return launch(id, session, options);
        } catch (error) {
          await prepared.discard();
          throw error;
        }
      });
    },

    /** A second call while one is on its way answers the same handle (its options unused). */
    resume(uploadId, options = {}) {
      const local = runners.get(uploadId);
      if (local) return Promise.resolve(local.handle);
      return launches.resume(uploadId, async () => {
        const record = journal.get(uploadId);
        // A start of its list still on its way to its runner may be this very upload.
        await Promise.allSettled(launches.startsOf(record));
        const launched = runners.get(uploadId);
        if (launched) return launched.handle;
        const session = await deps.sessionFor(record.account_id);
        claim(uploadId, options.via);
        log.info('upload resumed', { uploadId });
        return launch(uploadId, session, options);
      });
    },

    pause(uploadId) {
      pause(uploadId);
      return summary(uploadId);
    },

    cancel(uploadId) {
      cancel(uploadId);
      return summary(uploadId);
    },

    status: summary,
    read: {
      status: readSummary,
      pause: (uploadId) => {
        pause(uploadId);
        return readSummary(uploadId);
      },
      cancel: (uploadId) => {
        cancel(uploadId);
        return readSummary(uploadId);
      },
      skipUncertain: (uploadId) => {
        skipUncertain(journal, uploadId);
        return readSummary(uploadId);
      },
      forList: (listId) => Promise.all(journal.forList(listId).map(readSummaryOf)),
      forTask: (taskId, accountId = deps.activeId()) =>
        Promise.all(journal.forTask(accountId, taskId).map(readSummaryOf)),
    },

    rows(uploadId, query = {}) {
      journal.get(uploadId);
      return journal.entries(uploadId, query.states ?? ROW_STATES, query.limit ?? 1000, query.offset ?? 0);
    },

    forList: (listId) => journal.forList(listId).map(toSummaryOf),
    forTask: (taskId, accountId = deps.activeId()) => journal.forTask(accountId, taskId).map(toSummaryOf),

    removeRows: (request) => removeAccepted(journal, deps.sessionFor, request, deps.activeId),

    async resendUncertain(uploadId, options = {}) {
      // Also while a resume is on its way: its run would not send these rows.
      if (runners.has(uploadId) || launches.resuming(uploadId))
        throw uploadFailure('uploads.busy', String(uploadId));
      const record = settle(journal.get(uploadId));
      if (record.state === 'running') throw uploadFailure('uploads.busy', String(uploadId));
      // Refused before its rows are reopened: they would be left pending in an upload never run.
      if (record.state === 'cancelled') throw uploadFailure('uploads.not_resumable', String(uploadId));
      reopenUncertain(journal, uploadId);
      return this.resume(uploadId, options);
    },

    skipUncertain(uploadId) {
      skipUncertain(journal, uploadId);
      return summary(uploadId);
    },

    running: () => [...runners.keys()],

    async close() {
      closing = true;
      // Starts and resumes on their way end first (their runners stopped at once), then every
      // runner; again while either made more meanwhile.
      for (;;) {
        const pending = launches.pending();
        await Promise.allSettled(pending);
        const all = [...runners.values()];
        for (const { runner } of all) runner.requestStop('pause');
        await Promise.all(all.map(({ handle }) => handle.done));
        await Promise.all(ending);
        if (pending.length === 0 && all.length === 0 && launches.pending().length === 0) return;
      }
    },
  };
}

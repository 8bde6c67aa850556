/**
 * The upload service: plans, starts, pauses, resumes and cancels pushes of call lists into
 * tasks, and removes uploaded rows, all recorded in the upload journal (see runner.ts for the
 * crash rule). Plain Node: the host passes in the database, the list store and a way to get a
 * provider client for an account.
 */
import { randomUUID } from 'node:crypto';
import type { UploadRequest, UploadSummary, UploadVia } from '../../../shared/uploads';
import { silentLogger } from '../log';
import type { AccountSession } from '../accounts/service';
import type { RunOptions, UploadHandle, UploadService, UploadServiceDeps } from './api';
import { uploadFailure } from './errors';
import { UploadJournal, type UploadRecord } from './journal';
import { Launches, taskKey, uploadKey } from './launches';
import { interruptedFields, mayTakeOver } from './lease';
import { campaignChecks, countsOf, journalRowsHere, type SelectionArgs, type UploadHeader } from './offMain';
import { ROW_STATES } from './records';
import { removeAccepted } from './remove';
import { UploadRunner } from './runner';
import { countRows, resolveVariables, selectRows } from './selection';
import { summaryOf, toSummary } from './summary';
import { reopenUncertain, skipUncertain } from './uncertain';

export type { RunOptions, UploadHandle, UploadService, UploadServiceDeps } from './api';

function checkRequest(request: UploadRequest): void {
  const ok =
    Number.isInteger(request.listId) &&
    typeof request.taskId === 'string' &&
    request.taskId.trim() !== '' &&
    (request.via === undefined || request.via === 'data' || request.via === 'file') &&
    (request.rowIds === undefined || request.rowIds.every((id) => Number.isInteger(id)));
  if (!ok) throw uploadFailure('uploads.bad_request');
}

/** Creates the upload service over a database and a list store. */
export function createUploadService(deps: UploadServiceDeps): UploadService {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? silentLogger;
  const journal = new UploadJournal(deps.db, now);
  // The long statements: on the database worker when the host has one, else here.
  const rowsOf = deps.offMain?.rows ?? journalRowsHere(journal);
  const owner = { pid: process.pid, token: randomUUID() };
  const batchRowsOf = (accountId: string): number =>
    deps.batchRows ?? deps.factoryFor(accountId).info.capabilities.rows.batchRows;
  const fileRowsOf = (accountId: string): number =>
    deps.factoryFor(accountId).info.capabilities.rows.file?.maxRows ?? 0;
  const runners = new Map<number, { runner: UploadRunner; handle: UploadHandle }>();
  // Runs that ended but whose summary is still being counted (close() waits for them too).
  const ending = new Set<Promise<UploadSummary>>();
  // Starts and resumes on their way to a runner (see launches.ts).
  const launches = new Launches(owner.token);
  // Set by close(): a runner made from then on (a start or resume already on its way) is
  // stopped before it sends anything, so close() can wait for it.
  let closing = false;

  /**
   * A `running` upload whose runner is gone (its process quit or crashed) is stopped in fact:
   * it is journaled as failed with `uploads.interrupted`, so every window shows Resume rather
   * than a progress that never moves. Checked and changed in one transaction, so a process
   * taking the upload over at the same moment wins. One this service is starting is not stopped.
   */
  const settle = (record: UploadRecord): UploadRecord => {
    if (record.state !== 'running' || runners.has(record.id) || launches.starting(record)) return record;
    return deps.db
      .transaction(() => {
        const fresh = journal.get(record.id);
        if (fresh.state !== 'running' || !mayTakeOver(fresh, owner, now())) return fresh;
        journal.update(record.id, interruptedFields());
        return journal.get(record.id);
      })
      .immediate();
  };
  const toSummaryOf = (record: UploadRecord): UploadSummary => toSummary(journal, settle(record));
  const summary = (id: number): UploadSummary => toSummaryOf(journal.get(id));
  // The same, its rows counted where the long statements run (a 100,000-row upload's counts).
  const readSummaryOf = async (record: UploadRecord): Promise<UploadSummary> => {
    const settled = settle(record);
    return summaryOf(settled, await rowsOf.summaryCounts(settled.id));
  };
  const readSummary = (id: number): Promise<UploadSummary> => readSummaryOf(journal.get(id));

  /** The request's account, task, list and variable mapping, checked. */
  const resolve = (request: UploadRequest) => {
    checkRequest(request);
    const accountId = request.accountId ?? deps.activeId();
    const taskId = request.taskId.trim();
    const list = deps.lists.getList(request.listId);
    const variables = resolveVariables(list, request.variables);
    return { accountId, taskId, list, variables, via: request.via ?? 'data' };
  };

  /** What the selection needs (on whichever thread makes it). */
  const selectionOf = (request: UploadRequest, resolved: ReturnType<typeof resolve>): SelectionArgs => ({
    accountId: resolved.accountId,
    taskId: resolved.taskId,
    listId: resolved.list.id,
    variables: resolved.variables,
    ...(request.rowIds ? { rowIds: request.rowIds } : {}),
    sendNumbersOnTask: request.sendNumbersOnTask === true,
    provider: deps.factoryFor(resolved.accountId).info.id,
  });

  /**
   * The rows to send, selected in one pass (the journal is written from this snapshot), with a
   * way to write the journal from them: on the worker when there is one, else here.
   */
  const prepare = async (request: UploadRequest, resolved: ReturnType<typeof resolve>) => {
    if (deps.offMain) return deps.offMain.prepare(selectionOf(request, resolved));
    const { accountId, taskId, list, variables } = resolved;
    const onTask = journal.outidsOnTask(accountId, taskId);
    const rules = deps.factoryFor(accountId);
    const checks = campaignChecks(
      journal,
      deps.campaign,
      accountId,
      taskId,
      list.id,
      request.sendNumbersOnTask === true,
    );
    const selected = selectRows(deps.lists, list, variables, onTask, rules, checks, request.rowIds);
    return {
      counts: countsOf(selected),
      create: async (header: UploadHeader) =>
        journal.create({
          ...header,
          excluded: selected.excluded,
          rows: selected.send,
          repeated: selected.repeated,
        }),
      discard: async () => undefined,
    };
  };

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

  /** Takes the upload over for this service, in one transaction so two processes cannot both win. */
  const claim = (id: number, via: UploadVia | undefined): void => {
    deps.db
      .transaction(() => {
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
      })
      .immediate();
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
    deps.db
      .transaction(() => {
        const record = journal.get(uploadId);
        if (record.state === 'running' && !mayTakeOver(record, owner, now()))
          journal.update(uploadId, { requested: 'cancel' });
        else if (record.state !== 'done' && record.state !== 'cancelled') {
          journal.sendingToUncertain(uploadId);
          journal.update(uploadId, { state: 'cancelled', requested: null, finished_at: now() });
        }
      })
      .immediate();
  };

  return {
    async plan(request) {
      const resolved = resolve(request);
      const { accountId, taskId, list, variables, via } = resolved;
      const rules = deps.factoryFor(accountId);
      const sendNumbersOnTask = request.sendNumbersOnTask === true;
      const selected = deps.offMain
        ? await deps.offMain.plan(selectionOf(request, resolved))
        : countsOf(
            await countRows(
              deps.lists,
              list,
              variables,
              journal.outidsOnTask(accountId, taskId),
              rules,
              campaignChecks(journal, deps.campaign, accountId, taskId, list.id, sendNumbersOnTask),
              request.rowIds,
            ),
          );
      const toSend = selected.send;
      const { rows } = rules.info.capabilities;
      const batchRows = batchRowsOf(accountId);
      const fileRows = rows.file?.maxRows ?? 0;
      return {
        accountId,
        taskId,
        listId: list.id,
        listName: list.name,
        via,
        consideredRows: selected.considered,
        missingRowIds: selected.missingRowIds,
        excluded: selected.excluded,
        alreadyOnTask: selected.repeated,
        numberOnTask: { ...selected.numberOnTask, sendAnyway: sendNumbersOnTask },
        doNotCall: selected.doNotCall,
        flagged: selected.flagged,
        toSend,
        mayBeFiltered: selected.mayBeFiltered,
        variables: variables.columns,
        rowLimits: {
          maxKeyLength: rows.maxKeyLength,
          phoneCharacters: rows.phoneCharacters,
          maxPhoneLength: rows.maxPhoneLength,
          maxVariablesBytes: rows.maxVariablesBytes,
        },
        batchRows,
        minSpacingMs: rows.minSpacingMs,
        requests:
          via === 'data' || fileRows === 0 ? Math.ceil(toSend / batchRows) : Math.ceil(toSend / fileRows),
        fileAllowed: toSend <= fileRows,
        unfinishedUploadId: journal.unfinished(accountId, taskId, list.id)?.id ?? null,
      };
    },

    async start(request, options = {}) {
      const resolved = resolve(request);
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
        const prepared = await prepare(request, resolved);
        try {
          refuseUnfinished();
          const toSend = prepared.counts.send;
          if (toSend === 0) throw uploadFailure('uploads.nothing_to_send');
          if (via === 'file' && toSend > fileRowsOf(accountId))
            throw uploadFailure('uploads.file_too_many_rows', String(toSend));
          // Credentials first: a missing keychain entry should not leave a journal behind.
          const session = await deps.sessionFor(accountId);
          const id = await prepared.create({
            accountId,
            taskId,
            listId: list.id,
            listName: list.name,
            via,
            batchRows: batchRowsOf(accountId),
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

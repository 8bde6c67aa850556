/**
 * The upload service's request side: a request checked and resolved (account, task, list,
 * variable mapping), its plan (what `start` would send), and the rows `start` sends, selected on
 * the database worker when the host has one, else here.
 */
import type { UploadPlan, UploadRequest } from '../../../shared/uploads';
import { parseColumns } from '../lists/records';
import type { UploadServiceDeps } from './api';
import { uploadFailure } from './errors';
import type { UploadJournal } from './journal';
import { campaignChecks, countsOf, type SelectionArgs, type UploadHeader } from './offMain';
import { countRows, resolveVariables, selectRows } from './selection';

function checkRequest(request: UploadRequest): void {
  const ok =
    Number.isInteger(request.listId) &&
    typeof request.taskId === 'string' &&
    request.taskId.trim() !== '' &&
    (request.via === undefined || request.via === 'data' || request.via === 'file') &&
    (request.rowIds === undefined || request.rowIds.every((id) => Number.isInteger(id)));
  if (!ok) throw uploadFailure('uploads.bad_request');
}

/** Rows per request for the account (the host's override, else the provider's). */
export const batchRowsOf = (deps: UploadServiceDeps, accountId: string): number =>
  deps.batchRows ?? deps.factoryFor(accountId).info.capabilities.rows.batchRows;

/** The most rows one workbook may carry for the account (0: no workbook upload). */
export const fileRowsOf = (deps: UploadServiceDeps, accountId: string): number =>
  deps.factoryFor(accountId).info.capabilities.rows.file?.maxRows ?? 0;

/** The request's account, task, list and variable mapping, checked. */
export const resolve = (deps: UploadServiceDeps, request: UploadRequest) => {
  checkRequest(request);
  const accountId = request.accountId ?? deps.activeId();
  const taskId = request.taskId.trim();
  // The list's record, not its counts: counting 100,000 rows would hold the thread that answers
  // the contract (the selection, on the database worker, counts them).
  const record = deps.lists.record(request.listId);
  const list = { id: record.id, name: record.name, columns: parseColumns(record) };
  const variables = resolveVariables(list, request.variables);
  return { accountId, taskId, list, variables, via: request.via ?? 'data' };
};

export type ResolvedRequest = ReturnType<typeof resolve>;

/** What the selection needs (on whichever thread makes it). */
const selectionOf = (
  deps: UploadServiceDeps,
  request: UploadRequest,
  resolved: ResolvedRequest,
): SelectionArgs => ({
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
export const prepare = async (
  deps: UploadServiceDeps,
  journal: UploadJournal,
  request: UploadRequest,
  resolved: ResolvedRequest,
) => {
  if (deps.offMain) return deps.offMain.prepare(selectionOf(deps, request, resolved));
  const { accountId, taskId, variables } = resolved;
  const list = deps.lists.getList(resolved.list.id);
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

/** What `start` would do with the request (see UploadService.plan). */
export async function planUpload(
  deps: UploadServiceDeps,
  journal: UploadJournal,
  request: UploadRequest,
): Promise<UploadPlan> {
  const resolved = resolve(deps, request);
  const { accountId, taskId, list, variables, via } = resolved;
  const rules = deps.factoryFor(accountId);
  const sendNumbersOnTask = request.sendNumbersOnTask === true;
  const selected = deps.offMain
    ? await deps.offMain.plan(selectionOf(deps, request, resolved))
    : countsOf(
        await countRows(
          deps.lists,
          deps.lists.getList(list.id),
          variables,
          journal.outidsOnTask(accountId, taskId),
          rules,
          campaignChecks(journal, deps.campaign, accountId, taskId, list.id, sendNumbersOnTask),
          request.rowIds,
        ),
      );
  const toSend = selected.send;
  const { rows } = rules.info.capabilities;
  const batchRows = batchRowsOf(deps, accountId);
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
    requests: via === 'data' || fileRows === 0 ? Math.ceil(toSend / batchRows) : Math.ceil(toSend / fileRows),
    fileAllowed: toSend <= fileRows,
    unfinishedUploadId: journal.unfinished(accountId, taskId, list.id)?.id ?? null,
  };
}
